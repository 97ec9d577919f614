package vmck.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * Minimum shares of scenarios that must carry given labels, checked after a run — so a suite
 * notices when its generators stop reaching the cases it depends on.
 */
public final class Coverage {

    /** A requirement not met: the label's actual share fell below the minimum. */
    public record Shortfall(Label label, double requiredShare, double actualShare, long count, long scenarios) {
        @Override
        public String toString() {
            return String.format("%s: %.2f%% of %d scenarios (%d), required %.2f%%",
                    label, 100 * actualShare, scenarios, count, 100 * requiredShare);
        }
    }

    private record Requirement(Label label, double minShare) {
    }

    private final List<Requirement> requirements;

    private Coverage(List<Requirement> requirements) {
        this.requirements = List.copyOf(requirements);
    }

    /** Requires at least {@code minShare} (in {@code [0, 1]}) of scenarios to carry {@code category=value}. */
    public static Coverage requireShare(String category, String value, double minShare) {
        return new Coverage(List.of()).andShare(category, value, minShare);
    }

    /** This coverage plus one more requirement. */
    public Coverage andShare(String category, String value, double minShare) {
        if (!(minShare >= 0 && minShare <= 1)) {
            throw new IllegalArgumentException("share must be in [0, 1], got " + minShare);
        }
        List<Requirement> more = new ArrayList<>(requirements);
        more.add(new Requirement(new Label(category, value), minShare));
        return new Coverage(more);
    }

    /**
     * The requirements {@code statistics} do not meet, in the order they were declared. With no
     * counted scenarios every requirement is unmet: an empty run is no evidence of coverage.
     */
    public List<Shortfall> unmet(LabelStatistics statistics) {
        List<Shortfall> shortfalls = new ArrayList<>();
        for (Requirement r : requirements) {
            long count = statistics.count(r.label().category(), r.label().value());
            double share = statistics.share(r.label().category(), r.label().value());
            if (share < r.minShare() || statistics.scenarios() == 0) {
                shortfalls.add(new Shortfall(r.label(), r.minShare(), share, count, statistics.scenarios()));
            }
        }
        return shortfalls;
    }

    public boolean isMet(LabelStatistics statistics) {
        return unmet(statistics).isEmpty();
    }
}
