package vmck.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import vmck.spec.Clause;
import vmck.spec.Geometry;
import vmck.spec.MachVm;
import vmck.spec.Profiles;
import vmck.spec.VmProt;

/** Edges of the model found by mutation testing: boundaries that the clause tests do not pin. */
class ModelEdgesTest {

    @Test
    void VMC_COPY_1_unalignedDeltaSourceDataPageInTheMiddle() {
        // A data page in the middle of the source lands across two destination pages that are
        // neither the first nor the last of the destination and held nothing before.
        Fx fx = new Fx(Fx.UNALIGNED, Geometry.I386).alloc(0, 24).fill(5, 1);
        fx.expectCopy(fx.page(0), 9 * fx.ps, fx.page(10) + 100, Fx.OK, Clause.VMC_COPY_1);
        assertThat(fx.read(fx.page(15) + 100, fx.ps)).isEqualTo(Fx.pattern(fx.page(5), (int) fx.ps));
        assertThat(fx.space().dataPages()).hasSize(3);
    }

    @Test
    void VMC_COPY_1_sameUnalignedOffsetKeepsBytesBeforeAndAfter() {
        Fx fx = new Fx(Fx.UNALIGNED, Geometry.I386).alloc(0, 8).fill(0, 8);
        byte[] before = fx.read(fx.page(4), 3 * fx.ps);
        fx.expectCopy(fx.page(0) + 100, 2 * fx.ps - 300, fx.page(4) + 100, Fx.OK, Clause.VMC_COPY_1);
        byte[] after = fx.read(fx.page(4), 3 * fx.ps);
        byte[] source = fx.read(fx.page(0), 2 * fx.ps);
        for (int i = 0; i < after.length; i++) {
            boolean inside = i >= 100 && i < 2 * fx.ps - 200;
            assertThat(after[i]).as("byte %d", i).isEqualTo(inside ? source[i] : before[i]);
        }
    }

    @Test
    void VMC_SRC_1_holeExactlyAtMinAddressIsAHoleNotOutOfRange() {
        for (String profile : new String[] {"mach3", "gnumach"}) {
            Fx fx = new Fx(Profiles.byName(profile).orElseThrow(), Geometry.X86_64).alloc(0, 2);
            fx.expectCopy(Geometry.X86_64.minAddress(), 4096, fx.page(0), Fx.INVALID_ADDRESS, Clause.VMC_SRC_1);
            fx.expectCopy(fx.page(0), 4096, Geometry.X86_64.minAddress(), Fx.INVALID_ADDRESS, Clause.VMC_DST_1);
        }
    }

    @Test
    void VMC_RANGE_3_walkRunsPastTheTopOfTheAddressSpace_gnumach() {
        // Only reachable with a top page allocated behind the API's back: the wrap is met in the walk.
        Geometry wide = new Geometry(4096, 64, 0x1000, 0xFFFF_FFFF_FFFF_F000L);
        Fx fx = new Fx(Profiles.GNUMACH, wide).alloc(0, 2).fill(0, 2);
        long top = wide.pageIndex(-4096L);
        fx.space().allocate(top, top + 1, VmProt.DEFAULT, VmProt.ALL);
        fx.expectCopy(fx.page(0), 2 * 4096, -4096L, Fx.INVALID_ADDRESS, Clause.VMC_RANGE_3);
        fx.expectCopy(fx.page(0), 4096, -4096L, Fx.OK, Clause.VMC_COPY_1);
        Fx mach = new Fx(Profiles.MACH3, wide).alloc(0, 2);
        mach.space().allocate(top, top + 1, VmProt.DEFAULT, VmProt.ALL);
        mach.expectCopy(mach.page(0), 2 * 4096, -4096L, Fx.INVALID_ADDRESS, Clause.VMC_RANGE_3);
    }

