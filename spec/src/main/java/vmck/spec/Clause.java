package vmck.spec;

import java.util.Optional;

/**
 * The clause catalogue: every numbered clause of {@code spec/SPEC.md}, machine-readable.
 *
 * <p>SPEC.md is the normative text; this enum is checked against it by {@code SpecCatalogueTest}
 * (same IDs, same kinds, same titles, same order), so the two cannot drift. VMC clauses are about
 * vm_copy itself; VMH clauses are the helper calls' common ground that a black-box harness relies
 * on (a departure there is a harness prerequisite failure, not a vm_copy violation).
 */
public enum Clause {
    // --- target_task
    VMC_TASK_1(Kind.REQUIRED, "target_task must name a live task"),
    // --- alignment (the seed's BUGS section)
    VMC_ALIGN_1(Kind.PROFILE_DEPENDENT, "source_address must be page-aligned"),
    VMC_ALIGN_2(Kind.PROFILE_DEPENDENT, "count must be a multiple of the page size"),
    VMC_ALIGN_3(Kind.PROFILE_DEPENDENT, "dest_address must be page-aligned"),
    // --- count 0
    VMC_ZERO_1(Kind.PROFILE_DEPENDENT, "count 0 succeeds and changes nothing"),
    // --- address-range validity and overflow
    VMC_RANGE_1(Kind.PROFILE_DEPENDENT, "a source range that wraps is an invalid address"),
    VMC_RANGE_2(Kind.PROFILE_DEPENDENT, "a source range outside the user range is an invalid address"),
    VMC_RANGE_3(Kind.PROFILE_DEPENDENT, "a destination range that wraps is an invalid address"),
    VMC_RANGE_4(Kind.PROFILE_DEPENDENT, "a destination range outside the user range is an invalid address"),
    // --- source
    VMC_SRC_1(Kind.REQUIRED, "every source page must be allocated"),
    VMC_SRC_2(Kind.PROFILE_DEPENDENT, "every source page must be readable"),
    VMC_SRC_3(Kind.UNTESTABLE, "whether the source's max protection is consulted"),
    // --- destination
    VMC_DST_1(Kind.PROFILE_DEPENDENT, "every destination page must be allocated"),
    VMC_DST_2(Kind.PROFILE_DEPENDENT, "every destination page must be writable"),
    // --- error precedence
    VMC_ORDER_1(Kind.REQUIRED, "the source is checked before the destination"),
    VMC_ORDER_2(Kind.PROFILE_DEPENDENT, "which problem within a range wins"),
    VMC_ORDER_3(Kind.PROFILE_DEPENDENT, "alignment versus the range checks"),
    VMC_ORDER_4(Kind.PROFILE_DEPENDENT, "alignment is checked before count 0"),
    // --- effects of a successful copy
    VMC_COPY_1(Kind.REQUIRED, "the destination receives the source as it was before the call"),
    VMC_COPY_2(Kind.REQUIRED, "source and destination stay isolated after the copy"),
    VMC_FRAME_1(Kind.REQUIRED, "bytes outside the destination do not change"),
    VMC_FRAME_2(Kind.REQUIRED, "no page's protection or max protection changes"),
    VMC_FRAME_3(Kind.REQUIRED, "the allocation map does not change"),
    // --- failures
    VMC_ATOMIC_1(Kind.PROFILE_DEPENDENT, "a failed call changes nothing"),
    // --- beyond a black-box harness
    VMC_PAGER_1(Kind.UNTESTABLE, "pager-backed or shared destinations"),
    VMC_CONC_1(Kind.UNTESTABLE, "concurrent access by other threads during the call"),
    // --- helper calls: the common ground a harness relies on
    VMH_TASK_1(Kind.REQUIRED, "task_create gives a live, empty task"),
    VMH_ALLOC_1(Kind.REQUIRED, "vm_allocate at a free fixed address"),
    VMH_ALLOC_2(Kind.REQUIRED, "vm_allocate anywhere"),
    VMH_ALLOC_3(Kind.REQUIRED, "vm_allocate over allocated memory fails"),
    VMH_DEALLOC_1(Kind.REQUIRED, "vm_deallocate removes a range"),
    VMH_PROT_1(Kind.REQUIRED, "vm_protect sets the current protection"),
    VMH_PROT_2(Kind.REQUIRED, "vm_protect above max protection fails"),
    VMH_PROT_3(Kind.REQUIRED, "vm_protect with set_maximum"),
    VMH_READ_1(Kind.REQUIRED, "vm_read returns exactly the bytes"),
    VMH_WRITE_1(Kind.REQUIRED, "vm_write writes exactly the bytes"),
    VMH_REGION_1(Kind.REQUIRED, "vm_region describes the region at or above an address");

    /** How a clause binds implementations. */
    public enum Kind {
        /** Every profile decides it the same way. */
        REQUIRED,
        /** Profiles answer it differently; each profile's traits say how. */
        PROFILE_DEPENDENT,
        /** Stated for completeness; a black-box harness cannot check it. */
        UNTESTABLE;

        /** The word SPEC.md uses: {@code required}, {@code profile-dependent}, {@code untestable}. */
        public String word() {
            return name().toLowerCase().replace('_', '-');
        }
    }

    private final Kind kind;
    private final String title;

    Clause(Kind kind, String title) {
        this.kind = kind;
        this.title = title;
    }

    /** The clause ID as SPEC.md writes it, e.g. {@code VMC-ALIGN-1}. */
    public String id() {
        return name().replace('_', '-');
    }

    public Kind kind() {
        return kind;
    }

    /** The clause's heading in SPEC.md. */
    public String title() {
        return title;
    }

    /** True for the vm_copy clauses, false for the helper calls' common ground. */
    public boolean isVmCopyClause() {
        return name().startsWith("VMC_");
    }

    /** The clause with this ID ({@code VMC-ALIGN-1}), if any. */
    public static Optional<Clause> byId(String id) {
        for (Clause clause : values()) {
            if (clause.id().equals(id)) {
                return Optional.of(clause);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return id();
    }
}
