package vmck.clarify;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import vmck.model.CopyDecision;
import vmck.model.Finding;
import vmck.spec.Ambiguity;
import vmck.spec.Clause;
import vmck.spec.Profile;
import vmck.spec.Profile.Check;

/**
 * Where two profiles' decisions of one vm_copy call part ways, and which register rows name it.
 *
 * <h2>The grouping rule: the divergence clause</h2>
 * Let each profile's decisive finding be the first of its decision (none for a clean copy), and
 * its <em>step</em> the check that found it (a clean copy's step comes after every check):
 * <ol>
 *   <li>Same step, same clause (they differ only in the code or in what is written, e.g. a
 *       buffered copy's protection fault): that clause.</li>
 *   <li>Same step, different clauses: a bounds clause (VMC-RANGE-1..4) if either is one (the
 *       lower one if both are); otherwise the clause of the finding at the lower address, ties
 *       to the lower clause.</li>
 *   <li>Different steps, one of them ALIGNMENT: when the other profile also checks alignment, the
 *       precedence clause between the two steps (COUNT_ZERO: VMC-ORDER-4, SOURCE: VMC-ORDER-3);
 *       otherwise (the other profile has no alignment check, or met a later step) the alignment
 *       finding's own clause (VMC-ALIGN-1..3).</li>
 *   <li>Different steps otherwise: the clause of the finding of the earlier step.</li>
 * </ol>
 *
 * <h2>The register rows of a divergence</h2>
 * A divergence between profiles A and B can only come from a trait in which A and B differ. Each
 * trait is tied to the register rows about it ({@link #rowsOfTrait}); the rows of a divergence are
 * the rows naming its clause ({@link Ambiguity#concerning}) that belong to a trait A and B differ
 * in. An empty list is an <em>unregistered difference</em>. The primary row, used to group
 * fingerprints, is the first of them by: the clause comes first in the row, then fewest clauses,
 * then register order.
 */
public final class Divergence {

    private Divergence() {
    }

    /** The profile traits that can make two profiles decide a call differently. */
    public enum Trait {
        CHECK_ORDER, INVALID_TASK_RESULTS, SOURCE_BOUNDS, DESTINATION_BOUNDS, SOURCE_NEEDS_MAX_READ, BUFFERED_COPY_LIMIT, SPLIT_COPY_MIN_PAGES,
        ALIGNMENT_ORDER_OPEN, RANGE_PROBLEMS_ORDER_OPEN, ZERO_COUNT_MAY_CHECK_ADDRESSES, FAILED_WRITE_MAY_LEAVE_PREFIX
    }

    /** The register rows that are about each trait: the register's own clause lists, read by question. */
    static List<Ambiguity> rowsOfTrait(Trait trait) {
        return switch (trait) {
            case CHECK_ORDER -> List.of(Ambiguity.AMB_01, Ambiguity.AMB_02, Ambiguity.AMB_03, Ambiguity.AMB_04,
                    Ambiguity.AMB_09, Ambiguity.AMB_10, Ambiguity.AMB_15, Ambiguity.AMB_16);
            case INVALID_TASK_RESULTS -> List.of(Ambiguity.AMB_14);
            case SOURCE_BOUNDS, DESTINATION_BOUNDS -> List.of(Ambiguity.AMB_05, Ambiguity.AMB_06, Ambiguity.AMB_15);
            case SOURCE_NEEDS_MAX_READ -> List.of(Ambiguity.AMB_13);
            case BUFFERED_COPY_LIMIT -> List.of(Ambiguity.AMB_07, Ambiguity.AMB_11, Ambiguity.AMB_18);
            case SPLIT_COPY_MIN_PAGES -> List.of(Ambiguity.AMB_11);
            case ALIGNMENT_ORDER_OPEN -> List.of(Ambiguity.AMB_09, Ambiguity.AMB_15);
            case RANGE_PROBLEMS_ORDER_OPEN -> List.of(Ambiguity.AMB_05, Ambiguity.AMB_06, Ambiguity.AMB_07);
            case ZERO_COUNT_MAY_CHECK_ADDRESSES -> List.of(Ambiguity.AMB_01);
            case FAILED_WRITE_MAY_LEAVE_PREFIX -> List.of(Ambiguity.AMB_11);
        };
    }

