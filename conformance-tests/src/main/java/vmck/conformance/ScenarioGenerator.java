package vmck.conformance;

import java.util.ArrayList;
import java.util.List;

import vmck.engine.Choices;
import vmck.engine.Generator;
import vmck.model.AddressSpace;
import vmck.model.CopyDecision;
import vmck.model.Finding;
import vmck.model.PageRun;
import vmck.model.ReferenceModel;
import vmck.scenario.Call;
import vmck.spec.Geometry;
import vmck.spec.KernReturn;
import vmck.spec.Profile;
import vmck.spec.VmProt;
import vmck.scenario.Scenario;

/**
 * Generates stateful scenarios from one choice sequence: a layout built with the common-ground
 * helper calls inside a small window of pages, then vm_copy calls with edge-biased arguments, each
 * followed by observations (vm_read of every readable page, vm_region of every page) and sometimes
 * by writes into copied ranges (isolation shows only later).
 *
 * <p>The generator runs the model alongside so it can aim at interesting places (it knows which
 * pages are allocated) and label each scenario for coverage statistics. Following the engine's
 * convention, choice 0 is always the simplest: a low window, no gap, no protection change, one
 * aligned page, no unaligned offset.
 */
public final class ScenarioGenerator implements Generator<Scenario> {

    /** Pages in the usual window where the layout lives. */
    static final int SMALL_WINDOW = 16;
    /** Pages in the large window, for bugs that only show with large counts. */
    static final int LARGE_WINDOW = 160;

    private final Profile profile;
    private final Geometry geometry;
    private final Focus focus;
    private final int maxSteps;

    public ScenarioGenerator(Profile profile, Geometry geometry, Focus focus, int maxSteps) {
        this.profile = profile;
        this.geometry = geometry;
        this.focus = focus;
        this.maxSteps = maxSteps;
    }

    @Override
    public Scenario generate(Choices choices) {
        return new Build(choices).scenario();
    }

    /** The state of one scenario being generated. */
    private final class Build {
        final Choices choices;
        final ReferenceModel model = new ReferenceModel(profile, geometry);
        final AddressSpace shadow = new AddressSpace(geometry);
        final List<Call> calls = new ArrayList<>();
        final long page = geometry.pageSize();
        final int windowPages;
        final long windowStart;
        int nextPattern = 1;
        Call.VmCopy lastCopy;

        Build(Choices choices) {
            this.choices = choices;
            boolean large = choices.weighted(12, focus.largeWindow()) == 1;
            this.windowPages = large ? LARGE_WINDOW : SMALL_WINDOW;
            choices.label("window-size", large ? "large" : "small");
            this.windowStart = chooseWindow();
        }

        Scenario scenario() {
            choices.span("layout", () -> {
                layout();
                return null;
            });
            choices.list(c -> {
                step();
                return Boolean.TRUE;
            }, 1, maxSteps, Math.max(1.0, maxSteps * 0.6));
            return new Scenario(calls);
        }

        // ------------------------------------------------------------- layout

        long chooseWindow() {
            long low = geometry.minAddress() + 16 * page;
            long high = geometry.maxAddress() - windowPages * page;
            long middle = geometry.truncPage(geometry.minAddress() + (geometry.maxAddress() - geometry.minAddress()) / 2);
            int where = choices.weighted(6, 2, 3);
            choices.label("window", List.of("low", "middle", "high").get(where));
            return List.of(low, middle, high).get(where);
        }

        void layout() {
            if (choices.weighted(3, 2) == 0) {
                // The simplest layout: one allocation over the whole window (holes come from deallocations).
                emit(new Call.VmAllocate(Call.LIVE_TASK, pageAt(0), windowPages * page, false));
            } else {
                segments();
            }
            contents();
        }

        void segments() {
            int at = 0;
            while (at < windowPages) {
                int gap = choices.weighted(10, focus.holes(), focus.holes()) ;
                int length = 1 + choices.drawInt(0, windowPages / 3);
                at += gap;
                if (at >= windowPages) {
                    break;
                }
                length = Math.min(length, windowPages - at);
                emit(new Call.VmAllocate(Call.LIVE_TASK, pageAt(at), length * page, false));
                at += length;
                if (!choices.drawBoolean() && at < windowPages && choices.drawInt(0, 3) == 0) {
                    break; // leave the rest of the window empty
                }
            }
        }

