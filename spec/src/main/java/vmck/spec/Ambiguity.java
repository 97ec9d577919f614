package vmck.spec;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The ambiguity register: every question the seed man page leaves open, machine-readable.
 *
 * <p>Section 5 of {@code spec/SPEC.md} is the normative text (what the seed says, what GNU Mach
 * and XNU do, how each profile answers); this enum is checked against it by
 * {@code SpecCatalogueTest} (same IDs, titles and clause lists, same order). Every
 * {@link Clause.Kind#PROFILE_DEPENDENT} clause appears in at least one row, so a difference
 * between profiles found on a clause can always be traced to the question behind it.
 */
public enum Ambiguity {
    /** Register row AMB-01: count 0. */
    AMB_01("count 0", List.of(Clause.VMC_ZERO_1, Clause.VMC_ORDER_4)),
    /** Register row AMB-02: misaligned source_address. */
    AMB_02("misaligned source_address", List.of(Clause.VMC_ALIGN_1, Clause.VMC_ORDER_3)),
    /** Register row AMB-03: misaligned count. */
    AMB_03("misaligned count", List.of(Clause.VMC_ALIGN_2, Clause.VMC_ORDER_3)),
    /** Register row AMB-04: misaligned dest_address. */
    AMB_04("misaligned dest_address", List.of(Clause.VMC_ALIGN_3, Clause.VMC_ORDER_3)),
    /** Register row AMB-05: overflow and wrap of a range. */
    AMB_05("overflow and wrap of a range", List.of(Clause.VMC_RANGE_1, Clause.VMC_RANGE_3)),
    /** Register row AMB-06: minimum and maximum user address. */
    AMB_06("minimum and maximum user address", List.of(Clause.VMC_RANGE_2, Clause.VMC_RANGE_4)),
    /** Register row AMB-07: hole versus protection: address order or kind. */
    AMB_07("hole versus protection: address order or kind",
            List.of(Clause.VMC_ORDER_2, Clause.VMC_SRC_1, Clause.VMC_SRC_2,
                    Clause.VMC_DST_1, Clause.VMC_DST_2)),
    /** Register row AMB-08: source versus destination. */
    AMB_08("source versus destination", List.of(Clause.VMC_ORDER_1)),
    /** Register row AMB-09: alignment versus the range checks (line 92 against BUGS). */
    AMB_09("alignment versus the range checks",
            List.of(Clause.VMC_ORDER_3, Clause.VMC_ALIGN_1, Clause.VMC_ALIGN_2, Clause.VMC_ALIGN_3)),
    /** Register row AMB-10: count 0 versus alignment. */
    AMB_10("count 0 versus alignment", List.of(Clause.VMC_ORDER_4, Clause.VMC_ZERO_1)),
    /** Register row AMB-11: atomicity of a failed copy. */
    AMB_11("atomicity of a failed copy", List.of(Clause.VMC_ATOMIC_1, Clause.VMC_PAGER_1)),
    /** Register row AMB-12: destination protection afterwards. */
    AMB_12("destination protection afterwards", List.of(Clause.VMC_FRAME_2)),
    /** Register row AMB-13: role of max protection. */
    AMB_13("role of max protection",
            List.of(Clause.VMC_SRC_3, Clause.VMC_DST_2, Clause.VMH_PROT_2, Clause.VMH_PROT_3)),
    /** Register row AMB-14: invalid target_task. */
    AMB_14("invalid target_task", List.of(Clause.VMC_TASK_1, Clause.VMH_TASK_1)),
    /** Register row AMB-15: rounding of unaligned ranges. */
    AMB_15("rounding of unaligned ranges",
            List.of(Clause.VMC_RANGE_1, Clause.VMC_SRC_1, Clause.VMC_SRC_2,
                    Clause.VMC_ALIGN_1, Clause.VMC_ALIGN_2, Clause.VMC_FRAME_1)),
    /** Register row AMB-16: page size. */
    AMB_16("page size", List.of(Clause.VMC_ALIGN_1, Clause.VMC_ALIGN_2, Clause.VMC_ALIGN_3)),
    /** Register row AMB-17: overlapping ranges. */
    AMB_17("overlapping ranges", List.of(Clause.VMC_COPY_1, Clause.VMC_COPY_2)),
    /** Register row AMB-18: small-copy error codes (XNU). */
    AMB_18("small-copy error codes (XNU)", List.of(Clause.VMC_SRC_2, Clause.VMC_DST_2, Clause.VMC_ATOMIC_1)),
    /** Register row AMB-19: does the destination need READ. */
    AMB_19("does the destination need READ", List.of(Clause.VMC_DST_2)),
    /** Register row AMB-20: vm_region beyond the last region. */
    AMB_20("vm_region beyond the last region", List.of(Clause.VMH_REGION_1)),
    /** Register row AMB-21: result codes the man page does not list. */
    AMB_21("result codes the man page does not list", List.of(Clause.VMC_COPY_1, Clause.VMC_SRC_1, Clause.VMC_DST_1));

    private final String title;
    private final List<Clause> clauses;

    Ambiguity(String title, List<Clause> clauses) {
        this.title = title;
        this.clauses = List.copyOf(clauses);
    }

    /** The row's ID as SPEC.md writes it, e.g. {@code AMB-01}. */
    public String id() {
        return name().replace('_', '-');
    }

    /** The row's heading in SPEC.md. */
    public String title() {
        return title;
    }

    /** The clauses that decide this question, in SPEC.md's order for the row. */
    public List<Clause> clauses() {
        return clauses;
    }

    /** Every row that names {@code clause}, in register order. */
    public static List<Ambiguity> concerning(Clause clause) {
        return Arrays.stream(values()).filter(row -> row.clauses.contains(clause)).toList();
    }

    /** The row with this ID ({@code AMB-01}), if any. */
    public static Optional<Ambiguity> byId(String id) {
        for (Ambiguity row : values()) {
            if (row.id().equals(id)) {
                return Optional.of(row);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return id();
    }
}
