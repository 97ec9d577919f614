package vmck.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vmck.conformance.ClauseFinding;
import vmck.conformance.ConformanceSuite;
import vmck.conformance.SuiteConfig;
import vmck.conformance.SuiteReport;
import vmck.model.ReferenceVm;
import vmck.samples.Mutant;
import vmck.scenario.AdapterFailure;
import vmck.scenario.Call;
import vmck.scenario.Executor;
import vmck.scenario.InProcessExecutor;
import vmck.scenario.Reply;
import vmck.spec.Clause;
import vmck.spec.Geometry;
import vmck.spec.Profile;
import vmck.spec.Profiles;

/**
 * {@code vmck bench}: the kit's own figures, measured, never asserted. Each figure that depends on
 * the machine is printed as a ratio of two rates measured in the same run (the protocol over the
 * same suite in process; the real kernel over its own in-guest rate), so it holds on any machine.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure the suite: throughput against the model and through the protocol, detection of every"
                + " bundled mutant; with --against, an adapter's rate as a ratio to figures measured in the same run.")
final class BenchCommand implements Callable<Integer> {

    /** One-page vm_copy calls the guest makes for the in-guest rate (about a second). */
    private static final int GUEST_COPIES = 200_000;

    @Option(names = "--seed", defaultValue = "1", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--against", paramLabel = "ADAPTER",
            description = "Instead: time the default suite against this adapter (e.g. gnumach) under --profile.")
    String against;

    @Option(names = "--profile", defaultValue = "gnumach", converter = ProfileConverter.class,
            description = "Profile for --against (default: ${DEFAULT-VALUE}).")
    Profile profile;

    @Option(names = "--jobs", defaultValue = "1", paramLabel = "N",
            description = "Adapter instances for --against (default: ${DEFAULT-VALUE}).")
    int jobs;

    @Option(names = "--no-slow-adapter", description = "Skip the slow-adapter figure (it runs the Python adapter four times).")
    boolean noSlowAdapter;

    /** The slow-adapter cases: the correct Python adapter, then broken variants (adapters/python-example/broken_adapter.py). */
    static final List<String> SLOW_ADAPTER_BUGS = List.of("overlap", "after-40-copies");

    @Override
    public Integer call() throws AdapterFailure {
        SuiteConfig config = SuiteConfig.defaults().withSeed(seed);
        if (against != null) {
            return againstAdapter(config);
        }
        modelThroughput(config);
        protocolOverInProcess(config.withScenarios(40).withParallelism(1));
        System.out.println();
        int missed = mutants(config);
        if (!noSlowAdapter) {
            slowAdapter(config);
        }
        return missed;
    }

    /**
     * The default check (gnumach) against the correct Python adapter before and after the broken
     * ones, so drift in the machine's load shows; each failing verdict over the mean passing time.
     */
    private static void slowAdapter(SuiteConfig config) {
        System.out.println();
        String example = Adapters.home().resolve("adapters/python-example").toString();
        String passing = "python3 " + example + "/vm_adapter.py";
        double first = timedCheck("python-example", passing, config);
        if (first < 0) {
            return;
        }
        Map<String, Double> failing = new LinkedHashMap<>();
        for (String bug : SLOW_ADAPTER_BUGS) {
            failing.put(bug, timedCheck("python-example broken: " + bug, "python3 " + example + "/broken_adapter.py " + bug, config));
        }
        double second = timedCheck("python-example (again)", passing, config);
        double pass = (first + second) / 2;
        failing.entrySet().stream().filter(e -> e.getValue() >= 0).forEach(e -> System.out.printf(Locale.ROOT,
                "slow adapter: %-16s nonconformant verdict %.1f s = %.2f x the passing verdict (%.1f s, mean of %.1f and %.1f)%n",
                e.getKey(), e.getValue(), e.getValue() / pass, pass, first, second));
    }

    /** Seconds from starting the adapter to the verdict, or -1 when it cannot run here (no python3). */
    private static double timedCheck(String label, String adapter, SuiteConfig config) {
        long start = System.nanoTime();
        try (Executor executor = Adapters.open(adapter, Profiles.GNUMACH, Geometry.I386, Duration.ofSeconds(30), Duration.ofSeconds(30), 1)) {
            SuiteReport report = new ConformanceSuite(Profiles.GNUMACH, config).run(executor, line -> { });
            double seconds = (System.nanoTime() - start) / 1e9;
            String calls = report.findings().values().stream()
                    .map(f -> f.violation().clause().id() + " in " + f.scenario().calls().size() + " calls").toList().toString();
            System.out.printf(Locale.ROOT, "%-40s %-14s in %5.1f s; %s; minimal scenarios %s%n", label, report.verdict(), seconds,
                    report.shrinking().describe(), calls);
            return seconds;
        } catch (AdapterFailure e) {
            System.out.println("slow adapter: skipped, " + label + " could not run: " + e.getMessage());
            return -1;
        }
    }

    /** The suite's rate against an adapter; for gnumach also the kernel's own rate inside the guest. */
    private int againstAdapter(SuiteConfig config) throws AdapterFailure {
        boolean kernel = against.equals("gnumach");
        // The machine is shared: the kernel's own rate is taken before and after the suite, and the mean used.
        double guestBefore = kernel ? guestCopyRate() : 0;
        Measured adapter;
        long start = System.nanoTime();
        try (Executor executor = Adapters.open(against, profile, profile.nativeGeometry(), Duration.ofSeconds(30), Duration.ofSeconds(120), jobs)) {
            double startSeconds = (System.nanoTime() - start) / 1e9;
            adapter = measure(executor, profile, config.withParallelism(Math.max(1, jobs)));
            System.out.printf(Locale.ROOT, "%s %s: start %.1f s; %s%n", adapter.report().implementation(), profile.name(),
                    startSeconds, adapter);
        }
        if (kernel) {
            double guestAfter = guestCopyRate();
            double guestRate = (guestBefore + guestAfter) / 2;
            System.out.printf(Locale.ROOT, "in-guest: %,.0f vm_copy/s (%d one-page copies made by the guest itself;"
                    + " %,.0f before the suite, %,.0f after)%n", guestRate, GUEST_COPIES, guestBefore, guestAfter);
            System.out.printf(Locale.ROOT, "real kernel over in-guest: %.4f (%,.0f checked calls/s over %,.0f vm_copy/s;"
                    + " --jobs %d)%n", adapter.callsPerSecond() / guestRate, adapter.callsPerSecond(), guestRate, jobs);
        }
        return adapter.report().verdict().exitCode();
    }

    /** The default suite against the model in process, under the two main profiles. */
    private static void modelThroughput(SuiteConfig config) {
        for (Profile checked : List.of(Profiles.MACH3, Profiles.GNUMACH)) {
            try (Executor executor = new InProcessExecutor(() -> new ReferenceVm(checked, Geometry.I386))) {
                System.out.printf(Locale.ROOT, "reference %-8s %s%n", checked.name(), measure(executor, checked, config));
            }
        }
    }

    /**
     * The same suite (one thread each) against the model in process and through protocol v1 to
     * {@code vmck serve} in a child JVM, with and without the optional capabilities: what the wire costs.
     */
    private static void protocolOverInProcess(SuiteConfig config) throws AdapterFailure {
        Profile checked = Profiles.GNUMACH;
        Measured local;
        try (Executor executor = new InProcessExecutor(() -> new ReferenceVm(checked, Geometry.I386))) {
            local = measure(executor, checked, config);
        }
        System.out.printf(Locale.ROOT, "in process, 1 thread:    %s%n", local);
        for (boolean capabilities : List.of(false, true)) {
            List<String> serve = new ArrayList<>(Adapters.selfCommand("serve", "--profile", checked.name()));
            if (!capabilities) {
                serve.add("--no-capabilities");
            }
            try (Executor executor = vmck.adapter.ProcessExecutor.start(serve, vmck.adapter.ProcessExecutor.Limits.DEFAULT
                    .withRequestTimeout(Duration.ofSeconds(30)))) {
                Measured wire = measure(executor, checked, config);
                System.out.printf(Locale.ROOT, "protocol v1%-13s %s%n", capabilities ? " + digests:" : ":", wire);
                System.out.printf(Locale.ROOT, "protocol%s over in-process: %.2f%n", capabilities ? " + digests" : "",
                        wire.callsPerSecond() / local.callsPerSecond());
            }
        }
    }

    /** How fast each broken implementation is caught and shrunk. */
    private static int mutants(SuiteConfig config) {
        System.out.printf("%-40s %-8s %-14s %9s %9s %6s%n", "mutant", "caught", "as", "find ms", "shrink ms", "calls");
        int missed = 0;
        for (Mutant mutant : Mutant.values()) {
            try (Executor executor = new InProcessExecutor(() -> mutant.create(Geometry.I386))) {
                SuiteReport report = new ConformanceSuite(mutant.profile(), config).run(executor, line -> { });
                Clause expected = mutant.expectedClause();
                ClauseFinding finding = report.findings().get(expected);
                if (finding == null) {
                    missed++;
                    System.out.printf("%-40s %-8s %-14s%n", Adapters.name(mutant), "NO", "-");
                    continue;
                }
                System.out.printf("%-40s %-8s %-14s %9d %9d %6d%n", Adapters.name(mutant), "yes", expected.id(),
                        finding.timeToFindMillis(), finding.timeToShrinkMillis(), finding.scenario().calls().size());
            }
        }
        return missed == 0 ? 0 : 1;
    }

    /** One timed suite run: its report and the scenario calls it ran. */
    private record Measured(SuiteReport report, long calls) {
        double seconds() {
            return report.elapsed().toNanos() / 1e9;
        }

        double callsPerSecond() {
            return calls / seconds();
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%s in %.1f s: %d scenarios (%.1f/s), %d calls (%,.0f/s)", report.verdict(),
                    seconds(), report.scenarios(), report.scenarios() / seconds(), calls, callsPerSecond());
        }
    }

    private static Measured measure(Executor executor, Profile checked, SuiteConfig config) {
        AtomicLong calls = new AtomicLong();
        SuiteReport report = new ConformanceSuite(checked, config).run(counting(executor, calls), line -> { });
        return new Measured(report, calls.get());
    }

    /** The most the in-guest measurement may take (a boot and about a second of copies) before it counts as hung. */
    private static final Duration GUEST_RATE_DEADLINE = Duration.ofSeconds(120);

    /** The kernel's own vm_copy rate inside the guest, measured by the adapter in a qemu of its own. */
    private static double guestCopyRate() throws AdapterFailure {
        Path adapter = Adapters.home().resolve("adapters/gnumach/vmck-gnumach");
        String what = adapter + " --guest-rate";
        try {
            BoundedCommand.Ended ended = BoundedCommand.run(
                    List.of(adapter.toString(), "--guest-rate", Integer.toString(GUEST_COPIES)), GUEST_RATE_DEADLINE);
            if (ended.exitStatus() != 0) {
                throw new AdapterFailure(what + " failed (exit " + ended.exitStatus() + ")");
            }
            JsonNode rate = new ObjectMapper().readTree(ended.stdout()).get("guest_vm_copy_per_s");
            if (rate == null || !rate.isNumber()) {
                throw new AdapterFailure(what + " printed no rate: " + Failures.oneLine(ended.stdout()));
            }
            return rate.asDouble();
        } catch (TimeoutException e) {
            throw new AdapterFailure("the in-guest rate: " + e.getMessage(), e);
        } catch (JsonProcessingException e) {
            throw new AdapterFailure(what + " printed no rate (not JSON): " + Failures.oneLine(e.getOriginalMessage()), e);
        } catch (IOException e) {
            throw new AdapterFailure("cannot run " + what + ": " + Failures.oneLine(e.getMessage()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AdapterFailure(what + ": interrupted", e);
        }
    }

    /** Counts the scenario calls an executor runs, whichever way they are run. */
    private static Executor counting(Executor inner, AtomicLong calls) {
        return new Executor() {
            public String name() {
                return inner.name();
            }

            public Geometry geometry() {
                return inner.geometry();
            }

            public List<Reply> run(List<Call> scenario) throws AdapterFailure {
                calls.addAndGet(scenario.size());
                return inner.run(scenario);
            }

            public List<Reply> runDigested(List<Call> scenario) throws AdapterFailure {
                calls.addAndGet(scenario.size());
                return inner.runDigested(scenario);
            }

            public boolean allowsConcurrentRuns() {
                return inner.allowsConcurrentRuns();
            }

            public void close() {
                inner.close();
            }
        };
    }
}
