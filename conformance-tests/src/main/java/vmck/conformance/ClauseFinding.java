package vmck.conformance;

import java.util.List;

import vmck.engine.ChoiceSequence;
import vmck.engine.ShrinkStop;
import vmck.scenario.Reply;
import vmck.scenario.Scenario;

/**
 * The smallest scenario found that contradicts one clause, with what the model allowed, what
 * the implementation answered to each call, and the choices that regenerate it (the replayable part of a trace).
 *
 * @param shrinkStop why its shrink ended ({@link ShrinkStop#DONE}: a local minimum)
 * @param witnesses  further failures of the same clause, kept as found (the simplest few)
 */
public record ClauseFinding(
        Violation violation,
        Scenario scenario,
        List<Reply> replies,
        ChoiceSequence choices,
        String property,
        long timeToFindMillis,
        long timeToShrinkMillis,
        ShrinkStop shrinkStop,
        List<Witness> witnesses) {

    public ClauseFinding withWitnesses(List<Witness> kept) {
        return new ClauseFinding(violation, scenario, replies, choices, property, timeToFindMillis, timeToShrinkMillis,
                shrinkStop, List.copyOf(kept));
    }
}
