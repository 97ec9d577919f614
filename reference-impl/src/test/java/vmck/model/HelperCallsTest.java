package vmck.model;

import static org.assertj.core.api.Assertions.assertThat;
import static vmck.model.Fx.INVALID_ADDRESS;
import static vmck.model.Fx.INVALID_ARGUMENT;
import static vmck.model.Fx.NO_SPACE;
import static vmck.model.Fx.OK;
import static vmck.model.Fx.PROTECTION_FAILURE;
import static vmck.model.Fx.RESOURCE_SHORTAGE;

import java.util.Arrays;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import vmck.spec.Clause;
import vmck.spec.Geometry;
import vmck.spec.KernReturn;
import vmck.spec.MachVm;
import vmck.spec.Profiles;
import vmck.spec.VmProt;

/** The helper calls' common ground (VMH-*), through ReferenceVm and the model's own verdicts. */
class HelperCallsTest {

    static java.util.stream.Stream<Geometry> geometries() {
        return Fx.GEOMETRIES.stream();
    }

    @Nested
    class VMH_TASK_1 {
        @ParameterizedTest
        @MethodSource("vmck.model.HelperCallsTest#geometries")
        void VMH_TASK_1_newTaskIsLiveAndEmpty(Geometry geometry) {
            ReferenceVm vm = new ReferenceVm(Profiles.MACH3, geometry);
            MachVm.TaskResult t = vm.taskCreate();
            assertThat(t.kr()).isZero();
            assertThat(vm.space(t.task()).runs()).isEmpty();
            assertThat(vm.space(t.task()).dataPages()).isEmpty();
            assertThat(vm.vmRegion(t.task(), 0).kr()).isEqualTo(NO_SPACE);
            assertThat(vm.geometry()).isEqualTo(geometry);
            assertThat(vm.name()).isEqualTo("reference model (mach3)");
            assertThat(vm.model().profile()).isEqualTo(Profiles.MACH3);
        }

        @Test
        void VMH_TASK_1_deadTaskForEveryCall() {
            ReferenceVm vm = new ReferenceVm(Profiles.GNUMACH, Geometry.I386);
            long dead = 77;
            // gnumach's deadTaskResult: what GNU Mach 1.8 answers for a terminated name.
            int code = KernReturn.MACH_SEND_INVALID_DEST.code();
            assertThat(vm.vmAllocate(dead, 0, 4096, true)).isEqualTo(new MachVm.AllocateResult(code, 0));
            assertThat(vm.vmDeallocate(dead, 0, 4096)).isEqualTo(code);
            assertThat(vm.vmProtect(dead, 0, 4096, false, 0)).isEqualTo(code);
            assertThat(vm.vmRead(dead, 0, 4096).kr()).isEqualTo(code);
            assertThat(vm.vmRead(dead, 0, 4096).data()).isNull();
            assertThat(vm.vmWrite(dead, 0, new byte[4096])).isEqualTo(code);
            assertThat(vm.vmRegion(dead, 0)).isEqualTo(new MachVm.RegionResult(code, 0, 0, 0, 0));
            assertThat(vm.taskTerminate(dead)).isEqualTo(code);
        }
    }

    @Nested
    class VMH_ALLOC_1 {
        @ParameterizedTest
        @MethodSource("vmck.model.HelperCallsTest#geometries")
        void VMH_ALLOC_1_fixedTruncatesAddressRoundsSize(Geometry geometry) {
            ReferenceVm vm = new ReferenceVm(Profiles.MACH3, geometry);
            long task = vm.taskCreate().task();
            long ps = geometry.pageSize();
            long at = geometry.minAddress() + 10 * ps;
            MachVm.AllocateResult r = vm.vmAllocate(task, at + 5, ps + 1, false);
            assertThat(r).isEqualTo(new MachVm.AllocateResult(OK, at));
            // [at+5, at+ps+6) touches two pages
            assertThat(vm.vmRegion(task, at)).isEqualTo(new MachVm.RegionResult(OK, at, 2 * ps, VmProt.DEFAULT, VmProt.ALL));
            assertThat(vm.vmRead(task, at, 2 * ps).data()).isEqualTo(new byte[(int) (2 * ps)]);
            assertThat(vm.space(task).dataPages()).isEmpty();
        }

