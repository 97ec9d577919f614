package vmck.engine;

import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Folds scenario outcomes into counts in index order, whatever order threads finish in, and
 * stops at the first failure — so counts equal those of a sequential run.
 */
final class OrderedTally {

    private record Finished(Outcome.Kind kind, Set<Label> labels, long finishedNanos) {
    }

    private final TreeMap<Long, Finished> pending = new TreeMap<>();
    private final SortedMap<Label, Long> labelCounts = new TreeMap<>();
    private long nextIndex;
    private long passed;
    private long discarded;
    private long failureIndex = -1;
    private long failureNanos;

    synchronized void submit(long index, Outcome.Kind kind, Set<Label> labels, long finishedNanos) {
        if (failureIndex >= 0) {
            return;
        }
        pending.put(index, new Finished(kind, labels, finishedNanos));
        Finished next;
        while (failureIndex < 0 && (next = pending.remove(nextIndex)) != null) {
            switch (next.kind()) {
                case PASS -> passed++;
                case DISCARD -> discarded++;
                case FAIL -> {
                    failureIndex = nextIndex;
                    failureNanos = next.finishedNanos();
                }
            }
            if (next.kind() != Outcome.Kind.DISCARD) {
                for (Label label : next.labels()) {
                    labelCounts.merge(label, 1L, Long::sum);
                }
            }
            nextIndex++;
        }
        if (failureIndex >= 0) {
            pending.clear();
        }
    }

    synchronized long passed() {
        return passed;
    }

    synchronized long discarded() {
        return discarded;
    }

    /** Index of the first failure in index order, or -1. */
    synchronized long failureIndex() {
        return failureIndex;
    }

    synchronized long failureNanos() {
        return failureNanos;
    }

    synchronized LabelStatistics labels() {
        return new LabelStatistics(passed + (failureIndex >= 0 ? 1 : 0), labelCounts);
    }
}
