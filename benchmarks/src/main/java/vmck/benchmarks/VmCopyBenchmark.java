package vmck.benchmarks;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import vmck.model.AddressSpace;
import vmck.model.CopyDecision;
import vmck.model.ReferenceModel;
import vmck.model.ReferenceVm;
import vmck.spec.Geometry;
import vmck.spec.Profile;
import vmck.spec.Profiles;
import vmck.spec.VmProt;

/**
 * Benchmarks of the reference model's vm_copy. Run by hand only (see README.md).
 *
 * <ul>
 *   <li>{@link #onePageCopy}: one-page vm_copy in a task with a few allocations (throughput).</li>
 *   <li>{@link #copy2To40Bytes}: vm_copy of 2^40 bytes of fresh memory in a 64-bit task (time/op).</li>
 *   <li>{@link #decideOnePage}: the pure decision only, no copying (throughput).</li>
 * </ul>
 */
public class VmCopyBenchmark {

    private static final int KERN_SUCCESS = 0;

    private static Profile profile(String name) {
        return Profiles.byName(name).orElseThrow();
    }

    /** A 32-bit task with five allocations, one of them read-only, and a few written pages. */
    @State(Scope.Thread)
    public static class SmallTask {
        @Param({"mach3", "gnumach"})
        public String profileName;

        ReferenceVm vm;
        long task;
        long source;
        long destination;
        int pageSize;

        @Setup(Level.Trial)
        public void setUp() {
            vm = new ReferenceVm(profile(profileName), Geometry.I386);
            pageSize = vm.geometry().pageSize();
            task = vm.taskCreate().task();
            long[] bases = new long[5];
            for (int i = 0; i < bases.length; i++) {
                bases[i] = vm.vmAllocate(task, 0, 16L * pageSize, true).address();
                // leave a one-page gap between allocations so they stay separate regions
                vm.vmAllocate(task, 0, pageSize, true);
            }
            for (int i = 0; i < bases.length; i++) {
                byte[] data = new byte[pageSize];
                java.util.Arrays.fill(data, (byte) (i + 1));
                check(vm.vmWrite(task, bases[i] + pageSize, data));
            }
            check(vm.vmProtect(task, bases[4], 16L * pageSize, false, VmProt.READ));
            source = bases[1] + pageSize;
            destination = bases[3] + 5L * pageSize;
        }
    }

    /** A 64-bit task with 2^40 + one page of fresh (zero-filled, never written) memory. */
    @State(Scope.Thread)
    public static class HugeTask {
        ReferenceVm vm;
        long task;
        long source;
        long destination;

        @Setup(Level.Trial)
        public void setUp() {
            vm = new ReferenceVm(Profiles.MACH3, Geometry.X86_64);
            task = vm.taskCreate().task();
            source = vm.vmAllocate(task, 0, 1L << 40, true).address();
            destination = vm.vmAllocate(task, 0, 1L << 40, true).address();
        }
    }

    /** The model and an address space for the decision-only benchmark. */
    @State(Scope.Thread)
    public static class Decision {
        @Param({"mach3", "gnumach"})
        public String profileName;

        ReferenceModel model;
        AddressSpace space;
        long source;
        long destination;
        long count;

        @Setup(Level.Trial)
        public void setUp() {
            SmallTask small = new SmallTask();
            small.profileName = profileName;
            small.setUp();
            model = small.vm.model();
            space = small.vm.space(small.task);
            source = small.source;
            destination = small.destination;
            count = small.pageSize;
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public int onePageCopy(SmallTask state) {
        return state.vm.vmCopy(state.task, state.source, state.pageSize, state.destination);
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public int copy2To40Bytes(HugeTask state) {
        return state.vm.vmCopy(state.task, state.source, 1L << 40, state.destination);
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public CopyDecision decideOnePage(Decision state) {
        return state.model.decideCopy(state.space, state.source, state.count, state.destination);
    }

    private static void check(int kr) {
        if (kr != KERN_SUCCESS) {
            throw new IllegalStateException("setup call failed: kr=" + kr);
        }
    }
}