        @Test
        void VMH_ALLOC_1_sizeZeroSucceedsAtZero() {
            Fx fx = Fx.mach3();
            assertThat(fx.vm.vmAllocate(fx.task, fx.page(3), 0, false)).isEqualTo(new MachVm.AllocateResult(OK, 0));
            assertThat(fx.vm.model().allocate(fx.space(), 5, 0, true)).isEqualTo(new ReferenceModel.Allocation(OK, Clause.VMH_ALLOC_2, 0));
            assertThat(fx.space().runs()).isEmpty();
        }

        @Test
        void VMH_ALLOC_1_outsideUserRangeOrWrappingIsInvalidAddress() {
            Fx fx = new Fx(Profiles.GNUMACH, Geometry.X86_64);
            assertThat(fx.vm.vmAllocate(fx.task, 0, 4096, false).kr()).isEqualTo(INVALID_ADDRESS);
            assertThat(fx.vm.vmAllocate(fx.task, Geometry.X86_64.maxAddress(), 4096, false).kr()).isEqualTo(INVALID_ADDRESS);
            assertThat(fx.vm.vmAllocate(fx.task, Geometry.X86_64.maxAddress() - 4096, 8192, false).kr()).isEqualTo(INVALID_ADDRESS);
            assertThat(fx.vm.vmAllocate(fx.task, -4096, 4096, false).kr()).isEqualTo(INVALID_ADDRESS);
            assertThat(fx.vm.vmAllocate(fx.task, 8192, -1, false).kr()).isEqualTo(INVALID_ADDRESS);
            assertThat(fx.vm.vmAllocate(fx.task, Geometry.X86_64.maxAddress() - 4096, 4096, false).kr()).isZero();
            assertThat(fx.vm.vmAllocate(fx.task, 4096, 4096, false).kr()).isZero();
            Fx small = Fx.mach3();
            assertThat(small.vm.vmAllocate(small.task, 0, 1L << 32, false).kr()).isEqualTo(INVALID_ADDRESS);
            assertThat(small.vm.vmAllocate(small.task, 0xBFFF_F000L, 4096, false).kr()).isZero();
            assertThat(small.vm.vmAllocate(small.task, 0, 4096, false).kr()).isZero();
        }
    }

    @Nested
    class VMH_ALLOC_2 {
        @Test
        void VMH_ALLOC_2_anywhereTakesFirstGapFromMinimum() {
            Fx fx = new Fx(Profiles.MACH3, Geometry.X86_64);
            long min = Geometry.X86_64.minAddress();
            assertThat(fx.vm.vmAllocate(fx.task, 0xdead000, 2 * 4096, true)).isEqualTo(new MachVm.AllocateResult(OK, min));
            assertThat(fx.vm.vmAllocate(fx.task, min + 3 * 4096, 4096, false).kr()).isZero();
            // one-page gap at min+2 pages fits one page, not two
            assertThat(fx.vm.vmAllocate(fx.task, 0, 2 * 4096, true).address()).isEqualTo(min + 4 * 4096);
            assertThat(fx.vm.vmAllocate(fx.task, 0, 1, true).address()).isEqualTo(min + 2 * 4096);
            assertThat(fx.vm.vmAllocate(fx.task, 0, 4096, true).address()).isEqualTo(min + 6 * 4096);
        }

        @Test
        void VMH_ALLOC_2_fullSpaceIsNoSpace() {
            Geometry tiny = new Geometry(4096, 32, 0x1000, 0x5000);
            ReferenceVm vm = new ReferenceVm(Profiles.MACH3, tiny);
            long task = vm.taskCreate().task();
            assertThat(vm.vmAllocate(task, 0, 5 * 4096, true).kr()).isEqualTo(NO_SPACE);
            assertThat(vm.vmAllocate(task, 0, 4 * 4096, true)).isEqualTo(new MachVm.AllocateResult(OK, 0x1000));
            assertThat(vm.vmAllocate(task, 0, 1, true).kr()).isEqualTo(NO_SPACE);
            assertThat(vm.vmAllocate(task, 0, 1L << 32, true).kr()).isEqualTo(NO_SPACE);
            assertThat(vm.vmDeallocate(task, 0x4000, 4096)).isZero();
            assertThat(vm.vmAllocate(task, 0, 1, true)).isEqualTo(new MachVm.AllocateResult(OK, 0x4000));
        }

