package vmck.samples;

import static vmck.spec.KernReturn.KERN_INVALID_ADDRESS;
import static vmck.spec.KernReturn.KERN_PROTECTION_FAILURE;
import static vmck.spec.KernReturn.KERN_SUCCESS;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import vmck.spec.Geometry;
import vmck.spec.Profile;
import vmck.spec.Profile.Check;
import vmck.spec.VmProt;

/**
 * The broken implementations behind {@link Mutant}: each is {@link MachMapVm} with one realistic
 * bug, made by overriding one step of its decision. Each comment says how a real kernel
 * programmer could have written that bug.
 */
public final class Mutants {
    private static final int OK = KERN_SUCCESS.code();

    private Mutants() {
    }

    /** bcopy instead of memmove: pages copied front to back, so an overlap with dest above source re-reads copied pages. */
    static final class ForwardMemcpyOnOverlap extends MachMapVm {
        ForwardMemcpyOnOverlap(Profile profile, Geometry geometry) {
            super(profile, geometry);
        }

        @Override
        protected int copy(AddressMap map, long sourceAddress, long count, long destAddress) {
            int pageSize = geometry().pageSize();
            for (long done = 0; Long.compareUnsigned(done, count) < 0; done += pageSize) {
                map.writeBytes(destAddress + done, map.readBytes(sourceAddress + done, pageSize));
            }
            return OK;
        }
    }

    /** The checks run in a different order than the profile's (e.g. destination before source). */
    static final class ReorderedChecks extends MachMapVm {
        private final List<Check> order;

        ReorderedChecks(Profile profile, Geometry geometry, Check moved, Check before) {
            super(profile, geometry);
            List<Check> reordered = new ArrayList<>(profile.checkOrder());
            reordered.remove(moved);
            reordered.add(reordered.indexOf(before), moved);
            this.order = List.copyOf(reordered);
        }

        @Override
        protected List<Check> checkOrder() {
            return order;
        }
    }

    /**
     * Two passes over the range, one per kind of error: "is it all readable/writable?" then "is it
     * all there?". Each pass is right; together they report the later problem when the kinds differ.
     */
    static final class ErrorsByKind extends MachMapVm {
        ErrorsByKind(Profile profile, Geometry geometry) {
            super(profile, geometry);
        }

        @Override
        protected int walk(AddressMap map, long start, long size, int needed) {
            if (size != 0 && geometry().fits(start)) {
                long lastByte = geometry().wraps(start, size) ? geometry().addressMask() : start + (size - 1);
                for (MapEntry entry : map.entriesOverlapping(geometry().truncPage(start), lastByte)) {
                    if (!VmProt.allows(entry.protection, needed)) {
                        return KERN_PROTECTION_FAILURE.code();
                    }
                }
            }
            return super.walk(map, start, size, VmProt.NONE);
        }
    }

    /**
     * No verification pass over the destination: vm_map_copy_overwrite checks each destination page
     * just before writing it, so a failure halfway leaves the pages before it already copied.
     */
    static final class PartialWritesOnFailure extends MachMapVm {
        PartialWritesOnFailure(Profile profile, Geometry geometry) {
            super(profile, geometry);
        }

        @Override
        protected int checkDestination(AddressMap map, long destAddress, long count) {
            return checkBounds(destAddress, count, profile().destinationBounds()); // the walk is deferred to copy
        }

        @Override
        protected int copy(AddressMap map, long sourceAddress, long count, long destAddress) {
            int pageSize = geometry().pageSize();
            Snapshot snapshot = map.snapshot(sourceAddress, count, true);
            for (long page = 0; page < snapshot.pages(); page++) {
                long at = destAddress + page * pageSize;
                int kr = walk(map, at, pageSize, VmProt.WRITE);
                if (kr != OK) {
                    return kr;
                }
                map.overwrite(at, snapshot.slice(page, 1), true);
            }
            return OK;
        }
    }

    /** vm_map_copyin forgot to set needs_copy: source and destination share one object for good. */
    static final class AliasingWithoutCopyOnWrite extends MachMapVm {
        AliasingWithoutCopyOnWrite(Profile profile, Geometry geometry) {
            super(profile, geometry);
        }

        @Override
        protected int copy(AddressMap map, long sourceAddress, long count, long destAddress) {
            map.overwrite(destAddress, map.snapshot(sourceAddress, count, false), false);
            return OK;
        }
    }

    /** The end is computed as the last page's address and then used as an exclusive bound: one page short. */
    static final class LastPageDropped extends MachMapVm {
        LastPageDropped(Profile profile, Geometry geometry) {
            super(profile, geometry);
        }

        @Override
        protected int copy(AddressMap map, long sourceAddress, long count, long destAddress) {
            long lastPage = sourceAddress + count - geometry().pageSize();
            return super.copy(map, sourceAddress, lastPage - sourceAddress, destAddress);
        }
    }

