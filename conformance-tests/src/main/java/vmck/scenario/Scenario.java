package vmck.scenario;

import java.util.List;


/** A generated scenario: the calls to run on one fresh task, in order. */
public record Scenario(List<Call> calls) {

    public Scenario {
        calls = List.copyOf(calls);
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
