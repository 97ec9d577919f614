package vmck.samples;

import static vmck.spec.KernReturn.KERN_INVALID_ADDRESS;
import static vmck.spec.KernReturn.KERN_INVALID_ARGUMENT;
import static vmck.spec.KernReturn.KERN_NO_SPACE;
import static vmck.spec.KernReturn.KERN_PROTECTION_FAILURE;
import static vmck.spec.KernReturn.KERN_RESOURCE_SHORTAGE;
import static vmck.spec.KernReturn.KERN_SUCCESS;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import vmck.spec.Geometry;
import vmck.spec.MachVm;
import vmck.spec.Profile;
import vmck.spec.Profile.Bounds;
import vmck.spec.Profile.Check;
import vmck.spec.Profiles;
import vmck.spec.VmProt;

/**
 * The worked example: a {@link MachVm} built the way Mach's vm_map is, written apart from the
 * reference model so that each checks the other.
 *
 * <p>Each task has an {@link AddressMap} of entries over shared {@link MemoryObject}s. vm_copy is
 * vm_map_copyin (snapshot the source copy-on-write) followed by vm_map_copy_overwrite (point the
 * existing destination entries at the snapshot, keeping their protections), so overlapping copies
 * behave like memmove and later writes to either side stay on that side. Memory is zero-filled
 * lazily: a 1 GiB vm_allocate is one entry and no pages.
 *
 * <p>vm_copy decides in the profile's {@link Profile#checkOrder() check order}, and looks at two
 * more traits: how each range's bounds relate to its walk. It never asks which profile it runs.
 * The protected methods are the steps of that decision; the broken samples in {@link Mutants}
 * override exactly one of them each.
 */
public class MachMapVm implements MachVm {
    private static final int OK = KERN_SUCCESS.code();

    private final Profile profile;
    private final Geometry geometry;
    private final Map<Long, AddressMap> tasks = new HashMap<>();
    private long nextTaskHandle = 0x103;

    /** @throws IllegalArgumentException for a profile other than mach3 and gnumach */
    public MachMapVm(Profile profile, Geometry geometry) {
        if (!Profiles.MACH3.equals(profile) && !Profiles.GNUMACH.equals(profile)) {
            throw new IllegalArgumentException("MachMapVm implements only the mach3 and gnumach profiles, not " + profile);
        }
        this.profile = profile;
        this.geometry = geometry;
    }

    public Profile profile() {
        return profile;
    }

    @Override
    public Geometry geometry() {
        return geometry;
    }

    @Override
    public String name() {
        return getClass().getSimpleName() + " (" + profile.name() + ")";
    }

    @Override
    public TaskResult taskCreate() {
        long handle = nextTaskHandle;
        nextTaskHandle += 4; // handles look like port names: never 0, never reused
        tasks.put(handle, new AddressMap(geometry));
        return new TaskResult(OK, handle);
    }

    @Override
    public int taskTerminate(long task) {
        return tasks.remove(task) != null ? OK : invalidTask();
    }

    @Override
    public AllocateResult vmAllocate(long task, long address, long size, boolean anywhere) {
        AddressMap map = tasks.get(task);
        if (map == null) {
            return new AllocateResult(invalidTask(), 0);
        }
        if (size == 0) {
            return new AllocateResult(OK, 0);
        }
        if (anywhere) {
            long rounded = roundPage(size);
            Long start = rounded == 0 ? null : map.findSpace(rounded); // rounded 0: size rounds past 2^64
            if (start == null) {
                return new AllocateResult(KERN_NO_SPACE.code(), 0);
            }
            map.insertZeroFilled(start, start + rounded, VmProt.DEFAULT, VmProt.ALL);
            return new AllocateResult(OK, start);
        }
        if (geometry.roundedEndWraps(address, size)) {
            return new AllocateResult(KERN_INVALID_ADDRESS.code(), 0);
        }
        long start = geometry.truncPage(address);
        long end = roundPage(address + size);
        if (!insideUserRange(start, end)) {
            return new AllocateResult(KERN_INVALID_ADDRESS.code(), 0);
        }
        if (!map.isFree(start, end)) {
            return new AllocateResult(KERN_NO_SPACE.code(), 0);
        }
        map.insertZeroFilled(start, end, VmProt.DEFAULT, VmProt.ALL);
        return new AllocateResult(OK, start);
    }