        void contents() {
            for (int index = 0; index < windowPages; index++) {
                if (shadow.runAt(geometry.pageIndex(pageAt(index))) != null && choices.drawInt(0, 3) != 0) {
                    emit(new Call.VmWrite(Call.LIVE_TASK, pageAt(index), (int) page, nextPattern++));
                }
            }
            if (choices.drawInt(0, 3) == 1) {
                // VMH-ALLOC-3: a fixed allocation over allocated memory must fail and change nothing.
                int index = choices.drawInt(0, windowPages - 1);
                emit(new Call.VmAllocate(Call.LIVE_TASK, pageAt(index), page, false));
            }
            if (choices.drawInt(0, 3) == 1) {
                // VMH-DEALLOC-1: punch a hole (holes in the middle of a range are what VMC-SRC-1 needs).
                int index = choices.drawInt(0, windowPages - 1);
                emit(new Call.VmDeallocate(Call.LIVE_TASK, pageAt(index), page * (1 + choices.drawInt(0, 1))));
            }
            if (choices.drawInt(0, 7) == 1) {
                // VMH-ALLOC-2: the kernel picks the place; the checker accepts any free one.
                emit(new Call.VmAllocate(Call.LIVE_TASK, 0, page, true));
            }
            int protections = choices.drawInt(0, focus.protections());
            for (int i = 0; i < protections; i++) {
                int first = choices.drawInt(0, windowPages - 1);
                int length = 1 + choices.drawInt(0, windowPages / 4);
                int protection = List.of(VmProt.READ, VmProt.NONE, VmProt.WRITE, VmProt.DEFAULT, VmProt.ALL)
                        .get(choices.drawInt(0, 4));
                // A quarter set the maximum; a later raise above it exercises VMH-PROT-2.
                boolean setMaximum = choices.drawInt(0, 3) == 1;
                emit(new Call.VmProtect(Call.LIVE_TASK, pageAt(first),
                        Math.min(length, windowPages - first) * page, setMaximum, protection));
            }
        }

        // ------------------------------------------------------------- steps

        void step() {
            int kind = lastCopy == null ? 0 : choices.weighted(6, focus.isolation());
            if (kind == 0) {
                copyStep();
            } else {
                isolationStep();
            }
        }

        void copyStep() {
            int task = choices.weighted(40, focus.deadTask()) == 0 ? Call.LIVE_TASK : Call.DEAD_TASK;
            long source = chooseSource();
            long dest = chooseDestination(source);
            long count = chooseCount(source, dest);
            Call.VmCopy copy = new Call.VmCopy(task, source, count, dest);
            label(copy);
            emit(copy);
            observe(true);
        }

        /** A write into a range an earlier copy touched, then a look at both ranges. */
        void isolationStep() {
            Call.VmCopy copy = lastCopy;
            boolean intoSource = choices.drawBoolean();
            long base = geometry.truncPage(intoSource ? copy.sourceAddress() : copy.destAddress());
            long pages = Math.max(1, Math.min(windowPages, (copy.count() + page - 1) / page));
            long target = base + choices.drawInt(0, (int) pages - 1) * page;
            PageRun run = shadow.runAt(geometry.pageIndex(target));
            if (run == null || !VmProt.allows(run.protection(), VmProt.WRITE)) {
                return;
            }
            choices.label("step", intoSource ? "write-source-after-copy" : "write-destination-after-copy");
            emit(new Call.VmWrite(Call.LIVE_TASK, target, (int) page, nextPattern++));
            observe(false);
        }

        long chooseSource() {
            int kind = choices.weighted(12, focus.unaligned(), focus.extreme(), focus.extreme());
            return switch (kind) {
                case 0 -> pageAt(choices.drawInt(0, windowPages - 1));
                case 1 -> pageAt(choices.drawInt(0, windowPages - 1)) + smallOffset();
                case 2 -> edgeValue();
                default -> nearUserRangeEnd();
            };
        }

