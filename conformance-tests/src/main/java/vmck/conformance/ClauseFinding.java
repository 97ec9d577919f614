package vmck.conformance;

import vmck.engine.ChoiceSequence;

/**
 * The smallest scenario found that contradicts one clause, with what the model allowed and what
 * the implementation did, and the choices that regenerate it (the replayable part of a trace).
 */
public record ClauseFinding(
        Violation violation,
        Scenario scenario,
        ChoiceSequence choices,
        String property,
        long timeToFindMillis,
        long timeToShrinkMillis) {
}