        @Test
        void VMH_ALLOC_2_gapBelowFirstRunIsUsed() {
            Geometry tiny = new Geometry(4096, 32, 0x1000, 0x9000);
            ReferenceVm vm = new ReferenceVm(Profiles.MACH3, tiny);
            long task = vm.taskCreate().task();
            assertThat(vm.vmAllocate(task, 0x4000, 4096, false).kr()).isZero();
            assertThat(vm.vmAllocate(task, 0, 3 * 4096, true).address()).isEqualTo(0x1000);
            assertThat(vm.vmAllocate(task, 0, 4 * 4096, true).address()).isEqualTo(0x5000);
        }
    }

    @Nested
    class VMH_ALLOC_3 {
        @Test
        void VMH_ALLOC_3_overlappingFixedAllocationFails() {
            Fx fx = Fx.mach3().alloc(2, 2).fill(2, 2);
            AddressSpace before = fx.space().copy();
            for (long[] c : new long[][] {{2, 1}, {0, 3}, {3, 5}, {0, 10}}) {
                MachVm.AllocateResult r = fx.vm.vmAllocate(fx.task, fx.page(c[0]), c[1] * fx.ps, false);
                assertThat(r.kr()).isEqualTo(NO_SPACE);
                assertThat(fx.vm.model().allocate(fx.space(), fx.page(c[0]), c[1] * fx.ps, false).clause())
                        .isEqualTo(Clause.VMH_ALLOC_3);
            }
            assertThat(fx.space().sameAs(before)).isTrue();
            fx.alloc(0, 2).alloc(4, 1);
            assertThat(fx.space().runs()).hasSize(1);
        }
    }

    @Nested
    class VMH_DEALLOC_1 {
        @Test
        void VMH_DEALLOC_1_removesRoundedRangeSkippingHoles() {
            Fx fx = Fx.gnumach().alloc(0, 3).alloc(5, 3).fill(0, 3).fill(5, 3);
            assertThat(fx.vm.vmDeallocate(fx.task, fx.page(1) + 10, 5 * fx.ps)).isZero();
            assertThat(fx.vm.vmRegion(fx.task, fx.page(0))).isEqualTo(new MachVm.RegionResult(OK, fx.page(0), fx.ps, 3, 7));
            assertThat(fx.vm.vmRegion(fx.task, fx.page(1)).address()).isEqualTo(fx.page(7));
            assertThat(fx.space().dataPages()).containsExactly(
                    fx.geometry.pageIndex(fx.page(0)), fx.geometry.pageIndex(fx.page(7)));
            // reallocated memory is zero-filled again
            fx.alloc(1, 1);
            assertThat(fx.read(fx.page(1), fx.ps)).isEqualTo(new byte[(int) fx.ps]);
            assertThat(fx.vm.vmDeallocate(fx.task, fx.page(50), 0)).isZero();
            assertThat(fx.vm.vmDeallocate(fx.task, fx.page(50), 10 * fx.ps)).isZero();
            // a wrapping range is clamped to nothing (VM_MAP_RANGE_CHECK; observed on GNU Mach 1.8: 0, nothing removed)
            assertThat(fx.vm.vmDeallocate(fx.task, -4096, 8192)).isZero();
            assertThat(fx.vm.vmDeallocate(fx.task, fx.page(7), -fx.page(7) + fx.ps)).isZero();
            assertThat(fx.vm.vmRegion(fx.task, fx.page(7)).address()).isEqualTo(fx.page(7));
            assertThat(fx.vm.model().deallocate(fx.space(), 0, 1).clause()).isEqualTo(Clause.VMH_DEALLOC_1);
            assertThat(fx.vm.vmDeallocate(fx.task, 0, 0xC000_0000L)).isZero();
            assertThat(fx.space().runs()).isEmpty();
            assertThat(fx.space().dataPages()).isEmpty();
        }
    }