        long chooseCount(long source, long dest) {
            int kind = choices.weighted(12, focus.countZero(), focus.unaligned(), focus.extreme(), focus.extreme(), focus.holes());
            long mask = geometry.addressMask();
            // SPEC 1.3: every value is below 2^W; a count past the user maximum is taken modulo 2^W
            // like the task's own arithmetic, so a 32-bit target is never sent a value it cannot hold.
            return mask & switch (kind) {
                case 0 -> (1 + choices.drawInt(0, pagesThatFit(source, dest) - 1)) * page;
                case 5 -> (1 + choices.drawInt(0, windowPages * 3 / 4 - 1)) * page;
                case 1 -> 0;
                case 2 -> List.of(1L, 2L, page - 1, page + 1, page - 2, page + 2, 3 * page - 1).get(choices.drawInt(0, 6));
                case 3 -> List.of(mask - source + 1, (mask - source + 1) + page, -page & mask, mask,
                        1L << 31, (1L << 40) & mask, geometry.maxAddress() - geometry.truncPage(source))
                        .get(choices.drawInt(0, 6));
                default -> geometry.maxAddress() - source + page * choices.drawInt(0, 1);
            };
        }

        long chooseDestination(long source) {
            int kind = choices.weighted(8, 6, focus.unaligned(), focus.extreme());
            return switch (kind) {
                case 0 -> pageAt(choices.drawInt(0, windowPages - 1));
                case 1 -> source + page * (choices.drawInt(0, 6) - 3) & geometry.addressMask();
                case 2 -> pageAt(choices.drawInt(0, windowPages - 1)) + smallOffset();
                default -> List.of(0, 1, 2).get(choices.drawInt(0, 2)) == 0 ? edgeValue()
                        : choices.drawBoolean() ? topOfAddressSpace() : nearUserRangeEnd();
            };
        }

        /** How many pages fit before either range leaves the window (at least 1). */
        int pagesThatFit(long source, long dest) {
            long windowEnd = pageAt(windowPages);
            long room = windowPages;
            for (long start : new long[] {source, dest}) {
                long offset = start - windowStart;
                if (offset >= 0 && offset < windowEnd - windowStart) {
                    room = Math.min(room, (windowEnd - geometry.truncPage(start)) / page);
                }
            }
            return (int) Math.max(1, Math.min(room, windowPages * 3L / 4));
        }

        long smallOffset() {
            return List.of(1L, 2L, page - 2, page - 1, page / 2).get(choices.drawInt(0, 4));
        }

        /** The start values of XNU's vm_parameter_validation test, masked to the address width. */
        long edgeValue() {
            long p = page;
            List<Long> values = List.of(0L, 1L, 2L, p - 2, p - 1, p, p + 1, p + 2,
                    -p - 2, -p - 1, -p, -p + 1, -p + 2, -2L, -1L);
            return values.get(choices.drawInt(0, values.size() - 1)) & geometry.addressMask();
        }

        /** A page-aligned address in the last pages of the address space, where ranges wrap. */
        long topOfAddressSpace() {
            return (geometry.addressMask() - (long) choices.drawInt(0, 2) * page - page + 1) & geometry.addressMask();
        }

        long nearUserRangeEnd() {
            int pagesBelow = choices.drawInt(0, 3);
            return choices.drawBoolean()
                    ? geometry.minAddress() + pagesBelow * page
                    : geometry.maxAddress() - (pagesBelow + 1) * page;
        }

        // ------------------------------------------------------------- observation

        /**
         * Looks at the window: vm_read of readable pages and, after a copy, vm_region of pages. Each
         * look is a choice whose simplest value is "skip", so shrinking keeps only the looks a failure
         * needs. A large window is sampled (its edges, every eighth page, the last copy's ends).
         */
        void observe(boolean regions) {
            for (int index = 0; index < windowPages; index++) {
                if (!worthLooking(index)) {
                    continue;
                }
                PageRun run = shadow.runAt(geometry.pageIndex(pageAt(index)));
                if (run != null && VmProt.allows(run.protection(), VmProt.READ) && choices.weighted(1, 4) == 1) {
                    calls.add(new Call.VmRead(Call.LIVE_TASK, pageAt(index), page));
                }
            }
            if (regions) {
                for (int index = 0; index < windowPages; index++) {
                    if (worthLooking(index) && choices.weighted(1, 3) == 1) {
                        calls.add(new Call.VmRegion(Call.LIVE_TASK, pageAt(index)));
                    }
                }
            }
        }

