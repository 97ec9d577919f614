package vmck.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** A generated scenario: the calls to run on one fresh task, in order. */
public record Scenario(List<Call> calls) {

    public Scenario {
        calls = List.copyOf(calls);
    }

    /**
     * The last, call-level shrinking pass, after the engine's (which works on choices and cannot
     * always drop a call without disturbing the draws after it): drops calls, latest first and never
     * the last one, as long as {@code stillFails} holds for the shorter scenario, and goes over the
     * calls again until a pass drops none. Deterministic when {@code stillFails} is.
     */
    public Scenario withoutNeedlessCalls(Predicate<Scenario> stillFails) {
        Scenario current = this;
        boolean dropped = true;
        while (dropped) {
            dropped = false;
            for (int i = current.calls.size() - 2; i >= 0; i--) {
                List<Call> shorter = new ArrayList<>(current.calls);
                shorter.remove(i);
                Scenario candidate = new Scenario(shorter);
                if (stillFails.test(candidate)) {
                    current = candidate;
                    dropped = true;
                }
            }
        }
        return current;
    }

    /** The numbered op listing reports show. */
    public String listing() {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < calls.size(); i++) {
            out.append(String.format("%3d  %s%n", i, calls.get(i).describe()));
        }
        return out.toString();
    }
}
