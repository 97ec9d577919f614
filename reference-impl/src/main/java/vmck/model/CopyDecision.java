package vmck.model;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import vmck.spec.Clause;
import vmck.spec.KernReturn;
import vmck.spec.Profile.Check;

/**
 * The model's answer to one vm_copy call: the set of allowed outcomes (SibylFS-style: where the
 * spec is loose, several are allowed) and every problem it found, in the profile's order.
 *
 * @param outcomes  the allowed outcomes; never empty
 * @param findings  every problem found, first in the profile's order first; empty when the call
 *                  is a clean copy
 */
public record CopyDecision(List<Outcome> outcomes, List<Finding> findings) {

    public CopyDecision {
        outcomes = List.copyOf(outcomes);
        findings = List.copyOf(findings);
        if (outcomes.isEmpty()) {
            throw new IllegalArgumentException("a decision allows at least one outcome");
        }
    }

    /**
     * One allowed outcome: the code, the clause that decides it, and how many bytes of the copy
     * take effect (count on success, 0 when nothing may change, a prefix for a partial failure).
     */
    public record Outcome(int kr, Clause clause, long bytesCopied) {
    }

    /** The allowed return codes. */
    public Set<Integer> allowedCodes() {
        Set<Integer> codes = new LinkedHashSet<>();
        outcomes.forEach(outcome -> codes.add(outcome.kr()));
        return codes;
    }

    /** The clause that decides this call. */
    public Clause decidedBy() {
        return outcomes.get(0).clause();
    }

    /**
     * The clause an implementation contradicts when it returns {@code observedKr} (null when the
     * code is allowed). If the code is what a later finding would give, the implementation
     * checked in the wrong order: blame the precedence clause between the two steps.
     */
    public Clause blame(int observedKr) {
        if (allowedCodes().contains(observedKr)) {
            return null;
        }
        if (!findings.isEmpty()) {
            Finding decisive = findings.get(0);
            for (Finding later : findings.subList(1, findings.size())) {
                if (later.kr() == observedKr) {
                    return precedenceClause(decisive, later);
                }
            }
        }
        return decidedBy();
    }

    /** The clause that orders {@code first} before {@code second}. */
    public static Clause precedenceClause(Finding first, Finding second) {
        if (first.step() == Check.TASK) {
            return Clause.VMC_TASK_1;
        }
        if (first.step() == second.step()) {
            // Same range: either bounds before the walk, or the first problem in address order.
            return isBoundsClause(first.clause()) ? first.clause() : Clause.VMC_ORDER_2;
        }
        Set<Check> steps = Set.of(first.step(), second.step());
        if (steps.equals(Set.of(Check.ALIGNMENT, Check.COUNT_ZERO))) {
            return Clause.VMC_ORDER_4;
        }
        if (steps.equals(Set.of(Check.ALIGNMENT, Check.SOURCE)) || steps.equals(Set.of(Check.ALIGNMENT, Check.DESTINATION))) {
            return Clause.VMC_ORDER_3;
        }
        if (steps.equals(Set.of(Check.SOURCE, Check.DESTINATION))) {
            return Clause.VMC_ORDER_1;
        }
        return first.clause();
    }

    private static boolean isBoundsClause(Clause clause) {
        return clause == Clause.VMC_RANGE_1 || clause == Clause.VMC_RANGE_2
                || clause == Clause.VMC_RANGE_3 || clause == Clause.VMC_RANGE_4;
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        for (Outcome outcome : outcomes) {
            if (out.length() > 0) {
                out.append(" or ");
            }
            out.append(KernReturn.describe(outcome.kr())).append(" by ").append(outcome.clause().id());
        }
        return out.toString();
    }
}