    @Nested
    class VMH_PROT_1 {
        @Test
        void VMH_PROT_1_setsCurrentOnRoundedRange() {
            Fx fx = Fx.mach3().alloc(0, 4);
            assertThat(fx.vm.vmProtect(fx.task, fx.page(1) + 1, fx.ps, false, VmProt.READ)).isZero();
            assertThat(fx.vm.vmRegion(fx.task, fx.page(0))).isEqualTo(new MachVm.RegionResult(OK, fx.page(0), fx.ps, 3, 7));
            assertThat(fx.vm.vmRegion(fx.task, fx.page(1))).isEqualTo(new MachVm.RegionResult(OK, fx.page(1), 2 * fx.ps, 1, 7));
            assertThat(fx.vm.vmRegion(fx.task, fx.page(3))).isEqualTo(new MachVm.RegionResult(OK, fx.page(3), fx.ps, 3, 7));
            // back to default merges the runs again
            assertThat(fx.vm.vmProtect(fx.task, fx.page(1), 2 * fx.ps, false, VmProt.DEFAULT)).isZero();
            assertThat(fx.space().runs()).hasSize(1);
            assertThat(fx.vm.model().protect(fx.space(), fx.page(0), fx.ps, false, VmProt.ALL).clause()).isEqualTo(Clause.VMH_PROT_1);
        }

        @Test
        void VMH_PROT_1_badBitsZeroSizeHolesAndWraps() {
            Fx fx = Fx.mach3().alloc(0, 1).alloc(2, 1);
            assertThat(fx.vm.vmProtect(fx.task, fx.page(0), fx.ps, false, 8)).isEqualTo(INVALID_ARGUMENT);
            assertThat(fx.vm.vmProtect(fx.task, fx.page(0), fx.ps, true, -1)).isEqualTo(INVALID_ARGUMENT);
            assertThat(fx.vm.vmProtect(fx.task, fx.page(0), 0, false, VmProt.NONE)).isZero();
            // a wrapping range is clamped to nothing (VM_MAP_RANGE_CHECK; observed on GNU Mach 1.8: 0, nothing changed)
            assertThat(fx.vm.vmProtect(fx.task, -4096, 8192, false, VmProt.NONE)).isZero();
            assertThat(fx.vm.vmProtect(fx.task, fx.page(0), -fx.page(0) + fx.ps, false, VmProt.NONE)).isZero();
            assertThat(fx.vm.vmRegion(fx.task, fx.page(0)).protection()).isEqualTo(VmProt.DEFAULT);
            assertThat(fx.vm.vmProtect(fx.task, fx.page(0), 3 * fx.ps, false, VmProt.NONE)).isZero();
            assertThat(fx.vm.vmRegion(fx.task, fx.page(2)).protection()).isEqualTo(VmProt.NONE);
            assertThat(fx.vm.vmRegion(fx.task, fx.page(1)).address()).isEqualTo(fx.page(2));
        }
    }

    @Nested
    class VMH_PROT_2 {
        @Test
        void VMH_PROT_2_aboveMaxAnywhereFailsAndChangesNothing() {
            Fx fx = Fx.mach3().alloc(0, 3);
            assertThat(fx.vm.vmProtect(fx.task, fx.page(2), fx.ps, true, VmProt.READ)).isZero();
            AddressSpace before = fx.space().copy();
            assertThat(fx.vm.vmProtect(fx.task, fx.page(0), 3 * fx.ps, false, VmProt.DEFAULT)).isEqualTo(PROTECTION_FAILURE);
            assertThat(fx.vm.vmProtect(fx.task, fx.page(0), 3 * fx.ps, true, VmProt.DEFAULT)).isEqualTo(PROTECTION_FAILURE);
            assertThat(fx.vm.model().protect(fx.space(), fx.page(0), 3 * fx.ps, false, VmProt.ALL).clause()).isEqualTo(Clause.VMH_PROT_2);
            assertThat(fx.space().sameAs(before)).isTrue();
            assertThat(fx.vm.vmProtect(fx.task, fx.page(0), 3 * fx.ps, false, VmProt.READ)).isZero();
        }
    }

