package vmck.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import vmck.spec.Clause;
import vmck.spec.Geometry;
import vmck.spec.KernReturn;
import vmck.spec.Profile;
import vmck.spec.Profile.Bounds;
import vmck.spec.Profile.Check;
import vmck.spec.VmProt;

/**
 * The executable model: decides every call by the clauses of SPEC.md under one profile.
 *
 * <p>vm_copy is decided by {@link #decideCopy}, which is pure: it returns the set of allowed
 * outcomes and every problem found, and {@link #applyCopy} then performs one chosen outcome. Each
 * step of the profile's check order is one method below, named with the clauses it decides; the
 * model never asks which profile it runs, only what the profile's traits say.
 *
 * <p>Total: any argument values give a defined answer, never an exception.
 */
public final class ReferenceModel {

    /** vm_read answers larger than this are refused with KERN_RESOURCE_SHORTAGE (the model's own limit). */
    public static final long MAX_READ = 64L << 20;

    private static final int SUCCESS = KernReturn.KERN_SUCCESS.code();
    private static final int INVALID_ADDRESS = KernReturn.KERN_INVALID_ADDRESS.code();
    private static final int PROTECTION_FAILURE = KernReturn.KERN_PROTECTION_FAILURE.code();
    private static final int INVALID_ARGUMENT = KernReturn.KERN_INVALID_ARGUMENT.code();
    private static final int NO_SPACE = KernReturn.KERN_NO_SPACE.code();

    private final Profile profile;
    private final Geometry geometry;

    public ReferenceModel(Profile profile, Geometry geometry) {
        this.profile = profile;
        this.geometry = geometry;
    }

    public Profile profile() {
        return profile;
    }

    public Geometry geometry() {
        return geometry;
    }

    // =============================================================== vm_copy

    /**
     * Decides {@code vm_copy(task, sourceAddress, count, destAddress)} without changing anything.
     *
     * @param space the task's memory, or null when target_task is not a live task
     */
    public CopyDecision decideCopy(AddressSpace space, long sourceAddress, long count, long destAddress) {
        List<Finding> findings = new ArrayList<>();
        for (Check step : profile.checkOrder()) {
            switch (step) {
                case TASK -> checkTask(space, findings);
                case ALIGNMENT -> checkAlignment(sourceAddress, count, destAddress, findings);
                case COUNT_ZERO -> checkCountZero(count, findings);
                case SOURCE -> checkRange(space, Role.SOURCE, sourceAddress, count, findings);
                case DESTINATION -> checkRange(space, Role.DESTINATION, destAddress, count, findings);
            }
            if (space == null) {
                break; // VMC-TASK-1: nothing else can be judged without an address space
            }
        }
        if (findings.isEmpty()) {
            return new CopyDecision(
                    List.of(new CopyDecision.Outcome(SUCCESS, Clause.VMC_COPY_1, count)), findings);
        }
        return new CopyDecision(outcomesFor(decisive(findings), sourceAddress, count, destAddress), findings);
    }

    /**
     * The findings no other finding must precede: the first in the profile's order, and every later
     * one whose order against each finding before it the profile leaves open (VMC-ORDER-2, -3,
     * VMC-ZERO-1). A profile that leaves nothing open has exactly one decisive finding.
     */
    private List<Finding> decisive(List<Finding> findings) {
        List<Finding> decisive = new ArrayList<>();
        for (int i = 0; i < findings.size(); i++) {
            Finding later = findings.get(i);
            boolean open = true;
            for (Finding earlier : findings.subList(0, i)) {
                if (!orderOpen(earlier, later)) {
                    open = false;
                    break;
                }
            }
            if (open) {
                decisive.add(later);
            }
        }
        return decisive;
    }

    /** True when the profile lets {@code later} be reported although {@code earlier} was found first. */
    private boolean orderOpen(Finding earlier, Finding later) {
        Check a = earlier.step();
        Check b = later.step();
        boolean aRange = a == Check.SOURCE || a == Check.DESTINATION;
        boolean bRange = b == Check.SOURCE || b == Check.DESTINATION;
        if (a == b) {
            return aRange && profile.rangeProblemsOrderOpen();          // VMC-ORDER-2
        }
        if ((a == Check.ALIGNMENT && bRange) || (b == Check.ALIGNMENT && aRange)) {
            return profile.alignmentOrderOpen();                        // VMC-ORDER-3
        }
        if ((a == Check.COUNT_ZERO && bRange) || (b == Check.COUNT_ZERO && aRange)) {
            return profile.zeroCountMayCheckAddresses();                // VMC-ZERO-1
        }
        return false; // TASK first (VMC-TASK-1), source before destination (VMC-ORDER-1), alignment before count 0 (VMC-ORDER-4)
    }

