package vmck.spec;

/**
 * The implementation SPI: what a third party adapts its vm_copy to so vmck can test it.
 *
 * <p>It is the seven Mach VM calls a black-box harness needs, with Mach's argument names, plus
 * task creation. vmck observes an implementation only through these calls: it never needs a
 * back door, so a real kernel can be tested the same way.
 *
 * <p>Contract for implementers:
 * <ul>
 *   <li>Every call returns; none throws for any argument values. Addresses, sizes and counts are
 *       unsigned 64-bit values carried in {@code long}; a 32-bit implementation receives only
 *       values below 2^32 from vmck's vm_copy generator, but must still answer anything.</li>
 *   <li>{@code task} is an opaque handle returned by {@link #taskCreate()}. A handle that was
 *       never returned, or was terminated, is not a live task: answer as the kernel would
 *       (KERN_INVALID_ARGUMENT or MACH_SEND_INVALID_DEST, see clause VMC-TASK-1).</li>
 *   <li>Result codes are raw {@code kern_return_t} ints; see {@link KernReturn}.</li>
 *   <li>An implementation need not be thread-safe: vmck uses one instance from one thread.</li>
 * </ul>
 */
public interface MachVm {

    /** Page size, address width and user range of the tasks this implementation creates. */
    Geometry geometry();

    /** A short name and version for reports, e.g. {@code "gnumach 1.8"}. */
    default String name() {
        return getClass().getSimpleName();
    }

    /** task_create: a fresh task with an empty address space. */
    TaskResult taskCreate();

    /** task_terminate. */
    int taskTerminate(long task);

    /** vm_allocate: zero-filled memory, current protection VM_PROT_DEFAULT, max VM_PROT_ALL. */
    AllocateResult vmAllocate(long task, long address, long size, boolean anywhere);

    /** vm_deallocate. */
    int vmDeallocate(long task, long address, long size);

    /** vm_protect. */
    int vmProtect(long task, long address, long size, boolean setMaximum, int newProtection);

    /** vm_read: {@code size} bytes starting at {@code address}; data is null unless kr is 0. */
    ReadResult vmRead(long task, long address, long size);

    /** vm_write: {@code data} to {@code address}. */
    int vmWrite(long task, long address, byte[] data);

    /** vm_copy: the call under test. */
    int vmCopy(long task, long sourceAddress, long count, long destAddress);

    /** vm_region: the region containing {@code address}, or the next one above it. */
    RegionResult vmRegion(long task, long address);

    /** Result of task_create: {@code task} is meaningful only when {@code kr} is 0. */
    record TaskResult(int kr, long task) {
    }

    /** Result of vm_allocate: {@code address} is meaningful only when {@code kr} is 0. */
    record AllocateResult(int kr, long address) {
    }

    /** Result of vm_read: {@code data} is non-null exactly when {@code kr} is 0. */
    record ReadResult(int kr, byte[] data) {
    }

    /** Result of vm_region; the other fields are meaningful only when {@code kr} is 0. */
    record RegionResult(int kr, long address, long size, int protection, int maxProtection) {
    }
}
