package vmck.conformance;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import vmck.model.AddressSpace;
import vmck.model.CopyDecision;
import vmck.model.PageRun;
import vmck.model.ReferenceModel;
import vmck.scenario.Call;
import vmck.scenario.Reply;
import vmck.spec.Clause;
import vmck.spec.Geometry;
import vmck.spec.KernReturn;
import vmck.spec.Profile;
import vmck.spec.VmProt;

/**
 * Checks a recorded trace (calls and the implementation's replies) against the model, SibylFS
 * style: it keeps every memory state the model still allows, prunes them by what it observes, and
 * reports the first reply no allowed state explains, citing the clause it contradicts.
 *
 * <p>A checker is for one trace; it is cheap to create.
 */
public final class TraceChecker {

    private static final int SUCCESS = KernReturn.KERN_SUCCESS.code();

    private final ReferenceModel model;
    private final Geometry geometry;
    private final AllowedStates states;
    /** Successful vm_copy calls so far, for attributing later observations (VMC-COPY-2). */
    private final List<Call.VmCopy> completedCopies = new ArrayList<>();
    private final EnumSet<Clause> exercised = EnumSet.noneOf(Clause.class);
    /** The last call that may have changed memory, and its reply. */
    private Call lastMutation;
    private Reply lastMutationReply;

    public TraceChecker(Profile profile, Geometry geometry) {
        this.model = new ReferenceModel(profile, geometry);
        this.geometry = geometry;
        this.states = new AllowedStates(geometry);
    }

    /** The outcome of checking one trace. */
    public record Result(Violation violation, Set<Clause> exercised) {
        public boolean passed() {
            return violation == null;
        }
    }

    /** Checks {@code replies} against {@code calls}; replies may be fewer (a run cut short). */
    public static Result check(Profile profile, Geometry geometry, List<Call> calls, List<Reply> replies) {
        TraceChecker checker = new TraceChecker(profile, geometry);
        for (int i = 0; i < Math.min(calls.size(), replies.size()); i++) {
            Violation violation = checker.step(i, calls.get(i), replies.get(i));
            if (violation != null) {
                return new Result(violation, Set.copyOf(checker.exercised));
            }
            if (checker.states.overflowed()) {
                // The profile allowed more memory states than are kept: what follows cannot be judged
                // without risking a false alarm, so the scenario passes as far as it was checked.
                break;
            }
        }
        return new Result(null, checker.exercised.isEmpty() ? Set.of() : Set.copyOf(checker.exercised));
    }

    /** Checks one call's reply and advances the allowed states; returns the violation, if any. */
    Violation step(int index, Call call, Reply reply) {
        Violation violation = call.accept(new Call.Otherwise<Violation, RuntimeException>() {
            protected Violation otherwise(Call helper) {
                return checkHelper(index, helper, reply);
            }

            public Violation copy(Call.VmCopy c) {
                return checkCopy(index, c, reply);
            }

            public Violation read(Call.VmRead c) {
                return checkRead(index, c, reply);
            }

            public Violation region(Call.VmRegion c) {
                return checkRegion(index, c, reply);
            }
        });
        if (call.mutates()) {
            lastMutation = call;
            lastMutationReply = reply;
        }
        return violation;
    }

    // ------------------------------------------------------------------ vm_copy

    private Violation checkCopy(int index, Call.VmCopy copy, Reply reply) {
        boolean live = copy.task() == Call.LIVE_TASK;
        CopyDecision first = model.decideCopy(live ? states.first() : null,
                copy.sourceAddress(), copy.count(), copy.destAddress());
        noteExercised(first);
        boolean explained = states.copy(model, copy, state -> {
            CopyDecision decision = live ? model.decideCopy(state, copy.sourceAddress(), copy.count(), copy.destAddress()) : first;
            return decision.outcomes().stream().filter(outcome -> outcome.kr() == reply.kr()).toList();
        });
        if (!explained) {
            return new Violation(index, first.blame(reply.kr()), false, first.toString(), KernReturn.describe(reply.kr()));
        }
        if (reply.kr() == SUCCESS && live && copy.count() != 0) {
            completedCopies.add(copy);
        }
        return null;
    }

    /** Records which clauses this call puts to the test: the deciding one and any precedence between findings. */
    private void noteExercised(CopyDecision decision) {
        exercised.add(decision.decidedBy());
        for (int kr : KernReturnCodes.ALL) {
            Clause blamed = decision.blame(kr);
            if (blamed != null) {
                exercised.add(blamed);
            }
        }
        // An order the profile leaves open is put to the test too when two problems it leaves
        // unordered give different codes: the clause that would order them (VMC-ORDER-2, -3) allows both.
        if (!decision.findings().isEmpty()) {
            var first = decision.findings().get(0);
            for (var later : decision.findings().subList(1, decision.findings().size())) {
                if (later.kr() != first.kr() && decision.allowedCodes().contains(later.kr())) {
                    exercised.add(CopyDecision.precedenceClause(first, later));
                }
            }
        }
    }

