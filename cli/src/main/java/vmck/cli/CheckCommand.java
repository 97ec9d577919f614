package vmck.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import vmck.conformance.ClauseFinding;
import vmck.conformance.ClauseStatus;
import vmck.conformance.ConformanceSuite;
import vmck.conformance.Shard;
import vmck.conformance.SuiteConfig;
import vmck.conformance.SuiteReport;
import vmck.report.ReportWriter;
import vmck.report.TraceFile;
import vmck.scenario.AdapterFailure;
import vmck.scenario.Executor;
import vmck.spec.Clause;
import vmck.spec.Profile;
import vmck.spec.Profiles;

/** {@code vmck check}: runs the conformance suite against an adapter and gives a verdict per clause. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Run the conformance suite against an implementation and print a verdict per clause.")
final class CheckCommand implements Callable<Integer> {

    @Mixin
    AdapterOptions adapterOptions;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of every scenario (default: ${DEFAULT-VALUE}).")
    long seed;

    /** The longest --budget accepted: a week, far beyond any real run, well inside Duration's range. */
    static final long MAX_SECONDS = 7 * 24 * 3600;

    @Option(names = "--budget", defaultValue = "120", paramLabel = "SECONDS",
            description = "Wall-clock budget for the whole run (default: ${DEFAULT-VALUE}).")
    long budgetSeconds;

    @Option(names = "--scenarios", defaultValue = "150", paramLabel = "N",
            description = "Scenarios per property at most (default: ${DEFAULT-VALUE}).")
    int scenarios;

    @Option(names = "--shrink-budget", defaultValue = "60", paramLabel = "SECONDS",
            description = "Wall-clock budget for shrinking failures, reported with the verdict (default: ${DEFAULT-VALUE}).")
    long shrinkBudgetSeconds;

    @Option(names = "--fail-fast", description = "Stop after the first confirmed violation: shrink it, report, exit 1.")
    boolean failFast;

    @Option(names = "--report", paramLabel = "DIR",
            description = "Write report.md, report.html, report.json, junit.xml and one trace per failure here.")
    Path reportDirectory;

    @Option(names = "--vectors", arity = "0..1", paramLabel = "FILE", fallbackValue = "",
            description = "Run only the regression vectors (default file: vectors/vm_copy_i386.json) instead of the suite.")
    String vectors;

    @Option(names = "--shard", paramLabel = "K/N", converter = ShardConverter.class,
            description = "Run only shard K of N (K from 0): a deterministic part of the suite that replays exactly;"
                    + " `vmck merge` combines the N reports into the whole run's.")
    Shard shard = Shard.ALL;

    @Option(names = "--jobs", paramLabel = "N",
            description = "Scenarios at once: N instances of an out-of-process adapter (gnumach: one qemu each), or N"
                    + " threads in process (default: 1 adapter instance; in process, up to 2 threads). Verdicts do not depend on it.")
    Integer jobs;

    @Spec
    CommandSpec spec;

    /**
     * The options of a suite run, with what --vectors does instead: it runs a fixed list, in order,
     * on one adapter instance, and prints its result. Given with --vectors they would be ignored,
     * and a user who asked for a shard, parallel instances or a report must not believe they got one.
     */
    private static final Map<String, String> SUITE_ONLY_OPTIONS = new LinkedHashMap<>();

    static {
        SUITE_ONLY_OPTIONS.put("--shard", "the vectors are not sharded; run them once");
        SUITE_ONLY_OPTIONS.put("--jobs", "the vectors run one at a time on one adapter instance");
        SUITE_ONLY_OPTIONS.put("--report", "the vectors' result is printed, no report is written");
        SUITE_ONLY_OPTIONS.put("--seed", "the vectors are fixed scenarios, not generated from a seed");
        SUITE_ONLY_OPTIONS.put("--scenarios", "the vectors are fixed scenarios, not generated");
        SUITE_ONLY_OPTIONS.put("--budget", "every vector runs, with no time budget");
        SUITE_ONLY_OPTIONS.put("--shrink-budget", "the vectors are not shrunk");
        SUITE_ONLY_OPTIONS.put("--fail-fast", "every vector runs and each failure is printed");
    }

    @Override
    public Integer call() throws Exception {
        checkOptions();
        if (vectors != null) {
            Path file = vectors.isEmpty() ? Adapters.home().resolve("vectors/vm_copy_i386.json") : Path.of(vectors);
            return VectorsRun.run(file, adapterOptions, profile());
        }
        if (reportDirectory != null) {
            Inputs.prepareReportDirectory(reportDirectory); // before the run: a bad target must not cost the run
        }
        try (InterruptGuard guard = InterruptGuard.install()) {
            SuiteReport report = guard.withoutReaperKill(runSuite(guard));
            printSummary(report, System.out);
            if (reportDirectory != null) {
                ReportWriter.write(report, reportDirectory);
                System.out.println("report written to " + reportDirectory.toAbsolutePath());
            }
            if (!shard.isWhole() && report.verdict() == SuiteReport.Verdict.INCONCLUSIVE && !report.interrupted()) {
                // A shard leaves most clauses to the others: only the merged report can call one unexercised.
                System.out.println("shard " + shard + ": clauses not exercised here are judged by `vmck merge`");
                return 0;
            }
            return report.verdict().exitCode();
        }
    }

    /** Out-of-range numbers, suite options given with --vectors and an empty adapter are usage errors, found before anything starts. */
    private void checkOptions() {
        if (vectors != null) {
            refuseSuiteOnlyOptions(); // first: "does not apply" says more than a range error on such an option
        }
        if (budgetSeconds < 1 || budgetSeconds > MAX_SECONDS) {
            throw new UsageException("--budget must be between 1 and " + MAX_SECONDS + " seconds, got " + budgetSeconds);
        }
        if (scenarios < 1) {
            throw new UsageException("--scenarios must be at least 1, got " + scenarios);
        }
        if (jobs != null && jobs < 1) {
            throw new UsageException("--jobs must be at least 1, got " + jobs); // before any adapter (or qemu) starts
        }
        if (shrinkBudgetSeconds < 0 || shrinkBudgetSeconds > MAX_SECONDS) {
            throw new UsageException("--shrink-budget must be between 0 and " + MAX_SECONDS + " seconds, got " + shrinkBudgetSeconds);
        }
        adapterOptions.checkOptions();
    }

    /** A suite-only option given with --vectors is a usage error naming it, found before the adapter starts. */
    private void refuseSuiteOnlyOptions() {
        for (Map.Entry<String, String> option : SUITE_ONLY_OPTIONS.entrySet()) {
            if (spec.commandLine().getParseResult().hasMatchedOption(option.getKey())) {
                throw new UsageException(option.getKey() + " does not apply to --vectors (" + option.getValue() + ")");
            }
        }
    }

    /** Runs the suite; an adapter that cannot even start is thrown (exit 3), later failures are in the report. */
    private SuiteReport runSuite(InterruptGuard guard) throws AdapterFailure {
        SuiteConfig config = SuiteConfig.defaults().withSeed(seed).withScenarios(scenarios)
                .withBudget(Duration.ofSeconds(budgetSeconds)).withShrinkBudget(Duration.ofSeconds(shrinkBudgetSeconds))
                .withFailFast(failFast);
        if (jobs != null) {
            config = config.withParallelism(jobs);
        }
        Profile profile = profile();
        PrintStream progress = System.err;
        try (Executor executor = adapterOptions.open(profile, profile.nativeGeometry(), jobs == null ? 1 : jobs)) {
            progress.printf("vmck: checking %s against profile %s (seed %d%s)%n", executor.name(), profile.name(), seed,
                    shard.isWhole() ? "" : ", shard " + shard);
            return new ConformanceSuite(profile, config, guard::stopRequested).inShard(shard)
                    .run(executor, line -> progress.println("  " + line));
        }
    }

    /**
     * Ctrl-C: a shutdown hook asks the run to wind down and holds the JVM until the report of what
     * was found is written (then the JVM exits with 130, as for any SIGINT). Closing the guard
     * releases the hook, or removes it when the run ended on its own.
     */
    static final class InterruptGuard implements AutoCloseable {
        private final AtomicBoolean stop = new AtomicBoolean();
        private final CountDownLatch finished = new CountDownLatch(1);
        private final Thread hook = new Thread(this::onInterrupt, "vmck-interrupt");

        static InterruptGuard install() {
            InterruptGuard guard = new InterruptGuard();
            Runtime.getRuntime().addShutdownHook(guard.hook);
            return guard;
        }

        boolean stopRequested() {
            return stop.get();
        }

        /**
         * On Ctrl-C, the adapter reaper (another shutdown hook) may kill the adapter a moment
         * before this hook sets the stop flag, and the run then sees a dead adapter: that is the
         * interrupt, not a broken adapter, so the report is marked interrupted instead (the
         * adapter's last words still go to stderr).
         */
        SuiteReport withoutReaperKill(SuiteReport report) {
            if (!stopRequested() || report.adapterFailure() == null) {
                return report;
            }
            System.err.println("vmck: the adapter stopped during the interrupt: " + Failures.oneLine(report.adapterFailure()));
            return report.interruptedInstead();
        }

        private void onInterrupt() {
            stop.set(true);
            System.err.println("vmck: interrupted; writing what was found so far");
            try {
                finished.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void close() {
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it was waiting for us and now lets the JVM go
            }
        }
    }

    private Profile profile() {
        return adapterOptions.profile == null ? Profiles.defaultProfile() : adapterOptions.profile;
    }

    /**
     * When the adapter failed after violations were found, both are true and the line says so:
     * exit 3 wins over 1 because the run is incomplete (clauses after the failure were never
     * checked) and a broken adapter must be fixed before any verdict can be complete; the
     * violations found stand, with their traces.
     */
    private static String alsoViolated(SuiteReport report) {
        if (report.adapterFailure() == null || report.findings().isEmpty()) {
            return "";
        }
        return String.format(" (exit 3) after finding %d violated clause%s (%s): NONCONFORMANT, and the run is incomplete",
                report.findings().size(), report.findings().size() == 1 ? "" : "s",
                String.join(", ", report.findings().keySet().stream().map(Clause::id).toList()));
    }

    static void printSummary(SuiteReport report, PrintStream out) {
        out.println();
        out.printf("%-14s %-16s %7s  %s%n", "clause", "status", "checks", "title");
        for (Map.Entry<Clause, ClauseStatus> entry : report.statuses().entrySet()) {
            Clause clause = entry.getKey();
            out.printf("%-14s %-16s %7d  %s%n", clause.id(), entry.getValue().name().toLowerCase().replace('_', ' '),
                    report.checks().getOrDefault(clause, 0L), clause.title());
        }
        for (ClauseFinding finding : report.findings().values()) {
            out.println();
            out.println((finding.violation().prerequisite() ? "HARNESS PREREQUISITE " : "FAIL ") + finding.violation());
            out.println("  smallest failing scenario (" + finding.scenario().calls().size() + " calls; saved as "
                    + TraceFile.fileName(finding.violation().clause()) + " with --report):");
            finding.scenario().listing().lines().forEach(line -> out.println("    " + line));
            if (!finding.witnesses().isEmpty()) {
                out.println("  further witnesses, kept unshrunk: " + finding.witnesses().stream()
                        .map(w -> w.property() + " (" + w.scenario().calls().size() + " calls)").toList());
            }
        }
        if (report.adapterFailure() != null) {
            out.println();
            out.println("ADAPTER FAILED: " + report.adapterFailure());
        }
        out.println();
        out.printf("verdict: %s%s — %s under profile %s, %d scenarios in %.1f s%s%s%n", report.verdict(), alsoViolated(report),
                report.implementation(), report.profile().name(), report.scenarios(), report.elapsed().toMillis() / 1000.0,
                report.interrupted() ? " (interrupted)" : "",
                report.shrinking().shrinks() > 0 || report.shrinking().stoppedAtFirstFailure()
                        ? "; " + report.shrinking().describe() : "");
    }
}