    @Override
    public int vmDeallocate(long task, long address, long size) {
        AddressMap map = tasks.get(task);
        if (map == null) {
            return invalidTask();
        }
        if (size != 0) {
            long[] range = clampedPageRange(address, size);
            map.remove(range[0], range[1]);
        }
        return OK;
    }

    @Override
    public int vmProtect(long task, long address, long size, boolean setMaximum, int newProtection) {
        AddressMap map = tasks.get(task);
        if (map == null) {
            return invalidTask();
        }
        if (!VmProt.isValid(newProtection)) {
            return KERN_INVALID_ARGUMENT.code();
        }
        if (size == 0) {
            return OK;
        }
        long[] range = clampedPageRange(address, size);
        // First pass: verify every entry, so that a refusal changes nothing.
        for (MapEntry entry : map.clippedEntries(range[0], range[1])) {
            if (!VmProt.allows(entry.maxProtection, newProtection)) {
                return KERN_PROTECTION_FAILURE.code();
            }
        }
        for (MapEntry entry : map.clippedEntries(range[0], range[1])) {
            if (setMaximum) {
                entry.maxProtection = newProtection;
                entry.protection &= newProtection;
            } else {
                entry.protection = newProtection;
            }
        }
        return OK;
    }

    @Override
    public ReadResult vmRead(long task, long address, long size) {
        AddressMap map = tasks.get(task);
        if (map == null) {
            return new ReadResult(invalidTask(), null);
        }
        if (size == 0) {
            return new ReadResult(OK, new byte[0]);
        }
        int kr = walk(map, address, size, VmProt.READ);
        if (kr != OK) {
            return new ReadResult(kr, null);
        }
        if (Long.compareUnsigned(size, Integer.MAX_VALUE - 16) > 0) {
            return new ReadResult(KERN_RESOURCE_SHORTAGE.code(), null); // no Java array holds it
        }
        return new ReadResult(OK, map.readBytes(address, (int) size));
    }

    @Override
    public int vmWrite(long task, long address, byte[] data) {
        AddressMap map = tasks.get(task);
        if (map == null) {
            return invalidTask();
        }
        if (data == null || !geometry.isPageAligned(address) || !geometry.isPageAligned(data.length)) {
            return KERN_INVALID_ARGUMENT.code();
        }
        int kr = walk(map, address, data.length, VmProt.WRITE);
        if (kr == OK) {
            map.writeBytes(address, data);
        }
        return kr;
    }

    @Override
    public RegionResult vmRegion(long task, long address) {
        AddressMap map = tasks.get(task);
        if (map == null) {
            return new RegionResult(invalidTask(), 0, 0, 0, 0);
        }
        // Entries are not merged back after a split: region boundaries are an implementation detail.
        MapEntry entry = map.entryAtOrAbove(address);
        if (entry == null) {
            return new RegionResult(KERN_NO_SPACE.code(), 0, 0, 0, 0);
        }
        return new RegionResult(OK, entry.start, entry.end - entry.start, entry.protection, entry.maxProtection);
    }

    /** vm_copy: the checks in the profile's order, first failure wins; then the copy. */
    @Override
    public int vmCopy(long task, long sourceAddress, long count, long destAddress) {
        AddressMap map = tasks.get(task);
        if (map == null) {
            return invalidTask();
        }
        for (Check check : checkOrder()) {
            int kr = switch (check) {
                case TASK -> OK; // decided above: nothing can be judged without a map
                case ALIGNMENT -> checkAlignment(sourceAddress, count, destAddress);
                case COUNT_ZERO -> OK;
                case SOURCE -> checkSource(map, sourceAddress, count);
                case DESTINATION -> checkDestination(map, destAddress, count);
            };
            if (kr != OK) {
                return kr;
            }
            if (check == Check.COUNT_ZERO && count == 0) {
                return OK;
            }
        }
        return copy(map, sourceAddress, count, destAddress);
    }

    // ---- the steps of vm_copy's decision: the hooks the broken samples override

    /** The task's map, or null when the handle is not a live task. */
    protected AddressMap mapOf(long task) {
        return tasks.get(task);
    }

    /** The code for a handle that is not a live task. */
    protected int invalidTask() {
        return KERN_INVALID_ARGUMENT.code();
    }

    /** The order of the checks; the profile's. */
    protected List<Check> checkOrder() {
        return profile.checkOrder();
    }

