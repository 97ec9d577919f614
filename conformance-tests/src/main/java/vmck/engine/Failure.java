package vmck.engine;

import java.time.Duration;
import java.util.Optional;

/**
 * A failing scenario: as first found and as shrunk. Both values are regenerated from their
 * choices, so they are as generated even if the property mutated its input.
 *
 * @param scenarioIndex index of the failing scenario in its run; -1 when shrunk from a given sequence
 * @param key the failure key, the same for the original and the shrunk scenario
 * @param message the shrunk scenario's failure message
 * @param originalMessage the original scenario's failure message
 * @param originalChoices the choices of the scenario as found
 * @param originalValue the value as found ({@code null} if the generator threw)
 * @param shrunkChoices the simplest failing choices found
 * @param shrunkValue the value those choices generate
 * @param cause what the shrunk scenario threw, if the failure is an exception
 * @param timeToFirstFailure from the start of the run to the end of the failing scenario
 * @param timeToShrink time spent shrinking
 * @param shrinkSteps accepted shrinks (each one a strictly simpler failing sequence)
 * @param shrinkAttempts property evaluations spent shrinking
 * @param shrinkStop why shrinking ended ({@link ShrinkStop#DONE}: no pass could simplify it further)
 */
public record Failure<T>(
        long scenarioIndex,
        String key,
        String message,
        String originalMessage,
        ChoiceSequence originalChoices,
        T originalValue,
        ChoiceSequence shrunkChoices,
        T shrunkValue,
        Optional<Throwable> cause,
        Duration timeToFirstFailure,
        Duration timeToShrink,
        int shrinkSteps,
        int shrinkAttempts,
        ShrinkStop shrinkStop) {

    /** A multi-line report including the replayable shrunk trace. */
    public String describe() {
        return "failure [" + key + "] " + message
                + "\n  shrunk value:   " + shrunkValue
                + "\n  shrunk trace:   " + shrunkChoices.toCompactString()
                + "\n  original value: " + originalValue
                + "\n  original trace: " + originalChoices.toCompactString()
                + "\n  scenario " + scenarioIndex + ", " + shrinkSteps + " shrink steps in " + shrinkAttempts
                + " attempts, shrink stopped: " + shrinkStop;
    }
}