    /** The traits in which {@code a} and {@code b} differ. */
    public static Set<Trait> differingTraits(Profile a, Profile b) {
        EnumSet<Trait> traits = EnumSet.noneOf(Trait.class);
        if (!a.checkOrder().equals(b.checkOrder())) {
            traits.add(Trait.CHECK_ORDER);
        }
        if (!a.invalidTaskResults().equals(b.invalidTaskResults())) {
            traits.add(Trait.INVALID_TASK_RESULTS);
        }
        if (a.sourceBounds() != b.sourceBounds()) {
            traits.add(Trait.SOURCE_BOUNDS);
        }
        if (a.destinationBounds() != b.destinationBounds()) {
            traits.add(Trait.DESTINATION_BOUNDS);
        }
        if (a.sourceNeedsMaxRead() != b.sourceNeedsMaxRead()) {
            traits.add(Trait.SOURCE_NEEDS_MAX_READ);
        }
        if (a.bufferedCopyLimit() != b.bufferedCopyLimit()) {
            traits.add(Trait.BUFFERED_COPY_LIMIT);
        }
        if (a.splitCopyMinPages() != b.splitCopyMinPages()) {
            traits.add(Trait.SPLIT_COPY_MIN_PAGES);
        }
        if (a.alignmentOrderOpen() != b.alignmentOrderOpen()) {
            traits.add(Trait.ALIGNMENT_ORDER_OPEN);
        }
        if (a.rangeProblemsOrderOpen() != b.rangeProblemsOrderOpen()) {
            traits.add(Trait.RANGE_PROBLEMS_ORDER_OPEN);
        }
        if (a.zeroCountMayCheckAddresses() != b.zeroCountMayCheckAddresses()) {
            traits.add(Trait.ZERO_COUNT_MAY_CHECK_ADDRESSES);
        }
        if (a.failedWriteMayLeavePrefix() != b.failedWriteMayLeavePrefix()) {
            traits.add(Trait.FAILED_WRITE_MAY_LEAVE_PREFIX);
        }
        return traits;
    }

    /** The clause where {@code a}'s decision {@code da} and {@code b}'s decision {@code db} part ways (see the class comment). */
    public static Clause clause(Profile a, CopyDecision da, Profile b, CopyDecision db) {
        Finding fa = da.findings().isEmpty() ? null : da.findings().get(0);
        Finding fb = db.findings().isEmpty() ? null : db.findings().get(0);
        int stepA = stepRank(fa);
        int stepB = stepRank(fb);
        if (stepA == stepB) {
            if (fa == null) {
                return Clause.VMC_COPY_1; // two clean copies never differ; kept total
            }
            if (fa.clause() == fb.clause()) {
                return fa.clause();
            }
            boolean boundsA = isBounds(fa.clause());
            boolean boundsB = isBounds(fb.clause());
            if (boundsA && boundsB) {
                return lower(fa.clause(), fb.clause());
            }
            if (boundsA || boundsB) {
                return boundsA ? fa.clause() : fb.clause();
            }
            int byAddress = Long.compareUnsigned(fa.address(), fb.address());
            return byAddress < 0 ? fa.clause() : byAddress > 0 ? fb.clause() : lower(fa.clause(), fb.clause());
        }
        Finding earlier = stepA < stepB ? fa : fb;
        Finding later = stepA < stepB ? fb : fa;
        Profile laterProfile = stepA < stepB ? b : a;
        if (earlier.step() == Check.ALIGNMENT || (later != null && later.step() == Check.ALIGNMENT)) {
            Finding alignment = earlier.step() == Check.ALIGNMENT ? earlier : later;
            Finding other = alignment == earlier ? later : earlier;
            Profile otherProfile = alignment == earlier ? laterProfile : (stepA < stepB ? a : b);
            if (other != null && otherProfile.requiresAlignment()) {
                if (other.step() == Check.COUNT_ZERO) {
                    return Clause.VMC_ORDER_4;
                }
                if (other.step() == Check.SOURCE) {
                    return Clause.VMC_ORDER_3;
                }
            }
            return alignment.clause();
        }
        return earlier.clause();
    }

    /** The register rows of a divergence at {@code clause} between {@code a} and {@code b}; empty when unregistered. */
    public static List<Ambiguity> rows(Clause clause, Profile a, Profile b) {
        return rows(clause, differingTraits(a, b));
    }

    static List<Ambiguity> rows(Clause clause, Set<Trait> traits) {
        EnumSet<Ambiguity> candidates = EnumSet.noneOf(Ambiguity.class);
        for (Trait trait : traits) {
            candidates.addAll(rowsOfTrait(trait));
        }
        List<Ambiguity> rows = new ArrayList<>();
        for (Ambiguity row : Ambiguity.concerning(clause)) {
            if (candidates.contains(row)) {
                rows.add(row);
            }
        }
        rows.sort(Comparator.<Ambiguity>comparingInt(row -> row.clauses().get(0) == clause ? 0 : 1)
                .thenComparingInt(row -> row.clauses().size())
                .thenComparingInt(Ambiguity::ordinal));
        return rows;
    }

    /** The primary register row of a divergence (the first of {@link #rows}), if registered. */
    public static Optional<Ambiguity> primaryRow(Clause clause, Profile a, Profile b) {
        List<Ambiguity> rows = rows(clause, a, b);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    /** 0 TASK .. 4 DESTINATION by the canonical order of Section 1.5; 5 for a clean copy. */
    private static int stepRank(Finding finding) {
        return finding == null ? Check.values().length : finding.step().ordinal();
    }

    private static boolean isBounds(Clause clause) {
        return clause == Clause.VMC_RANGE_1 || clause == Clause.VMC_RANGE_2
                || clause == Clause.VMC_RANGE_3 || clause == Clause.VMC_RANGE_4;
    }

    private static Clause lower(Clause x, Clause y) {
        return Objects.requireNonNull(x).ordinal() <= y.ordinal() ? x : y;
    }
}
