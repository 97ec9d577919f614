package vmck.conformance;

import java.util.ArrayList;
import java.util.List;

import vmck.scenario.AdapterFailure;
import vmck.scenario.Call;
import vmck.scenario.Executor;
import vmck.scenario.Reply;
import vmck.spec.Geometry;
import vmck.spec.Profile;
import vmck.scenario.Scenario;

/**
 * Runs a scenario on an implementation and checks it, pinning down which call caused a wrong
 * observation. A vm_read that shows a wrong byte only says something went wrong since that page
 * was last seen; the checker blames the last call that changed memory, which is right only if the
 * page was looked at after every change. So when an observation fails, the scenario is run once
 * more with that same observation repeated after every call that changes memory: the first
 * repeat that fails sits right after the culprit, and the verdict cites the culprit's clause.
 */
final class ScenarioCheck {

    /** A checked run: the scenario as run (possibly instrumented), the replies and the first violation (or null). */
    record Checked(Scenario scenario, List<Reply> replies, TraceChecker.Result result) {
        Violation violation() {
            return result.violation();
        }
    }

    private final Profile profile;
    private final Geometry geometry;

    ScenarioCheck(Profile profile, Geometry geometry) {
        this.profile = profile;
        this.geometry = geometry;
    }

    /**
     * Runs and checks the scenario as it is, with no instrumentation. Reads may come back as
     * digests; a run that fails with digests is run again for the bytes, so what is reported and
     * saved shows them (and is judged on them).
     */
    Checked runAsIs(Executor executor, Scenario scenario) throws AdapterFailure {
        List<Reply> replies = executor.runDigested(scenario.calls());
        TraceChecker.Result result = TraceChecker.check(profile, geometry, scenario.calls(), replies);
        if (result.violation() != null && replies.stream().anyMatch(reply -> reply.digest() != null)) {
            replies = executor.run(scenario.calls());
            result = TraceChecker.check(profile, geometry, scenario.calls(), replies);
        }
        return new Checked(scenario, replies, result);
    }

    Checked run(Executor executor, Scenario scenario) throws AdapterFailure {
        Checked seen = runAsIs(executor, scenario);
        Violation violation = seen.violation();
        if (violation == null || scenario.calls().get(violation.callIndex()).mutates()) {
            return seen;
        }
        Scenario instrumented = instrument(scenario, violation.callIndex());
        if (instrumented.calls().size() == scenario.calls().size()) {
            return seen;
        }
        Checked refined = runAsIs(executor, instrumented);
        if (refined.violation() == null) {
            return seen; // not reproducible: keep what was seen
        }
        // Report the shortest form: the original calls up to the culprit, then the observation once.
        Scenario shortest = upToCulprit(scenario, instrumented, refined.violation().callIndex(), violation.callIndex());
        Checked shortestRun = runAsIs(executor, shortest);
        Checked pinned = shortestRun.violation() != null && shortestRun.violation().clause() == refined.violation().clause()
                ? shortestRun : refined;
        // Exercised clauses come from the original run: instrumentation only adds observations.
        return new Checked(pinned.scenario(), pinned.replies(),
                new TraceChecker.Result(pinned.violation(), seen.result().exercised()));
    }

    /** Original calls through the culprit (the last memory-changing call before the failing repeat), then the observation. */
    private static Scenario upToCulprit(Scenario original, Scenario instrumented, int failingRepeat, int observationIndex) {
        int culpritInInstrumented = failingRepeat - 1;
        while (culpritInInstrumented > 0 && !instrumented.calls().get(culpritInInstrumented).mutates()) {
            culpritInInstrumented--;
        }
        // Count memory-changing calls up to the culprit to find it in the original.
        int mutationsBefore = 0;
        for (int i = 0; i <= culpritInInstrumented; i++) {
            if (instrumented.calls().get(i).mutates()) {
                mutationsBefore++;
            }
        }
        List<Call> calls = new ArrayList<>();
        int seen = 0;
        for (int i = 0; i < observationIndex && seen < mutationsBefore; i++) {
            Call call = original.calls().get(i);
            calls.add(call);
            if (call.mutates()) {
                seen++;
            }
        }
        calls.add(original.calls().get(observationIndex));
        return new Scenario(calls);
    }

    /** The calls up to the failing observation, with that observation repeated after every memory-changing call. */
    static Scenario instrument(Scenario scenario, int observationIndex) {
        Call observation = scenario.calls().get(observationIndex);
        List<Call> calls = new ArrayList<>();
        for (int i = 0; i < observationIndex; i++) {
            Call call = scenario.calls().get(i);
            calls.add(call);
            if (call.mutates()) {
                calls.add(observation);
            }
        }
        calls.add(observation);
        return new Scenario(calls);
    }
}
