package vmck.engine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.SortedSet;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * The source of every decision in one scenario, and the recorder of those decisions.
 *
 * <p>All draws reduce to {@link #draw(long)}, a bounded unsigned integer; each one is recorded,
 * so {@link #recorded()} replays to the same value. Values come first from a replay prefix, then
 * either from a seeded random source or, when replaying only, as 0 — the simplest value. A
 * replayed value above the current bound is clamped to the bound, so edited (shrunk) sequences
 * always stay valid.
 *
 * <p>The convention every generator should follow: <b>0 is the simplest choice</b> (smallest
 * number, first option, {@code false}, "stop the list here").
 *
 * <p>One instance serves one scenario on one thread; it is not thread-safe.
 */
public final class Choices {

    /** Generous limit so a runaway generator ends as a discarded scenario instead of exhausting memory. */
    static final int MAX_DRAWS = 1 << 20;

    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private final long[] prefix;
    private final SplittableRandom random;
    private long[] recorded = new long[32];
    private int size;
    /** The label of each list element's span (see {@link #list(Generator, int, int, double)}). */
    static final String LIST_ELEMENT = "list-element";
    private final List<Span> spans = new ArrayList<>();
    private final Deque<Integer> openSpans = new ArrayDeque<>();
    private final Deque<String> openLabels = new ArrayDeque<>();
    private final SortedSet<Label> labels = new TreeSet<>();
    private final long scenarioIndex;

    private Choices(long[] prefix, SplittableRandom random, long scenarioIndex) {
        this.prefix = prefix;
        this.random = random;
        this.scenarioIndex = scenarioIndex;
    }

    /** Random choices from {@code seed}: the same seed always produces the same choices. */
    public static Choices random(long seed) {
        return new Choices(new long[0], new SplittableRandom(seed), -1);
    }

    /**
     * The random choices the runner uses for scenario {@code index} of a run with {@code seed};
     * a pure function of both, so a scenario never depends on thread count or timing.
     */
    public static Choices forScenario(long seed, long index) {
        return new Choices(new long[0], new SplittableRandom(scenarioSeed(seed, index)), index);
    }

    /**
     * Which scenario of a run these choices generate, or -1 (a replay, a shrink attempt). A property
     * that keeps facts about its scenarios keys them by it, so that what it keeps can be cut at the
     * run's first failure: scenarios past it may have run on another thread, or not, by timing.
     */
    public long scenarioIndex() {
        return scenarioIndex;
    }

    /** Replays {@code sequence}; draws past its end return 0. */
    public static Choices replay(ChoiceSequence sequence) {
        return new Choices(sequence.unsafeArray(), null, -1);
    }

    /** Replays {@code choices}; draws past their end return 0. */
    public static Choices replay(long... choices) {
        return replay(ChoiceSequence.of(choices));
    }

    static long scenarioSeed(long seed, long index) {
        // SplitMix64 finalizer over both inputs: cheap, and neighbouring indices get unrelated seeds.
        return mix64(mix64(seed) + GOLDEN_GAMMA * (index + 1));
    }

    private static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    // ---------------------------------------------------------------- primitive

    /** A value in {@code [0, maxInclusive]}; random draws favour 0, {@code maxInclusive} and small values. */
    public long draw(long maxInclusive) {
        if (maxInclusive < 0) {
            throw new IllegalArgumentException("maxInclusive must be >= 0, got " + maxInclusive);
        }
        if (hasReplayedValue()) {
            return record(Math.min(prefix[size], maxInclusive));
        }
        return record(random == null || maxInclusive == 0 ? 0 : randomBiased(maxInclusive));
    }

    private long randomBiased(long max) {
        // Edge values find more bugs than uniform ones: 0, the maximum and small numbers.
        switch (random.nextInt(16)) {
            case 0:
                return 0;
            case 1:
                return max;
            case 2:
                return random.nextLong(Math.min(max, 16) + 1);
            default:
                return max == Long.MAX_VALUE ? random.nextLong() >>> 1 : random.nextLong(max + 1);
        }
    }

    private boolean hasReplayedValue() {
        return size < prefix.length;
    }

    private long record(long value) {
        if (size >= MAX_DRAWS) {
            throw new Discarded("overrun: more than " + MAX_DRAWS + " draws");
        }
        if (size == recorded.length) {
            recorded = Arrays.copyOf(recorded, size * 2);
        }
        recorded[size++] = value;
        return value;
    }

    // ---------------------------------------------------------------- conveniences

    /** {@code false} is the simpler value. */
    public boolean drawBoolean() {
        return draw(1) == 1;
    }

    /** A value in {@code [minInclusive, maxInclusive]}; shrinks towards {@code minInclusive}. */
    public int drawInt(int minInclusive, int maxInclusive) {
        if (maxInclusive < minInclusive) {
            throw new IllegalArgumentException("empty range [" + minInclusive + ", " + maxInclusive + "]");
        }
        return (int) (minInclusive + draw((long) maxInclusive - minInclusive));
    }

    /** A value in {@code [minInclusive, maxInclusive]}; shrinks towards {@code minInclusive}. */
    public long drawLong(long minInclusive, long maxInclusive) {
        if (maxInclusive < minInclusive) {
            throw new IllegalArgumentException("empty range [" + minInclusive + ", " + maxInclusive + "]");
        }
        long width = maxInclusive - minInclusive;
        if (width < 0) {
            throw new IllegalArgumentException("range wider than Long.MAX_VALUE: [" + minInclusive + ", " + maxInclusive + "]");
        }
        return minInclusive + draw(width);
    }

    /** One of {@code options}; earlier options are simpler. */
    public <T> T pick(List<T> options) {
        if (options.isEmpty()) {
            throw new IllegalArgumentException("no options to pick from");
        }
        return options.get((int) draw(options.size() - 1L));
    }

    /**
     * An index into {@code weights}, drawn with probability proportional to its weight; earlier
     * indices are simpler. When replaying, an index with weight 0 moves to the nearest lower
     * (else higher) index with positive weight.
     */
    public int weighted(int... weights) {
        long total = 0;
        for (int w : weights) {
            if (w < 0) {
                throw new IllegalArgumentException("weights must be >= 0: " + Arrays.toString(weights));
            }
            total += w;
        }
        if (total == 0) {
            throw new IllegalArgumentException("at least one weight must be positive");
        }
        long index;
        if (hasReplayedValue()) {
            index = Math.min(prefix[size], weights.length - 1L);
        } else if (random != null) {
            long ticket = random.nextLong(total);
            index = 0;
            while (ticket >= weights[(int) index]) {
                ticket -= weights[(int) index];
                index++;
            }
        } else {
            index = 0;
        }
        return (int) record(nearestPositive(weights, (int) index));
    }

    private static int nearestPositive(int[] weights, int index) {
        for (int i = index; i >= 0; i--) {
            if (weights[i] > 0) {
                return i;
            }
        }
        for (int i = index + 1; i < weights.length; i++) {
            if (weights[i] > 0) {
                return i;
            }
        }
        throw new AssertionError("unreachable: total weight is positive");
    }

    /** A value from {@code generator}, drawn from these choices. */
    public <T> T draw(Generator<T> generator) {
        return generator.generate(this);
    }

    /** A list of {@code minSize..maxSize} elements with a heuristic average size. */
    public <T> List<T> list(Generator<T> element, int minSize, int maxSize) {
        double average = Math.min(Math.max(minSize * 2.0, minSize + 5.0), 0.5 * (minSize + (double) maxSize));
        return list(element, minSize, maxSize, average);
    }

    /**
     * A list of {@code minSize..maxSize} elements, about {@code averageSize} long when random.
     *
     * <p>Encoding, stable because saved traces depend on it: each element is one span labelled
     * {@code "list-element"} holding a "continue?" choice (1 = another element follows; not drawn
     * for the first {@code minSize} elements) followed by the element's own choices; a final 0
     * choice ends the list unless {@code maxSize} was reached. Deleting an element's span
     * therefore deletes exactly that element.
     */
    public <T> List<T> list(Generator<T> element, int minSize, int maxSize, double averageSize) {
        if (minSize < 0 || maxSize < minSize) {
            throw new IllegalArgumentException("bad size range [" + minSize + ", " + maxSize + "]");
        }
        double extra = Math.max(0.0, averageSize - minSize);
        double continueProbability = extra / (extra + 1.0);
        List<T> result = new ArrayList<>();
        while (result.size() < maxSize) {
            startSpan(LIST_ELEMENT);
            boolean more = result.size() < minSize || drawContinue(continueProbability);
            if (!more) {
                endSpan();
                break;
            }
            result.add(element.generate(this));
            endSpan();
        }
        return result;
    }

    private boolean drawContinue(double probability) {
        if (hasReplayedValue()) {
            return record(Math.min(prefix[size], 1)) == 1;
        }
        return record(random != null && random.nextDouble() < probability ? 1 : 0) == 1;
    }

    // ---------------------------------------------------------------- structure and context

    /** Opens a span: the choices drawn until the matching {@link #endSpan()} belong together. */
    public void startSpan(String label) {
        openSpans.push(size);
        openLabels.push(Objects.requireNonNull(label, "label"));
    }

    /** Closes the innermost open span. */
    public void endSpan() {
        if (openSpans.isEmpty()) {
            throw new IllegalStateException("endSpan without startSpan");
        }
        int start = openSpans.pop();
        String label = openLabels.pop();
        if (size > start) {
            spans.add(new Span(label, start, size, openSpans.size()));
        }
    }

    /** Runs {@code body} inside a span labelled {@code label}. */
    public <T> T span(String label, Supplier<T> body) {
        startSpan(label);
        try {
            return body.get();
        } finally {
            endSpan();
        }
    }

    /** Adds a statistics label to this scenario (counted once per scenario, however often added). */
    public void label(String category, String value) {
        labels.add(new Label(category, value));
    }

    /** Discards the scenario unless {@code condition} holds: a precondition, not a failure. */
    public void assume(boolean condition) {
        if (!condition) {
            throw new Discarded("assumption not met");
        }
    }

    /** Discards the scenario: it does not meet a precondition. Never returns. */
    public RuntimeException reject(String reason) {
        throw new Discarded(reason);
    }

    /** The choices drawn so far. */
    public ChoiceSequence recorded() {
        return ChoiceSequence.wrap(Arrays.copyOf(recorded, size));
    }

    /** Number of choices drawn so far. */
    public int drawCount() {
        return size;
    }

    /** Spans in order of their closing; spans still open are closed at the current position. */
    List<Span> spans() {
        List<Span> all = new ArrayList<>(spans);
        int depth = openSpans.size();
        var labelIt = openLabels.iterator();
        for (int start : openSpans) {
            String label = labelIt.next();
            depth--;
            if (size > start) {
                all.add(new Span(label, start, size, depth));
            }
        }
        return all;
    }

    SortedSet<Label> labels() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(labels));
    }
}
