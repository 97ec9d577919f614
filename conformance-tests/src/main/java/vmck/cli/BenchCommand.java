package vmck.cli;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;

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
import vmck.spec.Profiles;

/**
 * {@code vmck bench}: the kit's own figures, measured, never asserted: the default suite's wall
 * time and throughput against the in-process model, how fast each broken implementation is
 * caught and shrunk, and what a nonconformant verdict costs over a slow link: the Python example
 * adapter and two broken variants of it, each failing verdict's time as a ratio to the passing
 * time measured in the same run (the machine is shared, so only ratios travel).
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure the suite: throughput against the model, and detection of every bundled mutant.")
final class BenchCommand implements Callable<Integer> {

    @Option(names = "--seed", defaultValue = "1", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--against", paramLabel = "ADAPTER",
            description = "Instead: time the default suite against this adapter (e.g. gnumach) under --profile.")
    String against;

    @Option(names = "--profile", defaultValue = "gnumach", converter = ProfileConverter.class,
            description = "Profile for --against (default: ${DEFAULT-VALUE}).")
    vmck.spec.Profile profile;

    @Option(names = "--no-slow-adapter", description = "Skip the slow-adapter figure (it runs the Python adapter four times).")
    boolean noSlowAdapter;

    /** The slow-adapter cases: the correct Python adapter, then broken variants (adapters/python-example/broken_adapter.py). */
    static final List<String> SLOW_ADAPTER_BUGS = List.of("overlap", "after-40-copies");

    @Override
    public Integer call() throws AdapterFailure {
        SuiteConfig config = SuiteConfig.defaults().withSeed(seed);
        if (against != null) {
            AtomicLong calls = new AtomicLong();
            long start = System.nanoTime();
            try (Executor executor = counting(Adapters.open(against, profile, java.time.Duration.ofSeconds(30),
                    java.time.Duration.ofSeconds(120)), calls)) {
                double startSeconds = (System.nanoTime() - start) / 1e9;
                SuiteReport report = new ConformanceSuite(profile, config).run(executor, line -> { });
                double seconds = report.elapsed().toNanos() / 1e9;
                System.out.printf("%s %s: start %.1f s; suite %s in %.1f s: %d scenarios (%.1f/s), %d calls (%.0f/s)%n",
                        report.implementation(), profile.name(), startSeconds, report.verdict(), seconds,
                        report.scenarios(), report.scenarios() / seconds, calls.get(), calls.get() / seconds);
                return report.verdict().exitCode();
            }
        }
        for (var profile : List.of(Profiles.MACH3, Profiles.GNUMACH)) {
            AtomicLong calls = new AtomicLong();
            try (Executor executor = counting(new InProcessExecutor(() -> new ReferenceVm(profile, Geometry.I386)), calls)) {
                SuiteReport report = new ConformanceSuite(profile, config).run(executor, line -> { });
                double seconds = report.elapsed().toNanos() / 1e9;
                System.out.printf("reference %-8s %s in %.1f s: %d scenarios (%.0f/s), %d calls (%.0f/s)%n", profile.name(),
                        report.verdict(), seconds, report.scenarios(), report.scenarios() / seconds, calls.get(), calls.get() / seconds);
            }
        }
        System.out.println();
        System.out.printf("%-40s %-8s %-14s %9s %9s %6s%n", "mutant", "caught", "as", "find ms", "shrink ms", "calls");
        int missed = 0;
        for (Mutant mutant : Mutant.values()) {
            try (Executor executor = new InProcessExecutor(() -> mutant.create(Geometry.I386))) {
                SuiteReport report = new ConformanceSuite(mutant.profile(), config).run(executor, line -> { });
                Clause expected = Clause.byId(mutant.expectedClause()).orElseThrow();
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
        if (!noSlowAdapter) {
            slowAdapter(config);
        }
        return missed == 0 ? 0 : 1;
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
        java.util.Map<String, Double> failing = new java.util.LinkedHashMap<>();
        for (String bug : SLOW_ADAPTER_BUGS) {
            failing.put(bug, timedCheck("python-example broken: " + bug, "python3 " + example + "/broken_adapter.py " + bug, config));
        }
        double second = timedCheck("python-example (again)", passing, config);
        double pass = (first + second) / 2;
        failing.entrySet().stream().filter(e -> e.getValue() >= 0).forEach(e -> System.out.printf(
                "slow adapter: %-16s nonconformant verdict %.1f s = %.2f x the passing verdict (%.1f s, mean of %.1f and %.1f)%n",
                e.getKey(), e.getValue(), e.getValue() / pass, pass, first, second));
    }

    /** Seconds from starting the adapter to the verdict, or -1 when it cannot run here (no python3). */
    private static double timedCheck(String label, String adapter, SuiteConfig config) {
        long start = System.nanoTime();
        try (Executor executor = Adapters.open(adapter, Profiles.GNUMACH, java.time.Duration.ofSeconds(30),
                java.time.Duration.ofSeconds(30))) {
            SuiteReport report = new ConformanceSuite(Profiles.GNUMACH, config).run(executor, line -> { });
            double seconds = (System.nanoTime() - start) / 1e9;
            String calls = report.findings().values().stream()
                    .map(f -> f.violation().clause().id() + " in " + f.scenario().calls().size() + " calls").toList().toString();
            System.out.printf("%-40s %-14s in %5.1f s; %s; minimal scenarios %s%n", label, report.verdict(), seconds,
                    report.shrinking().describe(), calls);
            return seconds;
        } catch (AdapterFailure e) {
            System.out.println("slow adapter: skipped, " + label + " could not run: " + e.getMessage());
            return -1;
        }
    }

    /** Counts the calls an executor runs. */
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

            public void close() {
                inner.close();
            }
        };
    }
}
