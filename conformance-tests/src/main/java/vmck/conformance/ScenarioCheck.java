package vmck.conformance;

import java.util.ArrayList;
import java.util.List;

import vmck.scenario.AdapterFailure;
import vmck.scenario.Call;
import vmck.scenario.Executor;
import vmck.scenario.Reply;
import vmck.spec.Geometry;
import vmck.spec.Profile;

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

    Checked run(Executor executor, Scenario scenario) throws AdapterFailure {
        List<Reply> replies = executor.run(scenario.calls());
        TraceChecker.Result result = TraceChecker.check(profile, geometry, scenario.calls(), replies);
        Violation violation = result.violation();
        if (violation == null || scenario.calls().get(violation.callIndex()).mutates()) {
            return new Checked(scenario, replies, result);
        }
        Scenario instrumented = instrument(scenario, violation.callIndex());
        if (instrumented.calls().size() == scenario.calls().size()) {
            return new Checked(scenario, replies, result);
        }
        List<Reply> instrumentedReplies = executor.run(instrumented.calls());
        TraceChecker.Result refined = TraceChecker.check(profile, geometry, instrumented.calls(), instrumentedReplies);
        if (refined.violation() == null) {
            return new Checked(scenario, replies, result); // not reproducible: keep what was seen
        }
        // Exercised clauses come from the original run: instrumentation only adds observations.
        Checked pinned = new Checked(instrumented, instrumentedReplies,
                new TraceChecker.Result(refined.violation(), result.exercised()));
        // Report the shortest form: the original calls up to the culprit, then the observation once.
        Scenario shortest = upToCulprit(scenario, instrumented, refined.violation().callIndex(), violation.callIndex());
        List<Reply> shortestReplies = executor.run(shortest.calls());
        TraceChecker.Result shortestResult = TraceChecker.check(profile, geometry, shortest.calls(), shortestReplies);
        if (shortestResult.violation() != null && shortestResult.violation().clause() == refined.violation().clause()) {
            return new Checked(shortest, shortestReplies, new TraceChecker.Result(shortestResult.violation(), result.exercised()));
        }
        return pinned;
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