    /** The copy entries are inserted with the source's protections instead of overwriting the destination's objects. */
    static final class ProtectionCopiedFromSource extends MachMapVm {
        ProtectionCopiedFromSource(Profile profile, Geometry geometry) {
            super(profile, geometry);
        }

        @Override
        protected int copy(AddressMap map, long sourceAddress, long count, long destAddress) {
            Snapshot snapshot = map.snapshot(sourceAddress, count, true);
            map.overwrite(destAddress, snapshot, true);
            long at = destAddress;
            for (Snapshot.Piece piece : snapshot.pieces()) {
                long end = at + piece.pages() * geometry().pageSize();
                map.setProtection(at, end, piece.protection(), piece.maxProtection());
                at = end;
            }
            return OK;
        }
    }

    /** The source walk only asks "is it mapped?": a copy-in never faults, so nobody thought of VM_PROT_READ. */
    static final class SourceReadabilityUnchecked extends MachMapVm {
        SourceReadabilityUnchecked(Profile profile, Geometry geometry) {
            super(profile, geometry);
        }

        @Override
        protected int checkSource(AddressMap map, long sourceAddress, long count) {
            int kr = checkBounds(sourceAddress, count, profile().sourceBounds());
            return kr != OK ? kr : walk(map, sourceAddress, count, VmProt.NONE);
        }
    }

    /** vm_map_lookup_entry on the start address taken as the whole check: later source pages are never looked at. */
    static final class OnlyFirstSourcePageChecked extends MachMapVm {
        OnlyFirstSourcePageChecked(Profile profile, Geometry geometry) {
            super(profile, geometry);
        }

        @Override
        protected int checkSource(AddressMap map, long sourceAddress, long count) {
            int kr = checkBounds(sourceAddress, count, profile().sourceBounds());
            long firstPage = Long.compareUnsigned(count, geometry().pageSize()) < 0 ? count : geometry().pageSize();
            return kr != OK ? kr : walk(map, sourceAddress, firstPage, VmProt.READ);
        }
    }

    /** The alignment test names count and dest_address but forgot source_address. */
    static final class UnalignedSourceAccepted extends MachMapVm {
        UnalignedSourceAccepted(Profile profile, Geometry geometry) {
            super(profile, geometry);
        }

        @Override
        protected int checkAlignment(long sourceAddress, long count, long destAddress) {
            return super.checkAlignment(0, count, destAddress);
        }
    }

    /**
     * The source end is computed in vm_address_t arithmetic, so it wraps; the bounds test is
     * {@code start >= min && end <= max} without {@code start < end}, and the walk and the copy
     * loop {@code while (addr < end)} then see an empty range: success, nothing copied.
     */
    static final class WrappedSourceEndAccepted extends MachMapVm {
        WrappedSourceEndAccepted(Profile profile, Geometry geometry) {
            super(profile, geometry);
        }

        private boolean endWraps(long start, long count) {
            long end = (start + count) & geometry().addressMask();
            return count != 0 && Long.compareUnsigned(end, start) <= 0;
        }

        @Override
        protected int checkSource(AddressMap map, long sourceAddress, long count) {
            if (!endWraps(sourceAddress, count)) {
                return super.checkSource(map, sourceAddress, count);
            }
            long end = (sourceAddress + count) & geometry().addressMask();
            boolean inside = Long.compareUnsigned(sourceAddress, geometry().minAddress()) >= 0
                    && Long.compareUnsigned(end, geometry().maxAddress()) <= 0;
            return inside ? OK : KERN_INVALID_ADDRESS.code();
        }

        @Override
        protected int copy(AddressMap map, long sourceAddress, long count, long destAddress) {
            return endWraps(sourceAddress, count) ? OK : super.copy(map, sourceAddress, count, destAddress);
        }
    }

    /**
     * A per-task table of recent copies (40 slots) used as a lookup hint; once it is full the hint
     * is stale by one entry, and every later copy stops one page short.
     */
    static final class LastPageDroppedAfterManyCopies extends MachMapVm {
        static final int HEALTHY_COPIES = 40;
        private final Map<AddressMap, Integer> copiesByTask = new HashMap<>();

        LastPageDroppedAfterManyCopies(Profile profile, Geometry geometry) {
            super(profile, geometry);
        }

        @Override
        protected int copy(AddressMap map, long sourceAddress, long count, long destAddress) {
            int copies = copiesByTask.merge(map, 1, Integer::sum);
            long shortened = copies > HEALTHY_COPIES ? count - geometry().pageSize() : count;
            return super.copy(map, sourceAddress, shortened, destAddress);
        }
    }

