package vmck.engine;

import java.time.Duration;
import java.util.Optional;

/**
 * The summary of a run. Counts cover exactly the scenarios with index up to the reported
 * failure (or all run, when none failed), so they do not depend on thread count.
 *
 * @param seed the run's seed
 * @param examplesRun scenarios counted: passed + discarded + (1 if failed)
 * @param passed scenarios whose property held
 * @param discarded scenarios that did not meet a precondition
 * @param stopReason why the run stopped
 * @param failure the failing scenario with the lowest index, shrunk if shrinking was on
 * @param labels label counts over the passed and failed scenarios
 * @param elapsed the whole run, shrinking included
 */
public record RunResult<T>(
        long seed,
        long examplesRun,
        long passed,
        long discarded,
        StopReason stopReason,
        Optional<Failure<T>> failure,
        LabelStatistics labels,
        Duration elapsed) {

    public boolean succeeded() {
        return failure.isEmpty();
    }

    /** A short multi-line report: counts, then the failure or the label statistics. */
    public String summary() {
        String head = "seed " + seed + ": " + examplesRun + " run, " + passed + " passed, " + discarded
                + " discarded, stopped by " + stopReason;
        return failure.map(f -> head + "\n" + f.describe()).orElse(head + "\n" + labels);
    }
}