    // ------------------------------------------------------------------ observations

    private Violation checkRead(int index, Call.VmRead read, Reply reply) {
        if (read.task() != Call.LIVE_TASK) {
            return checkDeadTaskCall(index, reply);
        }
        ReferenceModel.Read expected = model.read(states.first(), read.address(), read.size());
        if (reply.kr() != expected.kr()) {
            return observationViolation(index, read.address(), expected.clause(),
                    KernReturn.describe(expected.kr()), KernReturn.describe(reply.kr()));
        }
        if (expected.kr() != SUCCESS) {
            return null;
        }
        if (reply.data() == null && reply.digest() != null) {
            return checkReadDigest(index, read, reply.digest());
        }
        if (reply.data() == null || reply.data().length != read.size()) {
            return new Violation(index, Clause.VMH_READ_1, true, read.size() + " bytes",
                    reply.data() == null ? "no data" : reply.data().length + " bytes");
        }
        noteObservationExercised(read.address(), read.size());
        if (!states.retain(state -> java.util.Arrays.equals(state.bytes(read.address(), (int) read.size()), reply.data()))) {
            byte[] wanted = states.first().bytes(read.address(), (int) read.size());
            int at = java.util.Arrays.mismatch(wanted, reply.data());
            long address = read.address() + at;
            return observationViolation(index, address, Clause.VMH_READ_1,
                    "byte at " + Geometry.hex(address) + " = " + hexByte(wanted[at]),
                    hexByte(reply.data()[at]) + " (" + excerpt(reply.data(), at) + ")");
        }
        return null;
    }

    /**
     * A read answered with the digest of its bytes: the states whose bytes have that digest stay
     * allowed. With none, the violation says so; the suite runs the scenario again for the bytes.
     */
    private Violation checkReadDigest(int index, Call.VmRead read, long digest) {
        noteObservationExercised(read.address(), read.size());
        if (!states.retain(state -> DigestMemo.of(state.bytes(read.address(), (int) read.size())) == digest)) {
            // a failed retain keeps every state, so the first is still the one to show
            byte[] wanted = states.first().bytes(read.address(), (int) read.size());
            return observationViolation(index, read.address(), Clause.VMH_READ_1,
                    "bytes with digest " + Geometry.hex(vmck.scenario.ReadDigest.of(wanted)),
                    "bytes with digest " + Geometry.hex(digest));
        }
        return null;
    }

    private Violation checkRegion(int index, Call.VmRegion query, Reply reply) {
        if (query.task() != Call.LIVE_TASK) {
            return checkDeadTaskCall(index, reply);
        }
        ReferenceModel.Region expected = model.region(states.first(), query.address());
        if (!expected.allowedCodes().contains(reply.kr())) {
            return observationViolation(index, query.address(), Clause.VMH_REGION_1,
                    describeCodes(expected.allowedCodes()), KernReturn.describe(reply.kr()));
        }
        if (reply.kr() != SUCCESS) {
            return null;
        }
        noteRegionExercised();
        RegionProblem problem = regionProblem(states.first(), query.address(), reply);
        if (problem == null) {
            return null;
        }
        // A wrong allocation after a copy breaks VMC-FRAME-3; wrong attributes on allocated pages, VMC-FRAME-2.
        return observationViolation(index, reply.address(), problem.allocation() ? Clause.VMC_FRAME_3 : Clause.VMC_FRAME_2,
                problem.expected(), String.format("region [%s, +%s) %s/%s", Geometry.hex(reply.address()),
                        Geometry.hex(reply.size()), VmProt.format(reply.protection()), VmProt.format(reply.maxProtection())));
    }

    /** What a reported region got wrong: which pages are allocated, or their attributes. */
    private record RegionProblem(boolean allocation, String expected) {
    }

