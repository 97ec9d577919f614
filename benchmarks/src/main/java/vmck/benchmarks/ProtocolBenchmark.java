package vmck.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import vmck.adapter.ProcessExecutor;
import vmck.adapter.ProtocolServer;
import vmck.model.ReferenceVm;
import vmck.scenario.AdapterFailure;
import vmck.scenario.Call;
import vmck.scenario.Executor;
import vmck.scenario.InProcessExecutor;
import vmck.spec.Geometry;
import vmck.spec.Profiles;

/**
 * Measures calls per second through protocol v1 (ProcessExecutor to ProtocolServer in a child JVM)
 * against the same scenarios run in process, to show what the wire costs. Not a test, and not JMH:
 * the figure is a whole-protocol round trip, child JVM included.
 *
 * <pre>java -cp benchmarks/target/vmck-benchmarks.jar vmck.benchmarks.ProtocolBenchmark [calls-per-scenario [scenarios]]</pre>
 */
public final class ProtocolBenchmark {

    private ProtocolBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("--serve")) {
            new ProtocolServer(reference(), "benchmark").serve(System.in, System.out);
            return;
        }
        int calls = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int scenarios = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        List<Call> scenario = scenario(calls);
        String javaBin = java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> server = List.of(javaBin, "-cp", System.getProperty("java.class.path"),
                ProtocolBenchmark.class.getName(), "--serve");
        try (Executor local = new InProcessExecutor(ProtocolBenchmark::reference);
             Executor remote = ProcessExecutor.start(server,
                     ProcessExecutor.Limits.DEFAULT.withRequestTimeout(Duration.ofSeconds(60)))) {
            for (Executor executor : List.of(local, remote)) {
                measure(executor, scenario, Math.max(1, scenarios / 5)); // warm-up: JIT on both sides
                double perSecond = measure(executor, scenario, scenarios);
                System.out.printf(Locale.ROOT, "%-16s %d scenarios x %d calls: %,.0f calls/s%n",
                        executor == local ? "in-process" : "protocol v1", scenarios, scenario.size(), perSecond);
            }
        }
    }

    private static ReferenceVm reference() {
        return new ReferenceVm(Profiles.GNUMACH, Geometry.I386);
    }

    /** 64 written pages, then {@code calls} one-page vm_copy calls among them (some unaligned: kr 4). */
    private static List<Call> scenario(int calls) {
        List<Call> scenario = new ArrayList<>();
        scenario.add(new Call.VmAllocate(Call.LIVE_TASK, 0x100000, 64 * 4096L, false));
        scenario.add(new Call.VmWrite(Call.LIVE_TASK, 0x100000, 64 * 4096, 1));
        for (int i = 0; i < calls; i++) {
            long source = 0x100000 + (i * 7L % 64) * 4096;
            long dest = 0x100000 + (i * 13L % 64) * 4096 + (i % 10 == 0 ? 8 : 0);
            scenario.add(new Call.VmCopy(Call.LIVE_TASK, source, 4096, dest));
        }
        return scenario;
    }

    private static double measure(Executor executor, List<Call> scenario, int runs) throws AdapterFailure {
        long start = System.nanoTime();
        for (int i = 0; i < runs; i++) {
            executor.run(scenario);
        }
        return (double) runs * scenario.size() / ((System.nanoTime() - start) / 1e9);
    }
}