    @Nested
    class VMH_PROT_3 {
        @Test
        void VMH_PROT_3_setMaximumLowersMaxAndMasksCurrent() {
            Fx fx = Fx.gnumach().alloc(0, 2);
            assertThat(fx.vm.vmProtect(fx.task, fx.page(0), fx.ps, true, VmProt.READ | VmProt.EXECUTE)).isZero();
            assertThat(fx.vm.vmRegion(fx.task, fx.page(0))).isEqualTo(new MachVm.RegionResult(OK, fx.page(0), fx.ps, VmProt.READ, 5));
            assertThat(fx.vm.vmProtect(fx.task, fx.page(0), fx.ps, false, VmProt.EXECUTE)).isZero();
            assertThat(fx.vm.vmRegion(fx.task, fx.page(0)).protection()).isEqualTo(VmProt.EXECUTE);
            assertThat(fx.vm.vmProtect(fx.task, fx.page(0), fx.ps, false, VmProt.WRITE)).isEqualTo(PROTECTION_FAILURE);
            assertThat(fx.vm.model().protect(fx.space(), fx.page(1), fx.ps, true, VmProt.ALL).clause()).isEqualTo(Clause.VMH_PROT_3);
            assertThat(fx.vm.vmRegion(fx.task, fx.page(1))).isEqualTo(new MachVm.RegionResult(OK, fx.page(1), fx.ps, 3, 7));
        }
    }

    @Nested
    class VMH_READ_1 {
        @Test
        void VMH_READ_1_exactBytesUnaligned() {
            Fx fx = Fx.mach3().alloc(0, 3).fill(0, 3);
            byte[] all = fx.bytes(fx.page(0), 3 * fx.ps);
            assertThat(fx.read(fx.page(0) + 7, 5000)).isEqualTo(Arrays.copyOfRange(all, 7, 5007));
            assertThat(fx.read(fx.page(0) + 7, 0)).isEmpty();
            assertThat(fx.vm.vmRead(fx.task, fx.page(50), 0).kr()).isZero();
            ReferenceModel.Read r = fx.vm.model().read(fx.space(), fx.page(0), 1);
            assertThat(r.clause()).isEqualTo(Clause.VMH_READ_1);
        }

        @Test
        void VMH_READ_1_holesProtectionOverflowAndLimit() {
            Fx fx = new Fx(Profiles.MACH3, Geometry.X86_64).alloc(0, 3).protect(2, 1, VmProt.WRITE);
            assertThat(fx.vm.vmRead(fx.task, fx.page(0), 4 * fx.ps).kr()).isEqualTo(PROTECTION_FAILURE);
            assertThat(fx.vm.vmRead(fx.task, fx.page(3), 1).kr()).isEqualTo(INVALID_ADDRESS);
            assertThat(fx.vm.vmRead(fx.task, -4096, 8192).kr()).isEqualTo(INVALID_ADDRESS);
            assertThat(fx.vm.vmRead(fx.task, -4096, 8192).data()).isNull();
            Fx big = new Fx(Profiles.MACH3, Geometry.X86_64);
            long base = big.vm.vmAllocate(big.task, 0, 1L << 30, true).address();
            assertThat(big.vm.vmRead(big.task, base, ReferenceModel.MAX_READ).data()).hasSize((int) ReferenceModel.MAX_READ);
            assertThat(big.vm.vmRead(big.task, base, ReferenceModel.MAX_READ + 1).kr()).isEqualTo(RESOURCE_SHORTAGE);
            assertThat(big.vm.vmRead(big.task, base + (1L << 30) - 4096, 8192).kr()).isEqualTo(INVALID_ADDRESS);
        }
    }