    /** KERN_INVALID_ARGUMENT unless all three arguments are page-aligned. */
    protected int checkAlignment(long sourceAddress, long count, long destAddress) {
        boolean aligned = geometry.isPageAligned(sourceAddress) && geometry.isPageAligned(count)
                && geometry.isPageAligned(destAddress);
        return aligned ? OK : KERN_INVALID_ARGUMENT.code();
    }

    /** The source must be allocated and (current protection) readable. */
    protected int checkSource(AddressMap map, long sourceAddress, long count) {
        int kr = checkBounds(sourceAddress, count, profile.sourceBounds());
        return kr != OK ? kr : walk(map, sourceAddress, count, VmProt.READ);
    }

    /** The destination must be allocated and (current protection) writable. */
    protected int checkDestination(AddressMap map, long destAddress, long count) {
        int kr = checkBounds(destAddress, count, profile.destinationBounds());
        return kr != OK ? kr : walk(map, destAddress, count, VmProt.WRITE);
    }

    /** The range's wrap and user-range checks that come before its walk, as the trait says. */
    protected int checkBounds(long start, long size, Bounds bounds) {
        if (size == 0) {
            return OK;
        }
        boolean bad = switch (bounds) {
            case CHECKED_FIRST -> !geometry.insideUserRange(start, size);
            case WRAP_FIRST -> geometry.roundedEndWraps(start, size);
            case IN_WALK -> false;
        };
        return bad ? KERN_INVALID_ADDRESS.code() : OK;
    }

    /**
     * The walk over the pages touched by {@code [start, start + size)} in address order: the first
     * page that is a hole (unallocated, outside the user range, or past 2^addressBits) gives
     * KERN_INVALID_ADDRESS, the first whose current protection lacks {@code needed} gives
     * KERN_PROTECTION_FAILURE, whichever comes first.
     */
    protected int walk(AddressMap map, long start, long size, int needed) {
        if (size == 0) {
            return OK;
        }
        if (!geometry.fits(start)) {
            return KERN_INVALID_ADDRESS.code();
        }
        boolean wraps = geometry.wraps(start, size);
        long lastByte = wraps ? geometry.addressMask() : start + (size - 1);
        long cursor = geometry.truncPage(start);
        while (true) {
            MapEntry entry = map.entryContaining(cursor);
            if (entry == null) {
                return KERN_INVALID_ADDRESS.code();
            }
            if (!VmProt.allows(entry.protection, needed)) {
                return KERN_PROTECTION_FAILURE.code();
            }
            if (Long.compareUnsigned(entry.end - 1, lastByte) >= 0) {
                break;
            }
            cursor = entry.end;
        }
        // A wrapping range whose pages up to the top of the address space all exist (only possible
        // when the user range reaches the top) meets its hole where it wraps.
        return wraps ? KERN_INVALID_ADDRESS.code() : OK;
    }

    /**
     * The copy itself, once every check passed: copy-on-write for page-aligned arguments (the
     * only ones a correct mach3 or gnumach copy gets here), a byte-exact memmove otherwise.
     */
    protected int copy(AddressMap map, long sourceAddress, long count, long destAddress) {
        if (count == 0) {
            return OK;
        }
        if (geometry.isPageAligned(sourceAddress) && geometry.isPageAligned(count) && geometry.isPageAligned(destAddress)) {
            Snapshot snapshot = map.snapshot(sourceAddress, count, true);
            map.overwrite(destAddress, snapshot, true);
        } else {
            map.moveBytes(sourceAddress, count, destAddress);
        }
        return OK;
    }

    // ---- small helpers

    /** round_page; 0 when rounding passes 2^64. */
    protected long roundPage(long address) {
        return geometry.truncPage(address + geometry.pageSize() - 1);
    }

    private boolean insideUserRange(long start, long end) {
        return Long.compareUnsigned(start, geometry.minAddress()) >= 0
                && Long.compareUnsigned(end, geometry.maxAddress()) <= 0
                && Long.compareUnsigned(start, end) < 0;
    }

    /** {@code [trunc(address), round(address + size))}, cut off at the top of the user range. */
    private long[] clampedPageRange(long address, long size) {
        long start = geometry.truncPage(address);
        long end = geometry.roundedEndWraps(address, size) ? geometry.maxAddress() : roundPage(address + size);
        if (Long.compareUnsigned(end, geometry.maxAddress()) > 0) {
            end = geometry.maxAddress();
        }
        if (Long.compareUnsigned(start, end) > 0) {
            start = end;
        }
        return new long[] {start, end};
    }
}
