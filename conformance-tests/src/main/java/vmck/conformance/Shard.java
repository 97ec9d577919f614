package vmck.conformance;

/**
 * A deterministic part of a suite run: shard {@code index} of {@code count} runs the properties
 * whose position in the suite's plan is {@code index} modulo {@code count}, each exactly as the
 * whole run would (same seed, same scenarios, same shrinking), so every shard replays exactly and
 * {@link ShardMerge} can rebuild the whole run's report from the shards'.
 */
public record Shard(int index, int count) {

    /** The whole run. */
    public static final Shard ALL = new Shard(0, 1);

    public Shard {
        if (count < 1 || index < 0 || index >= count) {
            throw new IllegalArgumentException("shard " + index + "/" + count + ": need 0 <= K < N");
        }
    }

    /** Parses {@code K/N} (K counted from 0). */
    public static Shard parse(String text) {
        int slash = text.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("shard '" + text + "': expected K/N, e.g. 0/4");
        }
        try {
            return new Shard(Integer.parseInt(text.substring(0, slash).trim()),
                    Integer.parseInt(text.substring(slash + 1).trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("shard '" + text + "': expected K/N with whole numbers, e.g. 0/4");
        }
    }

    /** True when this shard runs the property at {@code position} in the plan. */
    public boolean runs(int position) {
        return position % count == index;
    }

    public boolean isWhole() {
        return count == 1;
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
