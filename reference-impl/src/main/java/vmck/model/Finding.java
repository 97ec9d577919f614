package vmck.model;

import vmck.spec.Clause;
import vmck.spec.Profile.Check;

/**
 * One problem the model found with a vm_copy call: which step of the profile's order found it,
 * the code that step returns, the clause that says so, and where (an address, when the problem
 * is at a page). A call may have several findings; the first in the profile's order decides.
 */
public record Finding(Check step, int kr, Clause clause, long address, String reason) {

    @Override
    public String toString() {
        return clause.id() + " " + reason;
    }
}
