package vmck.engine;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** How many counted scenarios carried each label; ordering is by category then value. */
public final class LabelStatistics {

    private final long scenarios;
    private final SortedMap<Label, Long> counts;

    LabelStatistics(long scenarios, SortedMap<Label, Long> counts) {
        this.scenarios = scenarios;
        this.counts = Collections.unmodifiableSortedMap(new TreeMap<>(counts));
    }

    /** Scenarios the statistics cover (passed and failed; discarded ones are not counted). */
    public long scenarios() {
        return scenarios;
    }

    public long count(String category, String value) {
        return counts.getOrDefault(new Label(category, value), 0L);
    }

    /** Share in {@code [0, 1]} of counted scenarios carrying the label; 0 when none were counted. */
    public double share(String category, String value) {
        return scenarios == 0 ? 0.0 : (double) count(category, value) / scenarios;
    }

    /** All counts, by label. */
    public SortedMap<Label, Long> counts() {
        return counts;
    }

    /** Counts grouped: category, then value. */
    public SortedMap<String, SortedMap<String, Long>> byCategory() {
        SortedMap<String, SortedMap<String, Long>> grouped = new TreeMap<>();
        for (Map.Entry<Label, Long> e : counts.entrySet()) {
            grouped.computeIfAbsent(e.getKey().category(), c -> new TreeMap<>()).put(e.getKey().value(), e.getValue());
        }
        return grouped;
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("labels over ").append(scenarios).append(" scenarios");
        for (Map.Entry<Label, Long> e : counts.entrySet()) {
            out.append(String.format("%n  %-40s %8d  %6.2f%%", e.getKey(), e.getValue(),
                    100.0 * e.getValue() / Math.max(1, scenarios)));
        }
        return out.toString();
    }
}