    /** Performs one outcome of {@link #decideCopy}: copies its {@code bytesCopied} prefix. */
    public void applyCopy(AddressSpace space, long sourceAddress, long destAddress, CopyDecision.Outcome outcome) {
        space.copyBytes(sourceAddress, destAddress, outcome.bytesCopied());
    }

    /** VMC-TASK-1: a call on a task that is not live fails with any of the profile's codes. */
    private void checkTask(AddressSpace space, List<Finding> findings) {
        if (space == null) {
            for (int kr : new TreeSet<>(profile.invalidTaskResults())) {
                findings.add(new Finding(Check.TASK, kr, Clause.VMC_TASK_1, 0, "target_task is not a live task"));
            }
        }
    }

    /** VMC-ALIGN-1, -2, -3: each argument must be a multiple of the page size. */
    private void checkAlignment(long sourceAddress, long count, long destAddress, List<Finding> findings) {
        if (!geometry.isPageAligned(sourceAddress)) {
            findings.add(new Finding(Check.ALIGNMENT, INVALID_ARGUMENT, Clause.VMC_ALIGN_1, sourceAddress,
                    "source_address " + Geometry.hex(sourceAddress) + " is not page-aligned"));
        } else if (!geometry.isPageAligned(count)) {
            findings.add(new Finding(Check.ALIGNMENT, INVALID_ARGUMENT, Clause.VMC_ALIGN_2, count,
                    "count " + Geometry.hex(count) + " is not a multiple of the page size"));
        } else if (!geometry.isPageAligned(destAddress)) {
            findings.add(new Finding(Check.ALIGNMENT, INVALID_ARGUMENT, Clause.VMC_ALIGN_3, destAddress,
                    "dest_address " + Geometry.hex(destAddress) + " is not page-aligned"));
        }
    }

    /** VMC-ZERO-1: count 0 succeeds and changes nothing (where the profile puts this step). */
    private void checkCountZero(long count, List<Finding> findings) {
        if (count == 0) {
            findings.add(new Finding(Check.COUNT_ZERO, SUCCESS, Clause.VMC_ZERO_1, 0, "count is 0"));
        }
    }

    /** Which range a check is about; each role names its own clauses. */
    private enum Role {
        SOURCE(Check.SOURCE, VmProt.READ, Clause.VMC_RANGE_1, Clause.VMC_RANGE_2, Clause.VMC_SRC_1, Clause.VMC_SRC_2),
        DESTINATION(Check.DESTINATION, VmProt.WRITE, Clause.VMC_RANGE_3, Clause.VMC_RANGE_4, Clause.VMC_DST_1, Clause.VMC_DST_2);

        final Check step;
        final int required;
        final Clause wrapClause;
        final Clause userRangeClause;
        final Clause holeClause;
        final Clause protectionClause;

        Role(Check step, int required, Clause wrapClause, Clause userRangeClause, Clause holeClause, Clause protectionClause) {
            this.step = step;
            this.required = required;
            this.wrapClause = wrapClause;
            this.userRangeClause = userRangeClause;
            this.holeClause = holeClause;
            this.protectionClause = protectionClause;
        }

        String word() {
            return this == SOURCE ? "source" : "destination";
        }
    }