    /**
     * Compares a reported region with the model page by page (region boundaries are the
     * implementation's business): it must hold the queried page or start at the next allocated
     * page above it, and every page in it must be allocated with the reported attributes.
     * Returns what the model expected when they disagree.
     */
    private RegionProblem regionProblem(AddressSpace state, long queryAddress, Reply reply) {
        long firstPage = geometry.pageIndex(queryAddress);
        PageRun expectedRun = state.runAtOrAbove(firstPage);
        if (reply.size() == 0 || !geometry.isPageAligned(reply.address()) || !geometry.isPageAligned(reply.size())
                || geometry.wraps(reply.address(), reply.size())) {
            return new RegionProblem(true, "a non-empty page-aligned region");
        }
        long reportedFirst = geometry.pageIndex(reply.address());
        long reportedEnd = reportedFirst + geometry.pageIndex(reply.size());
        long expectedStart = Math.max(firstPage, expectedRun.firstPage());
        if (reportedFirst > expectedStart || reportedEnd <= expectedStart) {
            return new RegionProblem(true, "a region holding " + Geometry.hex(geometry.pageAddress(expectedStart)));
        }
        for (long page = reportedFirst; page < reportedEnd; ) {
            PageRun run = state.runAt(page);
            if (run == null) {
                return new RegionProblem(true, "page " + Geometry.hex(geometry.pageAddress(page)) + " unallocated");
            }
            if (run.protection() != reply.protection() || run.maxProtection() != reply.maxProtection()) {
                return new RegionProblem(false, "page " + Geometry.hex(geometry.pageAddress(page)) + " "
                        + VmProt.format(run.protection()) + "/" + VmProt.format(run.maxProtection()));
            }
            page = run.endPage();
        }
        return null;
    }

    /**
     * Blames an observation that no allowed state explains on the last call that could have
     * changed memory: a vm_copy's own clauses, or copy isolation when a later write leaked
     * through a copy, or else the helper call's clause (a harness prerequisite).
     */
    private Violation observationViolation(int index, long address, Clause observationClause, String expected, String observed) {
        if (lastMutation instanceof Call.VmCopy copy) {
            Clause clause;
            if (copy.task() != Call.LIVE_TASK) {
                clause = Clause.VMC_TASK_1;
            } else if (lastMutationReply.kr() != SUCCESS) {
                clause = Clause.VMC_ATOMIC_1;
            } else if (observationClause == Clause.VMC_FRAME_2 || observationClause == Clause.VMC_FRAME_3) {
                clause = observationClause;
            } else if (within(address, copy.destAddress(), copy.count())) {
                clause = Clause.VMC_COPY_1;
            } else {
                clause = Clause.VMC_FRAME_1;
            }
            return new Violation(index, clause, false, expected, observed);
        }
        if (lastMutation instanceof Call.VmWrite write && !within(address, write.address(), write.size())) {
            for (Call.VmCopy copy : completedCopies) {
                if (within(address, copy.sourceAddress(), copy.count()) || within(address, copy.destAddress(), copy.count())) {
                    return new Violation(index, Clause.VMC_COPY_2, false, expected, observed);
                }
            }
        }
        // With no copy to blame, the observing call's own clause (a region problem is VMH-REGION-1's).
        Clause observing = observationClause.isVmCopyClause() ? Clause.VMH_REGION_1 : observationClause;
        return new Violation(index, lastMutation == null ? observing : helperClause(lastMutation), true, expected, observed);
    }

    private void noteObservationExercised(long address, long size) {
        if (lastMutation instanceof Call.VmCopy copy && copy.task() == Call.LIVE_TASK) {
            if (lastMutationReply.kr() != SUCCESS) {
                exercised.add(Clause.VMC_ATOMIC_1);
            } else if (copy.count() != 0) {
                if (overlaps(address, size, copy.destAddress(), copy.count())) {
                    exercised.add(Clause.VMC_COPY_1);
                }
                if (address != copy.destAddress() || size != copy.count()) {
                    exercised.add(Clause.VMC_FRAME_1);
                }
            }
        }
        if (lastMutation instanceof Call.VmWrite write) {
            for (Call.VmCopy copy : completedCopies) {
                boolean wroteIntoCopy = overlaps(write.address(), write.size(), copy.sourceAddress(), copy.count())
                        || overlaps(write.address(), write.size(), copy.destAddress(), copy.count());
                if (wroteIntoCopy) {
                    exercised.add(Clause.VMC_COPY_2);
                }
            }
        }
        exercised.add(Clause.VMH_READ_1);
    }

    private void noteRegionExercised() {
        if (lastMutation instanceof Call.VmCopy copy && copy.task() == Call.LIVE_TASK) {
            exercised.add(lastMutationReply.kr() == SUCCESS ? Clause.VMC_FRAME_2 : Clause.VMC_ATOMIC_1);
            if (lastMutationReply.kr() == SUCCESS) {
                exercised.add(Clause.VMC_FRAME_3);
            }
        }
        exercised.add(Clause.VMH_REGION_1);
    }

