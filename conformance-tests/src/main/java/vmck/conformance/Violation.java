package vmck.conformance;

import vmck.spec.Clause;

/**
 * One departure from the model found in a trace.
 *
 * @param callIndex   index of the call whose reply departs
 * @param clause      the clause the implementation contradicted
 * @param prerequisite true when the departure is in a helper call the harness relies on (a harness
 *                    prerequisite failure), false for a vm_copy clause violation
 * @param expected    what the model allows
 * @param observed    what the implementation did
 */
public record Violation(int callIndex, Clause clause, boolean prerequisite, String expected, String observed) {

    /** A stable key for shrinking: a smaller scenario must fail the same way to count. */
    public String key() {
        return clause.id();
    }

    @Override
    public String toString() {
        return (prerequisite ? "harness prerequisite " : "") + clause.id() + " at call #" + callIndex
                + ": expected " + expected + ", observed " + observed;
    }
}
