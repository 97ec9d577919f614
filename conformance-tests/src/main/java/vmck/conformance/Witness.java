package vmck.conformance;

import vmck.scenario.Scenario;

import java.util.List;

import vmck.engine.ChoiceSequence;
import vmck.scenario.Reply;

/**
 * A further failure of a clause that already has its shrunk finding: kept as found, not shrunk
 * again (on a slow link, shrinking the same bug twice doubles the wait for nothing). The only
 * shrinking it gets is free: the calls after the departing one are dropped, with their replies,
 * which cannot change a verdict the checker reached before them.
 *
 * @param property the property whose scenario showed it
 * @param choices  the choices that generate the scenario as found (before that truncation)
 */
public record Witness(String property, Violation violation, Scenario scenario, List<Reply> replies, ChoiceSequence choices) {

    /** The witness as a finding, e.g. to save it as a trace that {@code vmck replay} reads. */
    public ClauseFinding asFinding() {
        return new ClauseFinding(violation, scenario, replies, choices, property, 0, 0, vmck.engine.ShrinkStop.OFF, List.of());
    }

    /**
     * The simplest {@code kept} of two lists of witnesses, by their choices (shortlex): which are kept
     * depends on what was found, never on the order it was found in (threads, shards).
     */
    public static List<Witness> simplest(List<Witness> some, List<Witness> more, int kept) {
        List<Witness> all = new java.util.ArrayList<>(some);
        all.addAll(more);
        all.sort((a, b) -> a.choices().compareTo(b.choices()));
        return List.copyOf(all.subList(0, Math.min(kept, all.size())));
    }
}
