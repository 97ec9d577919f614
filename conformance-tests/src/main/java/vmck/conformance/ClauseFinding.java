package vmck.conformance;

import java.util.List;

import vmck.engine.ChoiceSequence;
import vmck.scenario.Reply;
import vmck.scenario.Scenario;

/**
 * The smallest scenario found that contradicts one clause, with what the model allowed, what
 * the implementation answered to each call, and the choices that regenerate it (the replayable part of a trace).
 */
public record ClauseFinding(
        Violation violation,
        Scenario scenario,
        List<Reply> replies,
        ChoiceSequence choices,
        String property,
        long timeToFindMillis,
        long timeToShrinkMillis) {
}
