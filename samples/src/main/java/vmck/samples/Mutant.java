package vmck.samples;

import java.util.function.BiFunction;

import vmck.spec.Clause;
import vmck.spec.Geometry;
import vmck.spec.MachVm;
import vmck.spec.Profile;
import vmck.spec.Profile.Check;
import vmck.spec.Profiles;

/**
 * The catalogue of deliberately broken implementations the kit tests itself with (like the
 * Reactive Streams TCK's broken publishers). Each is {@link MachMapVm} with one realistic bug;
 * a property suite that is any good must report each under its {@link #expectedClause()} when run
 * with its {@link #profile()}.
 */
public enum Mutant {
    FORWARD_MEMCPY_ON_OVERLAP(
            "overlapping copy done front to back (bcopy, not memmove): wrong when dest is above source",
            Clause.VMC_COPY_1, Profiles.MACH3, Mutants.ForwardMemcpyOnOverlap::new),
    DESTINATION_BEFORE_SOURCE(
            "the destination is checked before the source",
            Clause.VMC_ORDER_1, Profiles.MACH3,
            (profile, geometry) -> new Mutants.ReorderedChecks(profile, geometry, Check.DESTINATION, Check.SOURCE)),
    // Legal under mach3 (lines 98-104 give no precedence within a range): caught under gnumach, whose
    // kernel walks in address order.
    ERRORS_BY_KIND(
            "gnumach: protection failures are looked for before holes, not in address order",
            Clause.VMC_ORDER_2, Profiles.GNUMACH, Mutants.ErrorsByKind::new),
    // Legal under mach3 (silent on a failed call's effects; line 92's vm_write may stop at its failing
    // page): caught under gnumach, which verifies the whole destination before writing.
    PARTIAL_WRITES_ON_FAILURE(
            "gnumach: destination pages checked one by one while copying: a failure leaves earlier pages written",
            Clause.VMC_ATOMIC_1, Profiles.GNUMACH, Mutants.PartialWritesOnFailure::new),
    ALIASING_WITHOUT_COPY_ON_WRITE(
            "the destination shares the source's object without copy-on-write: later writes show through",
            Clause.VMC_COPY_2, Profiles.MACH3, Mutants.AliasingWithoutCopyOnWrite::new),
    LAST_PAGE_DROPPED(
            "off by one page: copies count - page_size bytes, the last destination page keeps its old bytes",
            Clause.VMC_COPY_1, Profiles.MACH3, Mutants.LastPageDropped::new),
    PROTECTION_COPIED_FROM_SOURCE(
            "the destination takes the source's protection and max protection",
            Clause.VMC_FRAME_2, Profiles.MACH3, Mutants.ProtectionCopiedFromSource::new),
    SOURCE_READABILITY_UNCHECKED(
            "the source must be mapped but need not be readable",
            Clause.VMC_SRC_2, Profiles.MACH3, Mutants.SourceReadabilityUnchecked::new),
    ONLY_FIRST_SOURCE_PAGE_CHECKED(
            "only the source's first page is looked up: a hole further on is copied as zeros",
            Clause.VMC_SRC_1, Profiles.MACH3, Mutants.OnlyFirstSourcePageChecked::new),
    UNALIGNED_SOURCE_ACCEPTED(
            "an unaligned source_address is accepted (and copied byte-exactly)",
            Clause.VMC_ALIGN_1, Profiles.MACH3, Mutants.UnalignedSourceAccepted::new),
    WRAPPED_SOURCE_END_ACCEPTED(
            "a source range wrapping past 2^address_bits is taken as empty: success, nothing copied",
            Clause.VMC_RANGE_1, Profiles.MACH3, Mutants.WrappedSourceEndAccepted::new),
    LAST_PAGE_DROPPED_AFTER_40_COPIES(
            "from the 41st vm_copy in a task on, copies stop one page short",
            Clause.VMC_COPY_1, Profiles.MACH3, Mutants.LastPageDroppedAfterManyCopies::new),
    LARGE_DESTINATION_WRITABILITY_UNCHECKED(
            "for counts of 64 pages or more, destination writability is checked in the first 16 pages only",
            Clause.VMC_DST_2, Profiles.MACH3, Mutants.LargeDestinationWritabilityUnchecked::new),
    HIGH_SOURCE_UNCHECKED(
            "a source at or above half of VM_MAX_ADDRESS is not walked: holes there are copied as zeros",
            Clause.VMC_SRC_1, Profiles.MACH3, Mutants.HighSourceUnchecked::new),
    // Legal under mach3 ("non-allocated address specified", lines 102-104, holds whatever the count):
    // caught under gnumach, whose count 0 succeeds first.
    EMPTY_COPY_LOOKS_UP_SOURCE(
            "gnumach: count 0 is tested after looking up source_address: an empty copy at an unmapped address fails",
            Clause.VMC_ZERO_1, Profiles.GNUMACH, Mutants.EmptyCopyLooksUpSource::new),
    COUNT_ZERO_BEFORE_ALIGNMENT(
            "count 0 succeeds before alignment is checked (gnumach's order under the mach3 profile)",
            Clause.VMC_ORDER_4, Profiles.MACH3,
            (profile, geometry) -> new Mutants.ReorderedChecks(profile, geometry, Check.COUNT_ZERO, Check.ALIGNMENT)),
    DEAD_TASK_SUCCEEDS(
            "vm_copy on a handle that is not a live task returns KERN_SUCCESS",
            Clause.VMC_TASK_1, Profiles.MACH3, Mutants.DeadTaskSucceeds::new),
    DESTINATION_END_OF_MAP_UNNOTICED(
            "a destination running past VM_MAX_ADDRESS is verified only up to the end of the map, and copied",
            Clause.VMC_RANGE_4, Profiles.MACH3, Mutants.DestinationEndOfMapUnnoticed::new),
    GNUMACH_ALIGNMENT_BEFORE_SOURCE(
            "gnumach: alignment is checked before the source walk (the man page's order)",
            Clause.VMC_ORDER_3, Profiles.GNUMACH,
            (profile, geometry) -> new Mutants.ReorderedChecks(profile, geometry, Check.ALIGNMENT, Check.SOURCE)),
    GNUMACH_SOURCE_WALK_TRUNCATES_END(
            "gnumach: the source walk stops at trunc_page(src + count), missing a partial last page; the count is"
                    + " then unaligned, so the call fails with KERN_INVALID_ARGUMENT as if alignment came before the source",
            Clause.VMC_ORDER_3, Profiles.GNUMACH, Mutants.SourceWalkTruncatesEnd::new);