    // ------------------------------------------------------------------ helper calls

    private Violation checkHelper(int index, Call call, Reply reply) {
        if (call.task() != Call.LIVE_TASK) {
            return checkDeadTaskCall(index, reply);
        }
        if (lastMutation == null) {
            exercised.add(Clause.VMH_TASK_1); // the first call meets the fresh task: it must be live and empty
        }
        ReferenceModel.Verdict expected;
        long expectedAddress = reply.address();
        if (call instanceof Call.VmAllocate allocate && allocate.anywhere()) {
            // Kernels choose addresses differently: any free, page-aligned place in the user range will do.
            expected = anywhereAllocation(allocate, reply);
        } else {
            expected = states.helper(model, call);
            if (call instanceof Call.VmAllocate allocate) {
                expectedAddress = expected.kr() == SUCCESS ? geometry.truncPage(allocate.address()) : reply.address();
            }
        }
        exercised.add(expected.clause());
        if (expected.kr() != reply.kr() || expectedAddress != reply.address()) {
            String where = call instanceof Call.VmAllocate ? " at " : null;
            return new Violation(index, expected.clause(), true,
                    KernReturn.describe(expected.kr()) + (where == null ? "" : where + Geometry.hex(expectedAddress)),
                    KernReturn.describe(reply.kr()) + (where == null ? "" : where + Geometry.hex(reply.address())));
        }
        return null;
    }

    private ReferenceModel.Verdict anywhereAllocation(Call.VmAllocate allocate, Reply reply) {
        if (reply.kr() == KernReturn.KERN_NO_SPACE.code()) {
            // VMH-ALLOC-2 allows a kernel to find no place (GNU Mach 1.8 does, above a high allocation).
            return new ReferenceModel.Verdict(reply.kr(), Clause.VMH_ALLOC_2);
        }
        if (reply.kr() != SUCCESS) {
            ReferenceModel.Allocation placed = model.allocate(states.first().copy(), 0, allocate.size(), true);
            return new ReferenceModel.Verdict(placed.kr(), placed.clause());
        }
        ReferenceModel.Allocation placed = null;
        for (AddressSpace state : states.all()) {
            placed = model.allocate(state, reply.address(), allocate.size(), false);
        }
        // Taking the place the implementation chose is right only if it was free and aligned.
        return new ReferenceModel.Verdict(placed.kr(), Clause.VMH_ALLOC_2);
    }

    private Violation checkDeadTaskCall(int index, Reply reply) {
        CopyDecision dead = model.decideCopy(null, 0, 0, 0);
        return dead.allowedCodes().contains(reply.kr()) ? null
                : new Violation(index, Clause.VMC_TASK_1, false, dead.toString(), KernReturn.describe(reply.kr()));
    }

    /** The clause that decides a call: the helper call's own, VMC-COPY-1 for a vm_copy. */
    static Clause helperClause(Call call) {
        return call.accept(new Call.Visitor<Clause, RuntimeException>() {
            public Clause allocate(Call.VmAllocate c) {
                return c.anywhere() ? Clause.VMH_ALLOC_2 : Clause.VMH_ALLOC_1;
            }

            public Clause deallocate(Call.VmDeallocate c) {
                return Clause.VMH_DEALLOC_1;
            }

            public Clause protect(Call.VmProtect c) {
                return c.setMaximum() ? Clause.VMH_PROT_3 : Clause.VMH_PROT_1;
            }

            public Clause write(Call.VmWrite c) {
                return Clause.VMH_WRITE_1;
            }

            public Clause copy(Call.VmCopy c) {
                return Clause.VMC_COPY_1;
            }

            public Clause read(Call.VmRead c) {
                return Clause.VMH_READ_1;
            }

            public Clause region(Call.VmRegion c) {
                return Clause.VMH_REGION_1;
            }
        });
    }

    // ------------------------------------------------------------------ small helpers

    private static boolean within(long address, long start, long length) {
        return length != 0 && Long.compareUnsigned(address - start, length) < 0;
    }

    private static boolean overlaps(long start, long length, long otherStart, long otherLength) {
        return within(start, otherStart, otherLength) || within(otherStart, start, length);
    }

    private static String describeCodes(Set<Integer> codes) {
        return codes.stream().sorted().map(KernReturn::describe).reduce((a, b) -> a + " or " + b).orElse("nothing");
    }

    private static String hexByte(byte value) {
        return String.format("0x%02x", value & 0xFF);
    }

    private static String excerpt(byte[] data, int at) {
        int end = Math.min(data.length, at + 8);
        return "bytes from there: " + HexFormat.of().formatHex(data, at, end);
    }
}
