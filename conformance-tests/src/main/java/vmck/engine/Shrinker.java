package vmck.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Hypothesis-style shrinking of a failing choice sequence: edit the choices, replay, and keep
 * an edit when it fails with the same key and is shortlex-smaller. Passes repeat until a whole
 * round improves nothing, the passes stall ({@code stallAttempts} replays in a row without a
 * simpler failure), or a budget is spent. Every stop but the time budget depends only on the
 * replays' outcomes, so a shrink is deterministic.
 *
 * <p>Each round starts with two adaptive passes (Hypothesis's {@code find_integer}): at each
 * place, delete (or zero) 1, 2, 3, 4 items, then probe 8, 16, 32... until the edit stops
 * failing, then binary-search the largest that still fails. A long scenario loses a run of n
 * needless steps in about 2 log2(n) replays instead of n, which is what matters when every
 * replay crosses a slow link.
 */
final class Shrinker<T> {

    private static final int[] BLOCK_SIZES = {8, 4, 2, 1};
    /** How far apart two choices may be for the redistribution pass; covers small structs. */
    private static final int REDISTRIBUTE_DISTANCE = 4;

    private final Function<ChoiceSequence, ScenarioRun<T>> replay;
    private final String key;
    private final int maxAttempts;
    private final int stallAttempts;
    private final long deadlineNanos;
    // Whether each replayed sequence failed with the key; looked up by key only, so order never matters.
    private final Map<ChoiceSequence, Boolean> tried = new HashMap<>();
    private ScenarioRun<T> best;
    private int attempts;
    private int steps;
    private int attemptsAtLastStep;
    private ShrinkStop stop = ShrinkStop.DONE;

    Shrinker(Function<ChoiceSequence, ScenarioRun<T>> replay, ScenarioRun<T> failing,
             int maxAttempts, int stallAttempts, Duration timeBudget) {
        this.replay = replay;
        this.best = failing;
        this.key = failing.outcome().key();
        this.maxAttempts = maxAttempts;
        this.stallAttempts = stallAttempts;
        this.deadlineNanos = timeBudget == null ? Long.MAX_VALUE : System.nanoTime() + timeBudget.toNanos();
        tried.put(failing.choices(), true);
    }

    ScenarioRun<T> shrink() {
        boolean improved = true;
        while (improved && !exhausted()) {
            // Cheapest per unit of progress first: the fixed-size block passes mostly fail, so they
            // come last, where a stall ends them rather than the passes that still pay.
            improved = deleteAdjacentElements();
            improved |= zeroRuns();
            improved |= deleteSpans();
            improved |= lowerValues();
            improved |= lowerDuplicates();
            improved |= deleteBlocks();
            improved |= zeroBlocks();
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

    /** Why the shrink ended. */
    ShrinkStop stop() {
        return stop;
    }

    private boolean exhausted() {
        if (stop != ShrinkStop.DONE) {
            return true;
        }
        if (attempts >= maxAttempts) {
            stop = ShrinkStop.ATTEMPTS;
        } else if (attempts - attemptsAtLastStep >= stallAttempts) {
            stop = ShrinkStop.STALLED;
        } else if (deadlineNanos != Long.MAX_VALUE && System.nanoTime() - deadlineNanos >= 0) {
            stop = ShrinkStop.TIME_BUDGET;
        }
        return stop != ShrinkStop.DONE;
    }

    /** Replays {@code candidate}; adopts it if it fails with the same key and is simpler. True when adopted. */
    private boolean consider(long[] candidate) {
        int before = steps;
        failsWithKey(candidate);
        return steps > before;
    }

    /**
     * Replays {@code candidate} (once: outcomes are remembered) and adopts it if it fails with the
     * same key and is simpler. True when it fails with the key, adopted or not: the adaptive passes
     * search on that, since a candidate may fail yet not beat what an earlier probe adopted.
     */
    private boolean failsWithKey(long[] candidate) {
        if (exhausted()) {
            return false;
        }
        ChoiceSequence sequence = ChoiceSequence.wrap(candidate);
        Boolean known = tried.get(sequence);
        if (known != null) {
            return known;
        }
        attempts++;
        ScenarioRun<T> run = replay.apply(sequence);
        boolean fails = run.outcome().failsWith(key);
        tried.put(sequence, fails);
        if (fails && run.choices().compareTo(best.choices()) < 0) {
            best = run;
            steps++;
            attemptsAtLastStep = attempts;
        }
        return fails;
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

    /**
     * Adaptive deletion of list elements: from the last element of each list back to the first,
     * deletes the largest run of adjacent elements ending there that still fails.
     */
    private boolean deleteAdjacentElements() {
        boolean improved = false;
        // Work from the end: a deletion never moves the elements still to visit.
        int cursor = Integer.MAX_VALUE;
        while (!exhausted()) {
            List<Span> run = elementsEndingBefore(cursor);
            if (run.isEmpty()) {
                break;
            }
            long[] base = current();
            int last = run.size() - 1;
            int before = steps;
            int deleted = findLargest(last + 1, k -> failsWithKey(without(base, run.get(last - k + 1).start(), run.get(last).end())));
            improved |= steps > before;
            // Continue with the element before the deleted ones (or before this one if none went).
            cursor = run.get(last - Math.max(deleted, 1) + 1).start();
        }
        return improved;
    }

    /**
     * The adjacent list elements (same depth, each starting where the previous ends) up to the
     * last element that starts before {@code cursor}; empty if there is none.
     */
    private List<Span> elementsEndingBefore(int cursor) {
        List<Span> elements = new ArrayList<>();
        for (Span span : best.spans()) {
            if (span.label().equals(Choices.LIST_ELEMENT) && span.length() > 0 && span.start() < cursor) {
                elements.add(span);
            }
        }
        if (elements.isEmpty()) {
            return List.of();
        }
        elements.sort((a, b) -> a.start() != b.start() ? Integer.compare(a.start(), b.start()) : Integer.compare(a.depth(), b.depth()));
        // The last one that starts before the cursor, at the deepest depth among those sharing that start.
        Span last = elements.get(elements.size() - 1);
        List<Span> run = new ArrayList<>();
        run.add(last);
        for (int i = elements.size() - 2; i >= 0; i--) {
            Span previous = elements.get(i);
            Span first = run.get(0);
            if (previous.depth() == first.depth() && previous.end() == first.start()) {
                run.add(0, previous);
            }
        }
        return run;
    }

    /**
     * Adaptive zeroing: from each non-zero choice, sets the longest run of choices starting there
     * to zero that still fails (zero is every choice's simplest value). The run skips the choice
     * that opens each list element (its "another element?" choice), so one run can simplify many
     * elements at once without ending their list; deleting elements is another pass's job.
     */
    private boolean zeroRuns() {
        boolean improved = false;
        int i = 0;
        while (i < current().length && !exhausted()) {
            if (current()[i] == 0) {
                i++;
                continue;
            }
            long[] base = current();
            boolean[] opensElement = elementOpenings(base.length);
            final int from = i;
            int before = steps;
            int zeroed = findLargest(base.length - from, k -> {
                long[] candidate = base.clone();
                for (int j = from; j < from + k; j++) {
                    if (j == from || !opensElement[j]) {
                        candidate[j] = 0;
                    }
                }
                return failsWithKey(candidate);
            });
            improved |= steps > before;
            i += Math.max(zeroed, 1);
        }
        return improved;
    }

    /** Which positions open a list element in the current best sequence. */
    private boolean[] elementOpenings(int length) {
        boolean[] opens = new boolean[length];
        for (Span span : best.spans()) {
            if (span.label().equals(Choices.LIST_ELEMENT) && span.length() > 0 && span.start() < length) {
                opens[span.start()] = true;
            }
        }
        return opens;
    }

    private interface SizedAttempt {
        boolean succeedsWith(int size);
    }

    /**
     * Hypothesis's {@code find_integer}: the largest {@code k <= max} for which {@code attempt}
     * succeeds, assuming success for 0 and (roughly) monotone failure above some size: tries
     * 1..4 in turn, then doubles, then binary-searches between the last success and the first
     * failure. Costs about 2 log2(k) attempts. Each success is already adopted by {@link #consider}.
     */
    private int findLargest(int max, SizedAttempt attempt) {
        int lo = 0;
        for (int k = 1; k <= Math.min(4, max); k++) {
            if (exhausted() || !attempt.succeedsWith(k)) {
                return lo;
            }
            lo = k;
        }
        if (lo == max) {
            return lo;
        }
        int hi = Math.min(2 * lo, max);
        while (!exhausted() && attempt.succeedsWith(hi)) {
            lo = hi;
            if (hi == max) {
                return lo;
            }
            hi = Math.min(2 * hi, max);
        }
        while (hi - lo > 1 && !exhausted()) {
            int mid = lo + (hi - lo) / 2;
            if (attempt.succeedsWith(mid)) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return lo;
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