    /**
     * One range: bounds as the profile's {@link Bounds} trait says (VMC-RANGE-1..4), then a walk over
     * the pages it touches in address order (VMC-SRC-*, VMC-DST-*), recording the first hole and the
     * first protection problem; whichever comes first in address order decides (VMC-ORDER-2).
     */
    private void checkRange(AddressSpace space, Role role, long start, long count, List<Finding> findings) {
        if (space == null) {
            return;
        }
        if (count == 0) {
            if (profile.zeroCountMayCheckAddresses()) {
                checkZeroCountAddress(space, role, start, findings);
            }
            return;
        }
        boolean wraps = geometry.wraps(start, count);
        Bounds bounds = role == Role.SOURCE ? profile.sourceBounds() : profile.destinationBounds();
        if (bounds == Bounds.CHECKED_FIRST) {
            if (wraps) {
                findings.add(new Finding(role.step, INVALID_ADDRESS, role.wrapClause, start,
                        role.word() + " range wraps past 2^" + geometry.addressBits()));
            } else if (!geometry.insideUserRange(start, count)) {
                findings.add(new Finding(role.step, INVALID_ADDRESS, role.userRangeClause, start,
                        role.word() + " range leaves the user range"));
            }
        } else if (bounds == Bounds.WRAP_FIRST && geometry.roundedEndWraps(start, count)) {
            findings.add(new Finding(role.step, INVALID_ADDRESS, role.wrapClause, start,
                    role.word() + " range (rounded to pages) wraps past 2^" + geometry.addressBits()));
        }
        walk(space, role, start, count, wraps, findings);
    }

    /**
     * VMC-ZERO-1 in a profile that reads lines 102-104 ("Illegal or non-allocated address specified")
     * as applying to count 0 too: an address outside the user range or in a hole MAY give
     * KERN_INVALID_ADDRESS.
     */
    private void checkZeroCountAddress(AddressSpace space, Role role, long start, List<Finding> findings) {
        boolean inside = Long.compareUnsigned(start, geometry.minAddress()) >= 0
                && Long.compareUnsigned(start, geometry.maxAddress()) < 0;
        if (!inside) {
            findings.add(new Finding(role.step, INVALID_ADDRESS, Clause.VMC_ZERO_1, start,
                    "count is 0 and the " + role.word() + " address " + Geometry.hex(start) + " is outside the user range"));
        } else if (space.runAt(geometry.pageIndex(start)) == null) {
            findings.add(new Finding(role.step, INVALID_ADDRESS, Clause.VMC_ZERO_1, start,
                    "count is 0 and the " + role.word() + " address " + Geometry.hex(start) + " is not allocated"));
        }
    }

    private void walk(AddressSpace space, Role role, long start, long count, boolean wraps, List<Finding> findings) {
        long firstPage = geometry.pageIndex(start & geometry.addressMask());
        long topPage = geometry.pageIndex(geometry.addressMask());
        // A wrapping range runs off the top of the address space: a virtual page past it is a hole.
        long lastPage = wraps ? topPage + 1 : geometry.pageIndex(start + (count - 1));
        Finding hole = null;
        Finding protection = null;
        long page = firstPage;
        while (page <= lastPage && (hole == null || protection == null)) {
            PageRun run = space.runAtOrAbove(page);
            if (run == null || run.firstPage() > page) {
                if (hole == null) {
                    hole = holeFinding(role, page, topPage, wraps);
                }
                if (run == null) {
                    break;
                }
                page = run.firstPage();
                continue;
            }
            if (protection == null) {
                protection = protectionFinding(role, run, page);
            }
            page = run.endPage();
        }
        addInAddressOrder(hole, protection, findings);
    }

    private Finding holeFinding(Role role, long page, long topPage, boolean wraps) {
        long address = geometry.pageAddress(page);
        // A wrapping range met in the walk: the first hole at or above VM_MAX_ADDRESS is where it runs off the end.
        if (page > topPage || (wraps && Long.compareUnsigned(address, geometry.maxAddress()) >= 0)) {
            return new Finding(role.step, INVALID_ADDRESS, role.wrapClause, address,
                    role.word() + " range wraps past 2^" + geometry.addressBits());
        }
        boolean insideUserRange = Long.compareUnsigned(address, geometry.minAddress()) >= 0
                && Long.compareUnsigned(address, geometry.maxAddress()) < 0;
        return new Finding(role.step, INVALID_ADDRESS, insideUserRange ? role.holeClause : role.userRangeClause,
                address, role.word() + " page " + Geometry.hex(address)
                        + (insideUserRange ? " is not allocated" : " is outside the user range"));
    }