    /**
     * A fast path for big copies checks writability only in the first 16 pages (its "window") and
     * merely that the rest is mapped, assuming big destinations are uniformly protected.
     */
    static final class LargeDestinationWritabilityUnchecked extends MachMapVm {
        static final int LARGE_PAGES = 64;
        static final int WINDOW_PAGES = 16;

        LargeDestinationWritabilityUnchecked(Profile profile, Geometry geometry) {
            super(profile, geometry);
        }

        @Override
        protected int checkDestination(AddressMap map, long destAddress, long count) {
            long window = (long) WINDOW_PAGES * geometry().pageSize();
            if (Long.compareUnsigned(count, (long) LARGE_PAGES * geometry().pageSize()) < 0) {
                return super.checkDestination(map, destAddress, count);
            }
            int kr = checkBounds(destAddress, count, profile().destinationBounds());
            if (kr == OK) {
                kr = walk(map, destAddress, window, VmProt.WRITE);
            }
            return kr != OK ? kr : walk(map, destAddress + window, count - window, VmProt.NONE);
        }
    }

    /**
     * Addresses in the upper half of the user range are taken for "kernel" addresses that were
     * already validated (a signed-compare habit from a 2 GiB/2 GiB split): their source walk is skipped.
     */
    static final class HighSourceUnchecked extends MachMapVm {
        HighSourceUnchecked(Profile profile, Geometry geometry) {
            super(profile, geometry);
        }

        private long highHalf() {
            return geometry().maxAddress() >>> 1;
        }

        @Override
        protected int checkSource(AddressMap map, long sourceAddress, long count) {
            if (Long.compareUnsigned(sourceAddress, highHalf()) < 0) {
                return super.checkSource(map, sourceAddress, count);
            }
            return checkBounds(sourceAddress, count, profile().sourceBounds());
        }
    }

    /**
     * The source is looked up (vm_map_lookup_entry on source_address) before count 0 is tested,
     * so an empty copy at an unmapped address fails.
     */
    static final class EmptyCopyLooksUpSource extends MachMapVm {
        private final List<Check> order;

        EmptyCopyLooksUpSource(Profile profile, Geometry geometry) {
            super(profile, geometry);
            List<Check> reordered = new ArrayList<>(profile.checkOrder());
            reordered.remove(Check.COUNT_ZERO);
            reordered.add(reordered.indexOf(Check.SOURCE) + 1, Check.COUNT_ZERO);
            this.order = List.copyOf(reordered);
        }

        @Override
        protected List<Check> checkOrder() {
            return order;
        }

        @Override
        protected int checkSource(AddressMap map, long sourceAddress, long count) {
            if (count == 0) {
                return map.entryContaining(sourceAddress) == null ? KERN_INVALID_ADDRESS.code() : OK;
            }
            return super.checkSource(map, sourceAddress, count);
        }
    }

    /** A terminated task's map pointer is null and the copy loop over a null map does nothing: "success". */
    static final class DeadTaskSucceeds extends MachMapVm {
        DeadTaskSucceeds(Profile profile, Geometry geometry) {
            super(profile, geometry);
        }

        @Override
        public int vmCopy(long task, long sourceAddress, long count, long destAddress) {
            return mapOf(task) == null ? OK : super.vmCopy(task, sourceAddress, count, destAddress);
        }
    }

    /**
     * The destination walk is a loop over map entries that stops at the end of the map, without
     * checking that it reached dest_address + count: a range running past VM_MAX_ADDRESS is
     * "verified" and copied up to the top of the map.
     */
    static final class DestinationEndOfMapUnnoticed extends MachMapVm {
        DestinationEndOfMapUnnoticed(Profile profile, Geometry geometry) {
            super(profile, geometry);
        }

        @Override
        protected int checkDestination(AddressMap map, long destAddress, long count) {
            long max = geometry().maxAddress();
            boolean runsPastMap = geometry().wraps(destAddress, count)
                    || Long.compareUnsigned(destAddress + count, max) > 0;
            if (!runsPastMap) {
                return super.checkDestination(map, destAddress, count);
            }
            long inMap = Long.compareUnsigned(destAddress, max) < 0 ? max - destAddress : 0;
            return walk(map, destAddress, inMap, VmProt.WRITE);
        }
    }

    /** GNU Mach's source walk over [trunc(src), trunc(src + count)): the partial last page is never looked at. */
    static final class SourceWalkTruncatesEnd extends MachMapVm {
        SourceWalkTruncatesEnd(Profile profile, Geometry geometry) {
            super(profile, geometry);
        }

        @Override
        protected int checkSource(AddressMap map, long sourceAddress, long count) {
            int kr = checkBounds(sourceAddress, count, profile().sourceBounds());
            if (kr != OK) {
                return kr;
            }
            long first = geometry().truncPage(sourceAddress);
            return walk(map, first, geometry().truncPage(sourceAddress + count) - first, VmProt.READ);
        }
    }
}