    private final String description;
    private final Clause expectedClause;
    private final Profile profile;
    private final BiFunction<Profile, Geometry, MachMapVm> factory;

    Mutant(String description, Clause expectedClause, Profile profile, BiFunction<Profile, Geometry, MachMapVm> factory) {
        this.description = description;
        this.expectedClause = expectedClause;
        this.profile = profile;
        this.factory = factory;
    }

    /** One line: what is broken. */
    public String description() {
        return description;
    }

    /** The clause a property suite should report this mutant under. */
    public Clause expectedClause() {
        return expectedClause;
    }

    /** The profile to run this mutant against: the one whose correct answers it departs from. */
    public Profile profile() {
        return profile;
    }

    /** A fresh instance of this broken implementation for {@link #profile()}. */
    public MachVm create(Geometry geometry) {
        return factory.apply(profile, geometry);
    }

    /**
     * The same broken implementation under another profile: for the mutants that do what a looser
     * profile permits (the held-out readings of the man page run them under {@code mach3}).
     */
    public MachVm create(Profile underProfile, Geometry geometry) {
        return factory.apply(underProfile, geometry);
    }

    /** The correct implementation this mutant is a broken copy of: {@link MachMapVm} with the same profile. */
    public MachVm createCorrect(Geometry geometry) {
        return new MachMapVm(profile, geometry);
    }
}