    /** VMC-SRC-2/-3, VMC-DST-2: the current protection must allow the access; max only if the profile says. */
    private Finding protectionFinding(Role role, PageRun run, long page) {
        long address = geometry.pageAddress(page);
        if (!VmProt.allows(run.protection(), role.required)) {
            return new Finding(role.step, PROTECTION_FAILURE, role.protectionClause, address,
                    role.word() + " page " + Geometry.hex(address) + " is " + VmProt.format(run.protection()));
        }
        if (role == Role.SOURCE && profile.sourceNeedsMaxRead() && !VmProt.allows(run.maxProtection(), VmProt.READ)) {
            return new Finding(role.step, PROTECTION_FAILURE, Clause.VMC_SRC_3, address,
                    "source page " + Geometry.hex(address) + " has max protection " + VmProt.format(run.maxProtection()));
        }
        return null;
    }

    private static void addInAddressOrder(Finding hole, Finding protection, List<Finding> findings) {
        if (hole != null && protection != null && Long.compareUnsigned(protection.address(), hole.address()) < 0) {
            findings.add(protection);
            findings.add(hole);
            return;
        }
        if (hole != null) {
            findings.add(hole);
        }
        if (protection != null) {
            findings.add(protection);
        }
    }

    /**
     * The outcomes the decisive finding allows. Copies through a kernel buffer (the profile's
     * bufferedCopyLimit) report protection problems as invalid addresses, and a destination fault
     * may leave the bytes before the faulting page written (VMC-ATOMIC-1). Copies the profile splits
     * into head, body and tail passes (splitCopyMinPages) may leave the head written when the
     * destination faults beyond the head's page.
     */
    private List<CopyDecision.Outcome> outcomesFor(List<Finding> decisive, long sourceAddress, long count, long destAddress) {
        java.util.LinkedHashSet<CopyDecision.Outcome> outcomes = new java.util.LinkedHashSet<>();
        for (Finding finding : decisive) {
            outcomes.addAll(outcomesFor(finding, sourceAddress, count, destAddress));
        }
        if (profile.failedWriteMayLeavePrefix()) {
            // A vm_write that fails at a page may have written the pages before it (VMC-ATOMIC-1):
            // the lowest failing destination page bounds what may be written, and a failing first
            // page allows nothing. A range check made before the walk (VMC-RANGE-3/-4, reported at
            // dest_address) names no page; the walk reports the page where the range leaves the map.
            Finding lowest = null;
            for (Finding finding : decisive) {
                boolean preWalkBounds = (finding.clause() == Clause.VMC_RANGE_3 || finding.clause() == Clause.VMC_RANGE_4)
                        && finding.address() == destAddress;
                boolean failingPage = finding.step() == Check.DESTINATION && !preWalkBounds;
                if (failingPage && (lowest == null || Long.compareUnsigned(finding.address(), lowest.address()) < 0)) {
                    lowest = finding;
                }
            }
            if (lowest != null && Long.compareUnsigned(lowest.address(), destAddress) > 0
                    && Long.compareUnsigned(lowest.address() - destAddress, count) < 0) {
                outcomes.add(new CopyDecision.Outcome(lowest.kr(), Clause.VMC_ATOMIC_1, lowest.address() - destAddress));
            }
        }
        return new ArrayList<>(outcomes);
    }

    private List<CopyDecision.Outcome> outcomesFor(Finding decisive, long sourceAddress, long count, long destAddress) {
        List<CopyDecision.Outcome> outcomes = new ArrayList<>();
        if (decisive.step() == Check.TASK) {
            for (int kr : new TreeSet<>(profile.invalidTaskResults())) {
                outcomes.add(new CopyDecision.Outcome(kr, Clause.VMC_TASK_1, 0));
            }
            return outcomes;
        }
        boolean buffered = profile.bufferedCopyLimit() > 0
                && Long.compareUnsigned(count, profile.bufferedCopyLimit()) <= 0;
        int kr = buffered && decisive.kr() == PROTECTION_FAILURE ? INVALID_ADDRESS : decisive.kr();
        outcomes.add(new CopyDecision.Outcome(kr, decisive.clause(), 0));
        if (buffered && decisive.step() == Check.DESTINATION) {
            long written = decisive.address() - destAddress;
            if (written > 0 && Long.compareUnsigned(written, count) < 0) {
                outcomes.add(new CopyDecision.Outcome(kr, Clause.VMC_ATOMIC_1, written));
            }
        } else if (decisive.step() == Check.DESTINATION && isSplitCopy(sourceAddress, count, destAddress)
                && Long.compareUnsigned(decisive.address(), geometry.truncPage(destAddress)) > 0) {
            long head = geometry.truncPage(destAddress) + geometry.pageSize() - destAddress;
            outcomes.add(new CopyDecision.Outcome(kr, Clause.VMC_ATOMIC_1, head));
        }
        return outcomes;
    }

