package vmck.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Hypothesis-style shrinking of a failing choice sequence: edit the choices, replay, and keep
 * an edit when it fails with the same key and is shortlex-smaller. Passes repeat until a whole
 * round improves nothing or the budget is spent.
 */
final class Shrinker<T> {

    private static final int[] BLOCK_SIZES = {8, 4, 2, 1};
    /** How far apart two choices may be for the redistribution pass; covers small structs. */
    private static final int REDISTRIBUTE_DISTANCE = 4;

    private final Function<ChoiceSequence, ScenarioRun<T>> replay;
    private final String key;
    private final int maxAttempts;
    private final long deadlineNanos;
    // Only for membership: iteration order never matters.
    private final Set<ChoiceSequence> tried = new HashSet<>();
    private ScenarioRun<T> best;
    private int attempts;
    private int steps;

    Shrinker(Function<ChoiceSequence, ScenarioRun<T>> replay, ScenarioRun<T> failing,
             int maxAttempts, Duration timeBudget) {
        this.replay = replay;
        this.best = failing;
        this.key = failing.outcome().key();
        this.maxAttempts = maxAttempts;
        this.deadlineNanos = timeBudget == null ? Long.MAX_VALUE : System.nanoTime() + timeBudget.toNanos();
        tried.add(failing.choices());
    }

    ScenarioRun<T> shrink() {
        boolean improved = true;
        while (improved && !exhausted()) {
            improved = deleteSpans();
            improved |= deleteBlocks();
            improved |= zeroBlocks();
            improved |= lowerValues();
            improved |= lowerDuplicates();
            if (!improved) {
                // Expensive and rarely needed, so only when cheaper passes are stuck.
                improved = redistribute();
            }
        }
        return best;
    }

    int attempts() {
        return attempts;
    }

    int steps() {
        return steps;
    }

    private boolean exhausted() {
        return attempts >= maxAttempts || (deadlineNanos != Long.MAX_VALUE && System.nanoTime() - deadlineNanos >= 0);
    }

    /** Replays {@code candidate}; adopts it if it fails with the same key and is simpler. */
    private boolean consider(long[] candidate) {
        if (exhausted()) {
            return false;
        }
        ChoiceSequence sequence = ChoiceSequence.wrap(candidate);
        if (!tried.add(sequence)) {
            return false;
        }
        attempts++;
        ScenarioRun<T> run = replay.apply(sequence);
        if (run.outcome().failsWith(key) && run.choices().compareTo(best.choices()) < 0) {
            best = run;
            steps++;
            return true;
        }
        return false;
    }

    private long[] current() {
        return best.choices().unsafeArray();
    }

    private static long[] without(long[] values, int start, int end) {
        long[] result = new long[values.length - (end - start)];
        System.arraycopy(values, 0, result, 0, start);
        System.arraycopy(values, end, result, start, values.length - end);
        return result;
    }

    private boolean deleteSpans() {
        boolean improved = false;
        // Longest first: deleting a whole sub-structure saves many single-element attempts.
        int i = 0;
        while (!exhausted()) {
            List<Span> spans = spansLongestFirst();
            if (i >= spans.size()) {
                break;
            }
            Span span = spans.get(i);
            if (span.end() <= current().length && consider(without(current(), span.start(), span.end()))) {
                improved = true;
            } else {
                i++;
            }
        }
        return improved;
    }

    private List<Span> spansLongestFirst() {
        // Distinct ranges only, ordered by length descending then start: deterministic.
        TreeSet<long[]> ranges = new TreeSet<>((a, b) -> a[0] != b[0] ? Long.compare(b[0], a[0]) : Long.compare(a[1], b[1]));
        for (Span s : best.spans()) {
            ranges.add(new long[] {s.length(), s.start()});
        }
        List<Span> result = new ArrayList<>();
        for (long[] r : ranges) {
            result.add(new Span("", (int) r[1], (int) (r[1] + r[0]), 0));
        }
        return result;
    }

    private boolean deleteBlocks() {
        boolean improved = false;
        for (int k : BLOCK_SIZES) {
            int i = 0;
            while (i + k <= current().length && !exhausted()) {
                if (consider(without(current(), i, i + k))) {
                    improved = true;
                } else {
                    i++;
                }
            }
        }
        return improved;
    }

    private boolean zeroBlocks() {
        boolean improved = false;
        for (int k : BLOCK_SIZES) {
            for (int i = 0; i + k <= current().length && !exhausted(); i++) {
                long[] candidate = current().clone();
                boolean changed = false;
                for (int j = i; j < i + k; j++) {
                    changed |= candidate[j] != 0;
                    candidate[j] = 0;
                }
                if (changed && consider(candidate)) {
                    improved = true;
                }
            }
        }
        return improved;
    }

    private boolean lowerValues() {
        boolean improved = false;
        for (int i = 0; i < current().length && !exhausted(); i++) {
            final int position = i;
            improved |= minimise(current()[i], value -> {
                if (position >= current().length) {
                    return false;
                }
                long[] candidate = current().clone();
                candidate[position] = value;
                return consider(candidate);
            });
        }
        return improved;
    }

    /** Lowers every occurrence of a repeated value together, e.g. the key shared by several ops. */
    private boolean lowerDuplicates() {
        boolean improved = false;
        long[] snapshot = current();
        long[] sorted = snapshot.clone();
        Arrays.sort(sorted);
        List<Long> repeated = new ArrayList<>();
        for (int i = 1; i < sorted.length; i++) {
            if (sorted[i] != 0 && sorted[i] == sorted[i - 1] && (repeated.isEmpty() || repeated.get(repeated.size() - 1) != sorted[i])) {
                repeated.add(sorted[i]);
            }
        }
        for (long target : repeated) {
            if (exhausted()) {
                break;
            }
            long[] base = current();
            improved |= minimise(target, value -> {
                long[] candidate = base.clone();
                for (int j = 0; j < candidate.length; j++) {
                    if (base[j] == target) {
                        candidate[j] = value;
                    }
                }
                return consider(candidate);
            });
        }
        return improved;
    }

    /** Moves value from an earlier choice to a nearby later one, e.g. [301, 700] to [1, 1000]. */
    private boolean redistribute() {
        boolean improved = false;
        for (int i = 0; i < current().length && !exhausted(); i++) {
            for (int j = i + 1; j <= i + REDISTRIBUTE_DISTANCE && j < current().length && !exhausted(); j++) {
                long[] base = current();
                if (base[i] == 0) {
                    break;
                }
                final int from = i;
                final int to = j;
                // Find the largest amount we can move: minimise the value left behind at 'from'.
                improved |= minimise(base[from], left -> {
                    long[] candidate = base.clone();
                    long moved = base[from] - left;
                    candidate[from] = left;
                    candidate[to] = base[to] > Long.MAX_VALUE - moved ? Long.MAX_VALUE : base[to] + moved;
                    return consider(candidate);
                });
            }
        }
        return improved;
    }

    private interface Attempt {
        boolean succeedsWith(long value);
    }

    /**
     * Binary search for the smallest value below {@code known} (which works) that still works;
     * each successful attempt is already adopted by {@link #consider}.
     */
    private boolean minimise(long known, Attempt attempt) {
        if (known == 0) {
            return false;
        }
        if (attempt.succeedsWith(0)) {
            return true;
        }
        boolean improved = false;
        long lo = 0;
        long hi = known;
        while (hi - lo > 1 && !exhausted()) {
            long mid = lo + (hi - lo) / 2;
            if (attempt.succeedsWith(mid)) {
                hi = mid;
                improved = true;
            } else {
                lo = mid;
            }
        }
        return improved;
    }
}