    @Nested
    class VMH_WRITE_1 {
        @Test
        void VMH_WRITE_1_alignedWritesExactly() {
            Fx fx = Fx.mach3().alloc(0, 3);
            byte[] data = Fx.pattern(9, (int) (2 * fx.ps));
            assertThat(fx.vm.vmWrite(fx.task, fx.page(1), data)).isZero();
            assertThat(fx.read(fx.page(1), 2 * fx.ps)).isEqualTo(data);
            assertThat(fx.read(fx.page(0), fx.ps)).isEqualTo(new byte[(int) fx.ps]);
            assertThat(fx.vm.model().write(fx.space(), fx.page(0), new byte[0]).clause()).isEqualTo(Clause.VMH_WRITE_1);
        }

        @Test
        void VMH_WRITE_1_unalignedHolesProtection() {
            Fx fx = Fx.mach3().alloc(0, 2).protect(1, 1, VmProt.READ);
            AddressSpace before = fx.space().copy();
            assertThat(fx.vm.vmWrite(fx.task, fx.page(0) + 1, new byte[(int) fx.ps])).isEqualTo(INVALID_ARGUMENT);
            assertThat(fx.vm.vmWrite(fx.task, fx.page(0), new byte[10])).isEqualTo(INVALID_ARGUMENT);
            assertThat(fx.vm.vmWrite(fx.task, fx.page(0), new byte[0])).isZero();
            assertThat(fx.vm.vmWrite(fx.task, fx.page(0) + 4, new byte[0])).isEqualTo(INVALID_ARGUMENT);
            assertThat(fx.vm.vmWrite(fx.task, fx.page(0), Fx.pattern(1, (int) (2 * fx.ps)))).isEqualTo(PROTECTION_FAILURE);
            assertThat(fx.vm.vmWrite(fx.task, fx.page(2), Fx.pattern(1, (int) fx.ps))).isEqualTo(INVALID_ADDRESS);
            assertThat(fx.vm.vmWrite(fx.task, 0xFFFF_F000L, Fx.pattern(1, 8192))).isEqualTo(INVALID_ADDRESS);
            assertThat(fx.space().sameAs(before)).isTrue();
            // writing zeros stores no data page
            assertThat(fx.vm.vmWrite(fx.task, fx.page(0), new byte[(int) fx.ps])).isZero();
            assertThat(fx.space().dataPages()).isEmpty();
        }
    }

    @Nested
    class VMH_REGION_1 {
        @Test
        void VMH_REGION_1_perPageAttributes() {
            Fx fx = Fx.gnumach().alloc(0, 6).protect(1, 2, VmProt.READ).protect(4, 1, VmProt.NONE);
            int[] expected = {3, 1, 1, 3, 0, 3};
            for (int p = 0; p < 6; p++) {
                MachVm.RegionResult r = fx.vm.vmRegion(fx.task, fx.page(p) + 17);
                assertThat(r.kr()).isZero();
                assertThat(r.address()).isLessThanOrEqualTo(fx.page(p));
                assertThat(r.address() + r.size()).isGreaterThan(fx.page(p));
                assertThat(r.protection()).as("page %d", p).isEqualTo(expected[p]);
                assertThat(r.maxProtection()).isEqualTo(VmProt.ALL);
            }
        }

        @Test
        void VMH_REGION_1_nextAboveOrNone() {
            Fx fx = Fx.mach3().alloc(5, 2);
            assertThat(fx.vm.vmRegion(fx.task, fx.page(0))).isEqualTo(new MachVm.RegionResult(OK, fx.page(5), 2 * fx.ps, 3, 7));
            assertThat(fx.vm.vmRegion(fx.task, fx.page(7)).kr()).isEqualTo(NO_SPACE);
            assertThat(fx.vm.vmRegion(fx.task, 1L << 32).kr()).isEqualTo(NO_SPACE);
            ReferenceModel.Region none = fx.vm.model().region(fx.space(), fx.page(7));
            assertThat(none.allowedCodes()).containsExactlyInAnyOrder(NO_SPACE, INVALID_ADDRESS);
            assertThat(none.run()).isNull();
            ReferenceModel.Region some = fx.vm.model().region(fx.space(), fx.page(6));
            assertThat(some.allowedCodes()).containsExactly(OK);
            assertThat(some.clause()).isEqualTo(Clause.VMH_REGION_1);
            assertThat(some.run().pageCount()).isEqualTo(2);
        }
    }
}