    @Test
    void VMC_RANGE_4_destinationInTheTopPageWithoutWrappingIsOutOfRangeNotAWrap_gnumach() {
        // [0xFFFFF000, 2^32) ends exactly at the top: no wrap, but above VM_MAX_ADDRESS.
        Fx fx = Fx.gnumach().alloc(0, 1).fill(0, 1);
        fx.expectCopy(fx.page(0), 4096, 0xFFFF_F000L, Fx.INVALID_ADDRESS, Clause.VMC_RANGE_4);
    }

    @Test
    void VMC_RANGE_3_wrappingDestinationWhoseFirstHoleIsExactlyAtMaxAddressIsAWrap_gnumach() {
        // The last user page is allocated; the walk's first hole is VM_MAX_ADDRESS itself, on the way to the wrap.
        // A source of 1 GiB + 8 KiB (sparse: cheap), so the copy gets as far as the destination walk.
        Fx fx = Fx.gnumach();
        long source = 0x1000_0000L;
        long count = 0x4000_2000L;
        fx.space().allocate(Geometry.I386.pageIndex(source), Geometry.I386.pageIndex(source + count), VmProt.DEFAULT, VmProt.ALL);
        long lastUserPage = 0xC000_0000L - 4096;
        fx.space().allocate(Geometry.I386.pageIndex(lastUserPage), Geometry.I386.pageIndex(0xC000_0000L),
                VmProt.DEFAULT, VmProt.ALL);
        fx.expectCopy(source, count, lastUserPage, Fx.INVALID_ADDRESS, Clause.VMC_RANGE_3);
    }

    @Test
    void VMH_ALLOC_2_anywhereCanReturnPageZeroWhenTheUserRangeStartsThere() {
        ReferenceVm vm = new ReferenceVm(Profiles.GNUMACH, Geometry.I386);
        long task = vm.taskCreate().task();
        assertThat(vm.vmAllocate(task, 0x5000, 4096, true)).isEqualTo(new MachVm.AllocateResult(Fx.OK, 0));
        assertThat(vm.vmRegion(task, 0)).isEqualTo(new MachVm.RegionResult(Fx.OK, 0, 4096, 3, 7));
    }

    @Test
    void VMH_DEALLOC_1_unalignedSizeWithinOnePageRemovesOnlyThatPage() {
        Fx fx = Fx.mach3().alloc(0, 3);
        assertThat(fx.vm.vmDeallocate(fx.task, fx.page(0), fx.ps - 1)).isZero();
        assertThat(fx.vm.vmRegion(fx.task, fx.page(0)).address()).isEqualTo(fx.page(1));
        assertThat(fx.vm.vmRegion(fx.task, fx.page(0)).size()).isEqualTo(2 * fx.ps);
        assertThat(fx.vm.vmDeallocate(fx.task, fx.page(1) + 1, fx.ps - 2)).isZero();
        assertThat(fx.vm.vmRegion(fx.task, fx.page(0)).address()).isEqualTo(fx.page(2));
    }

    @Test
    void VMH_PROT_2_runJustPastTheRangeIsNotConsulted() {
        Fx fx = Fx.mach3().alloc(0, 2);
        assertThat(fx.vm.vmProtect(fx.task, fx.page(1), fx.ps, true, VmProt.READ)).isZero();
        assertThat(fx.vm.vmProtect(fx.task, fx.page(0), fx.ps, false, VmProt.ALL)).isZero();
        assertThat(fx.vm.vmRegion(fx.task, fx.page(0)).protection()).isEqualTo(VmProt.ALL);
    }

    @Test
    void addressSpaceDescribesItself() {
        Fx fx = Fx.mach3().alloc(0, 2).fill(1, 1).protect(1, 1, VmProt.READ);
        assertThat(fx.space().geometry()).isEqualTo(Geometry.I386);
        assertThat(fx.space().toString())
                .isEqualTo("AddressSpace[ [0x100000,0x101000) 3/7 [0x101000,0x102000) 1/7 ; 1 data pages]");
        assertThat(fx.space().runAt(fx.geometry.pageIndex(fx.page(5)))).isNull();
        assertThat(fx.space().runAtOrAbove(0).firstPage()).isEqualTo(fx.geometry.pageIndex(fx.page(0)));
    }
}
