package org.example.pagetable;

import vmck.junit.VmCopyConformanceTest;
import vmck.spec.Geometry;
import vmck.spec.MachVm;
import vmck.spec.Profile;
import vmck.spec.Profiles;

/** vmck's conformance suite against PageTableVm: one JUnit test per clause of vmck's SPEC.md. */
class PageTableVmConformanceTest extends VmCopyConformanceTest {

    @Override
    protected MachVm createImplementation() {
        return new PageTableMachVm(new PageTableVm());
    }

    @Override
    protected Profile profile() {
        return Profiles.GNUMACH; // the answers PageTableVm promises: GNU Mach 1.8's
    }

    /** PageTableVm seen through vmck's SPI. */
    private record PageTableMachVm(PageTableVm vm) implements MachVm {

        @Override
        public Geometry geometry() {
            return new Geometry(PageTableVm.PAGE, PageTableVm.ADDRESS_BITS, PageTableVm.MIN_ADDRESS, PageTableVm.MAX_ADDRESS);
        }

        @Override
        public TaskResult taskCreate() {
            return new TaskResult(PageTableVm.KERN_SUCCESS, vm.taskCreate());
        }

        @Override
        public int taskTerminate(long task) {
            return vm.taskTerminate(task);
        }

        @Override
        public AllocateResult vmAllocate(long task, long address, long size, boolean anywhere) {
            long[] placed = {0};
            int kr = vm.allocate(task, address, size, anywhere, placed);
            return new AllocateResult(kr, placed[0]);
        }

        @Override
        public int vmDeallocate(long task, long address, long size) {
            return vm.deallocate(task, address, size);
        }

        @Override
        public int vmProtect(long task, long address, long size, boolean setMaximum, int newProtection) {
            return vm.protect(task, address, size, setMaximum, newProtection);
        }

        @Override
        public ReadResult vmRead(long task, long address, long size) {
            byte[][] data = {null};
            int kr = vm.read(task, address, size, data);
            return new ReadResult(kr, data[0]);
        }

        @Override
        public int vmWrite(long task, long address, byte[] data) {
            return vm.write(task, address, data);
        }

        @Override
        public int vmCopy(long task, long sourceAddress, long count, long destAddress) {
            return vm.copy(task, sourceAddress, count, destAddress);
        }

        @Override
        public RegionResult vmRegion(long task, long address) {
            long[] region = new long[4];
            int kr = vm.region(task, address, region);
            return new RegionResult(kr, region[0], region[1], (int) region[2], (int) region[3]);
        }
    }
}
