package vmck.model;

import java.util.TreeMap;

import vmck.spec.Geometry;
import vmck.spec.KernReturn;
import vmck.spec.MachVm;
import vmck.spec.Profile;

/**
 * The reference model as an implementation of the SPI: where the model allows several outcomes
 * it takes the first (no partial write), and for a dead task the code the profile's system gives
 * ({@link vmck.spec.Profile#deadTaskResult()}).
 */
public final class ReferenceVm implements MachVm {

    private final ReferenceModel model;
    /** Live tasks by handle; handles are never reused, so a terminated handle stays dead. */
    private final TreeMap<Long, AddressSpace> tasks = new TreeMap<>();
    private long nextHandle = 1;

    public ReferenceVm(Profile profile, Geometry geometry) {
        this.model = new ReferenceModel(profile, geometry);
    }

    public ReferenceModel model() {
        return model;
    }

    /** The memory of a live task, for tests and checkers; null when the handle is not live. */
    public AddressSpace space(long task) {
        return tasks.get(task);
    }

    @Override
    public Geometry geometry() {
        return model.geometry();
    }

    @Override
    public String name() {
        return "reference model (" + model.profile().name() + ")";
    }

    @Override
    public TaskResult taskCreate() {
        long handle = nextHandle++;
        tasks.put(handle, new AddressSpace(model.geometry()));
        return new TaskResult(KernReturn.KERN_SUCCESS.code(), handle);
    }

    @Override
    public int taskTerminate(long task) {
        return tasks.remove(task) != null ? KernReturn.KERN_SUCCESS.code() : invalidTask();
    }

    @Override
    public AllocateResult vmAllocate(long task, long address, long size, boolean anywhere) {
        AddressSpace space = tasks.get(task);
        if (space == null) {
            return new AllocateResult(invalidTask(), 0);
        }
        ReferenceModel.Allocation allocation = model.allocate(space, address, size, anywhere);
        return new AllocateResult(allocation.kr(), allocation.address());
    }

    @Override
    public int vmDeallocate(long task, long address, long size) {
        AddressSpace space = tasks.get(task);
        return space == null ? invalidTask() : model.deallocate(space, address, size).kr();
    }

    @Override
    public int vmProtect(long task, long address, long size, boolean setMaximum, int newProtection) {
        AddressSpace space = tasks.get(task);
        return space == null ? invalidTask() : model.protect(space, address, size, setMaximum, newProtection).kr();
    }

    @Override
    public ReadResult vmRead(long task, long address, long size) {
        AddressSpace space = tasks.get(task);
        if (space == null) {
            return new ReadResult(invalidTask(), null);
        }
        ReferenceModel.Read read = model.read(space, address, size);
        return new ReadResult(read.kr(), read.data());
    }

    @Override
    public int vmWrite(long task, long address, byte[] data) {
        AddressSpace space = tasks.get(task);
        return space == null ? invalidTask() : model.write(space, address, data).kr();
    }

    @Override
    public int vmCopy(long task, long sourceAddress, long count, long destAddress) {
        AddressSpace space = tasks.get(task);
        if (space == null) {
            return invalidTask();
        }
        CopyDecision decision = model.decideCopy(space, sourceAddress, count, destAddress);
        CopyDecision.Outcome outcome = decision.outcomes().get(0);
        model.applyCopy(space, sourceAddress, destAddress, outcome);
        return outcome.kr();
    }

    @Override
    public RegionResult vmRegion(long task, long address) {
        AddressSpace space = tasks.get(task);
        if (space == null) {
            return new RegionResult(invalidTask(), 0, 0, 0, 0);
        }
        ReferenceModel.Region region = model.region(space, address);
        if (region.run() == null) {
            return new RegionResult(KernReturn.KERN_NO_SPACE.code(), 0, 0, 0, 0);
        }
        Geometry geometry = model.geometry();
        PageRun run = region.run();
        return new RegionResult(KernReturn.KERN_SUCCESS.code(), geometry.pageAddress(run.firstPage()),
                geometry.pageAddress(run.pageCount()), run.protection(), run.maxProtection());
    }

    /** VMC-TASK-1 for every call: the code the profile's system gives, one of those it allows. */
    private int invalidTask() {
        return model.profile().deadTaskResult();
    }
}
