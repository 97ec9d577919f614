package vmck.spec;

import java.util.List;
import java.util.Set;

/**
 * One platform's answers to the questions the man page leaves open, as a record of traits
 * (SibylFS's idea): the reference model reads these traits and never asks which profile it is.
 *
 * @param name                 short name used on the command line ({@code mach3}, {@code gnumach})
 * @param summary              one line for {@code vmck profiles}
 * @param checkOrder           the order in which vm_copy decides; first match wins (VMC-ORDER-3, -4).
 *                             A profile without {@link Check#ALIGNMENT} accepts unaligned arguments
 *                             and copies exactly {@code [source_address, source_address+count)}.
 * @param invalidTaskResults   the codes allowed when target_task is not a live task (VMC-TASK-1)
 * @param sourceBounds         how the source range's wrap and user-range checks relate to its walk
 * @param destinationBounds    the same for the destination range
 * @param sourceNeedsMaxRead   true when a source page whose MAX protection lacks READ is a protection
 *                             failure even if its current protection has READ (VMC-SRC-3)
 * @param bufferedCopyLimit    0, or the largest count copied through a kernel buffer: such copies
 *                             report an unreadable source or unwritable destination page as
 *                             KERN_INVALID_ADDRESS and may leave the destination bytes before the
 *                             faulting page written (XNU; VMC-SRC-2, VMC-DST-2, VMC-ATOMIC-1)
 * @param provenance           where these answers come from (kernel files and functions, man page lines)
 * @param splitCopyMinPages    0, or the smallest count, in pages, of a copy whose source and destination
 *                             share a non-zero page offset that is done in head, body and tail passes:
 *                             a destination fault beyond the head's page may leave the head (the bytes
 *                             up to the destination's first page boundary) written (XNU; VMC-ATOMIC-1)
 * @param nativeGeometry       the geometry of the system the profile is named after; {@code vmck serve}
 *                             serves it unless told otherwise (any profile may be run on any geometry)
 * @param deadTaskResult       the code the profile's system gives for a call on a dead task, one of
 *                             {@code invalidTaskResults}: what a served model answers (checkers allow the set)
 */
public record Profile(
        String name,
        String summary,
        List<Check> checkOrder,
        Set<Integer> invalidTaskResults,
        Bounds sourceBounds,
        Bounds destinationBounds,
        boolean sourceNeedsMaxRead,
        long bufferedCopyLimit,
        String provenance,
        int splitCopyMinPages,
        Geometry nativeGeometry,
        int deadTaskResult) {

    /** A profile of an i386 system whose dead-task answer is the lowest allowed code. */
    public Profile(String name, String summary, List<Check> checkOrder, Set<Integer> invalidTaskResults,
                   Bounds sourceBounds, Bounds destinationBounds, boolean sourceNeedsMaxRead,
                   long bufferedCopyLimit, String provenance, int splitCopyMinPages) {
        this(name, summary, checkOrder, invalidTaskResults, sourceBounds, destinationBounds, sourceNeedsMaxRead,
                bufferedCopyLimit, provenance, splitCopyMinPages, Geometry.I386,
                invalidTaskResults.stream().min(Integer::compare).orElse(0));
    }

    /** A profile without split copies ({@code splitCopyMinPages} 0). */
    public Profile(String name, String summary, List<Check> checkOrder, Set<Integer> invalidTaskResults,
                   Bounds sourceBounds, Bounds destinationBounds, boolean sourceNeedsMaxRead,
                   long bufferedCopyLimit, String provenance) {
        this(name, summary, checkOrder, invalidTaskResults, sourceBounds, destinationBounds, sourceNeedsMaxRead,
                bufferedCopyLimit, provenance, 0);
    }

    public Profile {
        checkOrder = List.copyOf(checkOrder);
        invalidTaskResults = Set.copyOf(invalidTaskResults);
        if (!checkOrder.containsAll(List.of(Check.TASK, Check.COUNT_ZERO, Check.SOURCE, Check.DESTINATION))) {
            throw new IllegalArgumentException(name + ": the check order must contain TASK, COUNT_ZERO, SOURCE and DESTINATION");
        }
        if (checkOrder.get(0) != Check.TASK) {
            throw new IllegalArgumentException(name + ": VMC-TASK-1 is decided first: nothing can be judged without a task");
        }
        if (checkOrder.indexOf(Check.SOURCE) > checkOrder.indexOf(Check.DESTINATION)) {
            throw new IllegalArgumentException(name + ": VMC-ORDER-1 puts the source before the destination");
        }
        if (splitCopyMinPages < 0) {
            throw new IllegalArgumentException(name + ": splitCopyMinPages must not be negative");
        }
        if (invalidTaskResults.isEmpty()) {
            throw new IllegalArgumentException(name + ": at least one result must be allowed for an invalid task");
        }
        if (!invalidTaskResults.contains(deadTaskResult)) {
            throw new IllegalArgumentException(name + ": deadTaskResult must be one of invalidTaskResults");
        }
        if (nativeGeometry == null) {
            throw new IllegalArgumentException(name + ": nativeGeometry is required");
        }
    }

    /** True when the profile rejects unaligned arguments (the seed's BUGS section). */
    public boolean requiresAlignment() {
        return checkOrder.contains(Check.ALIGNMENT);
    }

    /** One step of vm_copy's decision; see {@link #checkOrder()}. */
    public enum Check {
        /** target_task must be a live task (VMC-TASK-1). */
        TASK,
        /** source_address, count, dest_address must be page-aligned (VMC-ALIGN-1..3). */
        ALIGNMENT,
        /** count 0 succeeds at once (VMC-ZERO-1). */
        COUNT_ZERO,
        /** the source range: bounds, then a walk in address order (VMC-RANGE-1/2, VMC-SRC-*). */
        SOURCE,
        /** the destination range: bounds, then a walk in address order (VMC-RANGE-3/4, VMC-DST-*). */
        DESTINATION
    }

    /** When a range's wrap and user-range problems are found relative to its page walk. */
    public enum Bounds {
        /**
         * Before the walk: a range that wraps, starts below VM_MIN_ADDRESS or ends above
         * VM_MAX_ADDRESS is KERN_INVALID_ADDRESS, whatever its pages are like.
         */
        CHECKED_FIRST,
        /**
         * Before the walk only a wrap (of the range or of its page-rounded end) is caught;
         * pages outside the user range are holes met by the walk in address order.
         */
        WRAP_FIRST,
        /** Nothing before the walk: pages outside the user range and a wrap are holes met in address order. */
        IN_WALK
    }
}