    /** True when the profile copies in head, body and tail passes: equal non-zero page offsets, enough pages. */
    private boolean isSplitCopy(long sourceAddress, long count, long destAddress) {
        long offset = destAddress & (geometry.pageSize() - 1);
        return profile.splitCopyMinPages() > 0 && offset != 0
                && offset == (sourceAddress & (geometry.pageSize() - 1))
                && Long.compareUnsigned(count, (long) profile.splitCopyMinPages() * geometry.pageSize()) >= 0;
    }

    // =============================================================== helper calls

    /** Result of a helper call that only returns a code. */
    public record Verdict(int kr, Clause clause) {
    }

    /** Result of vm_allocate. */
    public record Allocation(int kr, Clause clause, long address) {
    }

    /** Result of vm_read; {@code data} is null unless kr is 0. */
    public record Read(int kr, Clause clause, byte[] data) {
    }

    /** Result of vm_region: the allowed codes, and the region when one exists at or above the address. */
    public record Region(Set<Integer> allowedCodes, Clause clause, PageRun run) {
    }

    /** vm_allocate (VMH-ALLOC-1..3): zero-filled, current VM_PROT_DEFAULT, max VM_PROT_ALL. */
    public Allocation allocate(AddressSpace space, long address, long size, boolean anywhere) {
        Clause clause = anywhere ? Clause.VMH_ALLOC_2 : Clause.VMH_ALLOC_1;
        if (size == 0) {
            return new Allocation(SUCCESS, clause, 0);
        }
        if (!geometry.fits(size)) {
            return new Allocation(anywhere ? NO_SPACE : INVALID_ADDRESS, clause, 0);
        }
        // A range that really wraps is no range; one that ends exactly at 2^W (its rounded end is 0 in
        // W-bit arithmetic) is the top of a full address space and is judged by the user range below.
        if (!anywhere && geometry.wraps(address, size)) {
            return new Allocation(INVALID_ADDRESS, clause, 0);
        }
        long pages = geometry.pageIndex(geometry.truncPage(size - 1)) + 1;
        long firstPage;
        if (anywhere) {
            firstPage = firstFit(space, pages);
            if (firstPage < 0) {
                return new Allocation(NO_SPACE, clause, 0);
            }
        } else {
            firstPage = geometry.pageIndex(address);
            long endPage = geometry.pageIndex(address + size - 1) + 1;
            pages = endPage - firstPage;
            if (!geometry.insideUserRange(geometry.pageAddress(firstPage), geometry.pageAddress(pages))) {
                return new Allocation(INVALID_ADDRESS, clause, 0);
            }
            if (!space.isFree(firstPage, endPage)) {
                return new Allocation(NO_SPACE, Clause.VMH_ALLOC_3, 0);
            }
        }
        space.allocate(firstPage, firstPage + pages, VmProt.DEFAULT, VmProt.ALL);
        return new Allocation(SUCCESS, clause, geometry.pageAddress(firstPage));
    }

    /** The first page of the lowest free gap of {@code pages} pages in the user range, or -1. */
    private long firstFit(AddressSpace space, long pages) {
        long candidate = geometry.pageIndex(geometry.minAddress());
        long endOfRange = geometry.pageIndex(geometry.maxAddress() - 1) + 1;
        for (PageRun run : space.runs()) {
            if (run.firstPage() - candidate >= pages) {
                break;
            }
            candidate = Math.max(candidate, run.endPage());
        }
        return endOfRange - candidate >= pages ? candidate : -1;
    }

    /** vm_deallocate (VMH-DEALLOC-1): removes the page-rounded range, skipping holes. */
    public Verdict deallocate(AddressSpace space, long address, long size) {
        if (size == 0) {
            return new Verdict(SUCCESS, Clause.VMH_DEALLOC_1);
        }
        if (geometry.roundedEndWraps(address, size)) {
            // GNU Mach clamps the range (VM_MAP_RANGE_CHECK) to nothing: success, nothing changes (observed).
            return new Verdict(SUCCESS, Clause.VMH_DEALLOC_1);
        }
        space.deallocate(geometry.pageIndex(address), geometry.pageIndex(address + size - 1) + 1);
        return new Verdict(SUCCESS, Clause.VMH_DEALLOC_1);
    }

