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
 * @param alignmentOrderOpen   true when an alignment problem and a problem of either range may be reported
 *                             in either order: {@code checkOrder} is then one allowed order, not the only one
 *                             (the seed: line 92 puts vm_read's and vm_write's problems first, BUGS lines
 *                             105-108 put KERN_INVALID_ARGUMENT first; VMC-ORDER-3)
 * @param rangeProblemsOrderOpen true when, within one range, the code of any of its problems (a bound, a hole,
 *                             a missing permission) may be reported, not only the first in address order
 *                             (the seed lists the codes with no precedence, lines 98-104; VMC-ORDER-2)
 * @param zeroCountMayCheckAddresses true when count 0 at an unallocated or illegal source or destination
 *                             address may also be KERN_INVALID_ADDRESS (the seed, lines 102-104; VMC-ZERO-1)
 * @param failedWriteMayLeavePrefix true when a copy that fails on its destination may leave the destination
 *                             written up to the first failing destination page (the seed is silent on the
 *                             effects of a failed call, line 92 makes it a vm_write; VMC-ATOMIC-1)
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
        boolean alignmentOrderOpen,
        boolean rangeProblemsOrderOpen,
        boolean zeroCountMayCheckAddresses,
        boolean failedWriteMayLeavePrefix,
        Geometry nativeGeometry,
        int deadTaskResult) {

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

    /**
     * A profile named {@code name}, built trait by trait (SibylFS's platform records): a trait not
     * set keeps the strict default: no buffer, no split copies, every order decided, atomic, i386,
     * the lowest allowed code for a dead task.
     */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** A builder holding this profile's traits, to derive a variant (tests, experiments). */
    public Builder toBuilder() {
        Builder builder = new Builder(name).summary(summary).checkOrder(checkOrder).invalidTaskResults(invalidTaskResults)
                .sourceBounds(sourceBounds).destinationBounds(destinationBounds).sourceNeedsMaxRead(sourceNeedsMaxRead)
                .bufferedCopyLimit(bufferedCopyLimit).provenance(provenance).splitCopyMinPages(splitCopyMinPages)
                .alignmentOrderOpen(alignmentOrderOpen).rangeProblemsOrderOpen(rangeProblemsOrderOpen)
                .zeroCountMayCheckAddresses(zeroCountMayCheckAddresses).failedWriteMayLeavePrefix(failedWriteMayLeavePrefix)
                .nativeGeometry(nativeGeometry);
        builder.deadTaskResult = deadTaskResult;
        return builder;
    }

    /** Names each trait of a {@link Profile}; {@link #build()} checks them together. */
    public static final class Builder {
        private String name;
        private String summary = "";
        private List<Check> checkOrder;
        private Set<Integer> invalidTaskResults;
        private Bounds sourceBounds = Bounds.CHECKED_FIRST;
        private Bounds destinationBounds = Bounds.CHECKED_FIRST;
        private boolean sourceNeedsMaxRead;
        private long bufferedCopyLimit;
        private String provenance = "";
        private int splitCopyMinPages;
        private boolean alignmentOrderOpen;
        private boolean rangeProblemsOrderOpen;
        private boolean zeroCountMayCheckAddresses;
        private boolean failedWriteMayLeavePrefix;
        private Geometry nativeGeometry = Geometry.I386;
        private Integer deadTaskResult;

        private Builder(String name) {
            this.name = name;
        }

        public Builder name(String value) { name = value; return this; }
        public Builder summary(String value) { summary = value; return this; }
        public Builder checkOrder(List<Check> value) { checkOrder = value; return this; }
        public Builder checkOrder(Check... value) { return checkOrder(List.of(value)); }
        public Builder invalidTaskResults(Set<Integer> value) { invalidTaskResults = value; return this; }
        public Builder sourceBounds(Bounds value) { sourceBounds = value; return this; }
        public Builder destinationBounds(Bounds value) { destinationBounds = value; return this; }
        public Builder sourceNeedsMaxRead(boolean value) { sourceNeedsMaxRead = value; return this; }
        public Builder bufferedCopyLimit(long value) { bufferedCopyLimit = value; return this; }
        public Builder provenance(String value) { provenance = value; return this; }
        public Builder splitCopyMinPages(int value) { splitCopyMinPages = value; return this; }
        public Builder alignmentOrderOpen(boolean value) { alignmentOrderOpen = value; return this; }
        public Builder rangeProblemsOrderOpen(boolean value) { rangeProblemsOrderOpen = value; return this; }
        public Builder zeroCountMayCheckAddresses(boolean value) { zeroCountMayCheckAddresses = value; return this; }
        public Builder failedWriteMayLeavePrefix(boolean value) { failedWriteMayLeavePrefix = value; return this; }
        public Builder nativeGeometry(Geometry value) { nativeGeometry = value; return this; }
        public Builder deadTaskResult(KernReturn value) { deadTaskResult = value.code(); return this; }

        public Profile build() {
            if (checkOrder == null || invalidTaskResults == null) {
                throw new IllegalArgumentException(name + ": checkOrder and invalidTaskResults are required");
            }
            int deadTask = deadTaskResult != null ? deadTaskResult
                    : invalidTaskResults.stream().min(Integer::compare).orElse(0);
            return new Profile(name, summary, checkOrder, invalidTaskResults, sourceBounds, destinationBounds,
                    sourceNeedsMaxRead, bufferedCopyLimit, provenance, splitCopyMinPages, alignmentOrderOpen,
                    rangeProblemsOrderOpen, zeroCountMayCheckAddresses, failedWriteMayLeavePrefix, nativeGeometry, deadTask);
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
