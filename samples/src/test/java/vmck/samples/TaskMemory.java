package vmck.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import vmck.spec.MachVm;

/**
 * One live task of an implementation, with page-sized test vocabulary: pages are filled with a
 * "tag" byte and read back as tags, so expected memory is a short list of numbers.
 * Set-up calls assert their own success, so a scenario cannot pass on a broken set-up.
 */
final class TaskMemory {
    /** Tag reported for a page whose bytes are not all equal. */
    static final int MIXED = -1;

    final MachVm vm;
    final long task;
    final int page;

    TaskMemory(MachVm vm) {
        this.vm = vm;
        MachVm.TaskResult created = vm.taskCreate();
        assertThat(created.kr()).as("task_create").isZero();
        this.task = created.task();
        this.page = vm.geometry().pageSize();
    }

    /** vm_allocate fixed at {@code address}, {@code pages} pages. */
    TaskMemory allocate(long address, int pages) {
        MachVm.AllocateResult result = vm.vmAllocate(task, address, (long) pages * page, false);
        assertThat(result.kr()).as("vm_allocate at 0x%x", address).isZero();
        assertThat(result.address()).isEqualTo(address);
        return this;
    }

    /** Fill consecutive pages from {@code address}, one tag byte per page. */
    TaskMemory fill(long address, int... tags) {
        for (int i = 0; i < tags.length; i++) {
            byte[] data = new byte[page];
            Arrays.fill(data, (byte) tags[i]);
            assertThat(vm.vmWrite(task, address + (long) i * page, data)).as("vm_write").isZero();
        }
        return this;
    }

    /** vm_protect without set_maximum, asserting success. */
    TaskMemory protect(long address, int pages, int protection) {
        assertThat(vm.vmProtect(task, address, (long) pages * page, false, protection)).as("vm_protect").isZero();
        return this;
    }

    /** Each page's tag (MIXED when its bytes differ); a page that cannot be read reports -100 - kr. */
    List<Integer> tags(long address, int pages) {
        List<Integer> tags = new ArrayList<>();
        for (int i = 0; i < pages; i++) {
            long at = address + (long) i * page;
            MachVm.ReadResult read = vm.vmRead(task, at, page);
            if (read.kr() != 0) {
                tags.add(-100 - read.kr());
                continue;
            }
            byte first = read.data()[0];
            boolean uniform = true;
            for (byte b : read.data()) {
                uniform &= b == first;
            }
            tags.add(uniform ? first & 0xFF : MIXED);
        }
        return tags;
    }

    /** vm_copy in this task. */
    int copy(long source, long count, long dest) {
        return vm.vmCopy(task, source, count, dest);
    }

    long pages(int n) {
        return (long) n * page;
    }

    /** Current protection of the page at {@code address}, from vm_region. */
    int protectionAt(long address) {
        MachVm.RegionResult region = vm.vmRegion(task, address);
        assertThat(region.kr()).as("vm_region").isZero();
        assertThat(Long.compareUnsigned(region.address(), address)).as("region contains the page").isLessThanOrEqualTo(0);
        return region.protection();
    }

    /** Max protection of the page at {@code address}, from vm_region. */
    int maxProtectionAt(long address) {
        MachVm.RegionResult region = vm.vmRegion(task, address);
        assertThat(region.kr()).as("vm_region").isZero();
        return region.maxProtection();
    }
}