    /** vm_protect (VMH-PROT-1..3): above max anywhere fails and changes nothing; holes are skipped. */
    public Verdict protect(AddressSpace space, long address, long size, boolean setMaximum, int newProtection) {
        Clause clause = setMaximum ? Clause.VMH_PROT_3 : Clause.VMH_PROT_1;
        if (!VmProt.isValid(newProtection)) {
            return new Verdict(INVALID_ARGUMENT, clause);
        }
        if (size == 0) {
            return new Verdict(SUCCESS, clause);
        }
        if (geometry.roundedEndWraps(address, size)) {
            // GNU Mach clamps the range (VM_MAP_RANGE_CHECK) to nothing: success, nothing changes (observed).
            return new Verdict(SUCCESS, clause);
        }
        long firstPage = geometry.pageIndex(address);
        long endPage = geometry.pageIndex(address + size - 1) + 1;
        for (PageRun run = space.runAtOrAbove(firstPage); run != null && run.firstPage() < endPage;
                run = space.runAtOrAbove(run.endPage())) {
            if (!VmProt.allows(run.maxProtection(), newProtection)) {
                return new Verdict(PROTECTION_FAILURE, Clause.VMH_PROT_2);
            }
        }
        space.protect(firstPage, endPage, setMaximum, newProtection);
        return new Verdict(SUCCESS, clause);
    }

    /** vm_read (VMH-READ-1): exactly the bytes asked for; holes and unreadable pages fail. */
    public Read read(AddressSpace space, long address, long size) {
        if (size == 0) {
            return new Read(SUCCESS, Clause.VMH_READ_1, new byte[0]);
        }
        Finding problem = firstProblem(space, Role.SOURCE, address, size);
        if (problem != null) {
            return new Read(problem.kr(), Clause.VMH_READ_1, null);
        }
        if (Long.compareUnsigned(size, MAX_READ) > 0) {
            return new Read(KernReturn.KERN_RESOURCE_SHORTAGE.code(), Clause.VMH_READ_1, null);
        }
        return new Read(SUCCESS, Clause.VMH_READ_1, space.bytes(address, (int) size));
    }

    /** vm_write (VMH-WRITE-1): page-aligned address and length, writable allocated pages. */
    public Verdict write(AddressSpace space, long address, byte[] data) {
        if (!geometry.isPageAligned(address) || !geometry.isPageAligned(data.length)) {
            return new Verdict(INVALID_ARGUMENT, Clause.VMH_WRITE_1);
        }
        if (data.length == 0) {
            return new Verdict(SUCCESS, Clause.VMH_WRITE_1);
        }
        Finding problem = firstProblem(space, Role.DESTINATION, address, data.length);
        if (problem != null) {
            return new Verdict(problem.kr(), Clause.VMH_WRITE_1);
        }
        space.writeBytes(address, data);
        return new Verdict(SUCCESS, Clause.VMH_WRITE_1);
    }

    /**
     * vm_region (VMH-REGION-1): the run holding the address or the next one above it. With none,
     * KERN_NO_SPACE (GNU Mach) and KERN_INVALID_ADDRESS (XNU) are both allowed.
     */
    public Region region(AddressSpace space, long address) {
        PageRun run = geometry.fits(address) ? space.runAtOrAbove(geometry.pageIndex(address)) : null;
        if (run == null) {
            return new Region(Set.of(NO_SPACE, INVALID_ADDRESS), Clause.VMH_REGION_1, null);
        }
        return new Region(Set.of(SUCCESS), Clause.VMH_REGION_1, run);
    }

    /** The first problem of a plain walk with wrap checked first, for vm_read and vm_write. */
    private Finding firstProblem(AddressSpace space, Role role, long address, long size) {
        boolean wraps = geometry.wraps(address, size);
        if (wraps) {
            return new Finding(role.step, INVALID_ADDRESS, role.wrapClause, address, "range wraps");
        }
        List<Finding> findings = new ArrayList<>();
        walk(space, role, address, size, false, findings);
        return findings.isEmpty() ? null : findings.get(0);
    }
}
