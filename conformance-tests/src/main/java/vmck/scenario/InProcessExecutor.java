package vmck.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import vmck.spec.Geometry;
import vmck.spec.KernReturn;
import vmck.spec.MachVm;

/**
 * Runs scenarios against a Java implementation of the SPI in this process. Each scenario gets
 * a new instance from the factory, so scenarios cannot leak state into each other. An exception
 * thrown by the implementation breaks the SPI contract and is reported as an {@link AdapterFailure}.
 */
public final class InProcessExecutor implements Executor {

    private final Supplier<? extends MachVm> factory;
    private final Geometry geometry;
    private final String name;

    public InProcessExecutor(Supplier<? extends MachVm> factory) {
        this.factory = factory;
        MachVm probe = factory.get();
        this.geometry = probe.geometry();
        this.name = probe.name();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Geometry geometry() {
        return geometry;
    }

    @Override
    public List<Reply> run(List<Call> calls) throws AdapterFailure {
        MachVm vm = factory.get();
        String step = "task_create";
        try {
            MachVm.TaskResult live = vm.taskCreate();
            MachVm.TaskResult dead = vm.taskCreate();
            if (live.kr() != KernReturn.KERN_SUCCESS.code() || dead.kr() != KernReturn.KERN_SUCCESS.code()) {
                throw new AdapterFailure("task_create failed: " + KernReturn.describe(live.kr()));
            }
            step = "task_terminate";
            vm.taskTerminate(dead.task());
            long[] handles = {live.task(), dead.task()};
            List<Reply> replies = new ArrayList<>(calls.size());
            for (Call call : calls) {
                step = call.describe();
                replies.add(execute(vm, call, handles));
            }
            return replies;
        } catch (RuntimeException | Error e) {
            throw new AdapterFailure(name + " threw " + e + " on " + step, e);
        }
    }

    /** One call through the SPI. */
    static Reply execute(MachVm vm, Call call, long[] handles) {
        return call.accept(new Call.Visitor<Reply, RuntimeException>() {
            public Reply allocate(Call.VmAllocate c) {
                MachVm.AllocateResult r = vm.vmAllocate(handles[c.task()], c.address(), c.size(), c.anywhere());
                return Reply.allocated(r.kr(), r.address());
            }

            public Reply deallocate(Call.VmDeallocate c) {
                return Reply.of(vm.vmDeallocate(handles[c.task()], c.address(), c.size()));
            }

            public Reply protect(Call.VmProtect c) {
                return Reply.of(vm.vmProtect(handles[c.task()], c.address(), c.size(), c.setMaximum(), c.newProtection()));
            }

            public Reply write(Call.VmWrite c) {
                return Reply.of(vm.vmWrite(handles[c.task()], c.address(), c.data()));
            }

            public Reply copy(Call.VmCopy c) {
                return Reply.of(vm.vmCopy(handles[c.task()], c.sourceAddress(), c.count(), c.destAddress()));
            }

            public Reply read(Call.VmRead c) {
                MachVm.ReadResult r = vm.vmRead(handles[c.task()], c.address(), c.size());
                return Reply.read(r.kr(), r.data());
            }

            public Reply region(Call.VmRegion c) {
                MachVm.RegionResult r = vm.vmRegion(handles[c.task()], c.address());
                return Reply.region(r.kr(), r.address(), r.size(), r.protection(), r.maxProtection());
            }
        });
    }

    /** Each run gets its own instance from the factory, so runs on both cores cannot meet. */
    @Override
    public boolean allowsConcurrentRuns() {
        return true;
    }

    @Override
    public void close() {
    }
}