        boolean worthLooking(int index) {
            if (windowPages == SMALL_WINDOW || index < 4 || index >= windowPages - 4 || index % 8 == 0) {
                return true;
            }
            if (lastCopy == null) {
                return false;
            }
            long address = pageAt(index);
            long destFirst = geometry.truncPage(lastCopy.destAddress());
            long destLast = geometry.truncPage(lastCopy.destAddress() + lastCopy.count() - 1);
            return address == destFirst || address == destLast || address == destLast - page;
        }

        // ------------------------------------------------------------- bookkeeping

        long pageAt(int index) {
            return windowStart + index * page;
        }

        /** Adds a call and applies it to the shadow model. */
        void emit(Call call) {
            calls.add(call);
            if (call instanceof Call.VmCopy c) {
                if (c.task() != Call.LIVE_TASK) {
                    return;
                }
                CopyDecision decision = model.decideCopy(shadow, c.sourceAddress(), c.count(), c.destAddress());
                model.applyCopy(shadow, c.sourceAddress(), c.destAddress(), decision.outcomes().get(0));
                if (decision.outcomes().get(0).kr() == KernReturn.KERN_SUCCESS.code() && c.count() != 0) {
                    lastCopy = c;
                }
            } else if (call.mutates()) {
                ModelCalls.applyHelper(model, shadow, call);
            }
        }

        /** Coverage labels for one vm_copy, from the model's view before the call. */
        void label(Call.VmCopy copy) {
            CopyDecision decision = model.decideCopy(copy.task() == Call.LIVE_TASK ? shadow : null,
                    copy.sourceAddress(), copy.count(), copy.destAddress());
            choices.label("outcome", KernReturn.describe(decision.outcomes().get(0).kr()));
            choices.label("decided-by", decision.decidedBy().id());
            List<Finding> findings = decision.findings();
            for (int i = 1; i < findings.size(); i++) {
                Finding first = findings.get(0);
                Finding later = findings.get(i);
                if (later.kr() != first.kr()) {
                    choices.label("precedence", CopyDecision.precedenceClause(first, later).id());
                }
            }
            choices.label("overlap", overlapKind(copy));
            choices.label("count", countKind(copy.count()));
            choices.label("address", addressKind(copy));
            boolean unaligned = !geometry.isPageAligned(copy.sourceAddress()) || !geometry.isPageAligned(copy.count())
                    || !geometry.isPageAligned(copy.destAddress());
            choices.label("arguments", unaligned ? "unaligned" : "aligned");
        }

        String overlapKind(Call.VmCopy copy) {
            long src = copy.sourceAddress();
            long dst = copy.destAddress();
            long count = copy.count();
            if (src == dst) {
                return "exact";
            }
            boolean overlapping = count != 0 && (Long.compareUnsigned(dst - src, count) < 0 || Long.compareUnsigned(src - dst, count) < 0);
            if (!overlapping) {
                return "disjoint";
            }
            return Long.compareUnsigned(dst, src) > 0 ? "forward" : "backward";
        }

        String countKind(long count) {
            if (count == 0) {
                return "zero";
            }
            if (count == page) {
                return "one-page";
            }
            if (Long.compareUnsigned(count, SMALL_WINDOW * page) <= 0) {
                return "few";
            }
            return Long.compareUnsigned(count, LARGE_WINDOW * page) <= 0 ? "many" : "huge";
        }

        String addressKind(Call.VmCopy copy) {
            if (geometry.wraps(copy.sourceAddress(), copy.count()) || geometry.wraps(copy.destAddress(), copy.count())) {
                return "wrapping";
            }
            long middle = geometry.minAddress() + (geometry.maxAddress() - geometry.minAddress()) / 2;
            return Long.compareUnsigned(copy.sourceAddress(), middle) >= 0 ? "high" : "low";
        }
    }
}
