package vmck.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import vmck.conformance.ClauseFinding;
import vmck.conformance.ClauseStatus;
import vmck.conformance.ConformanceSuite;
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
            description = "Write report.md, report.json, junit.xml and one trace per failure here.")
    Path reportDirectory;

    @Option(names = "--vectors", arity = "0..1", paramLabel = "FILE", fallbackValue = "",
            description = "Run only the regression vectors (default file: vectors/vm_copy_i386.json) instead of the suite.")
    String vectors;

    @Override
    public Integer call() throws IOException {
        if (vectors != null) {
            Path file = vectors.isEmpty() ? Adapters.home().resolve("vectors/vm_copy_i386.json") : Path.of(vectors);
            return VectorsRun.run(file, adapterOptions, profile());
        }
        PrintStream out = System.out;
        PrintStream progress = System.err;
        SuiteConfig config = SuiteConfig.defaults().withSeed(seed).withScenarios(scenarios)
                .withBudget(Duration.ofSeconds(budgetSeconds)).withShrinkBudget(Duration.ofSeconds(shrinkBudgetSeconds))
                .withFailFast(failFast);
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch finished = new CountDownLatch(1);
        Thread onInterrupt = new Thread(() -> {
            // Ctrl-C: let the run wind down and write what it found before the JVM exits.
            stop.set(true);
            progress.println("vmck: interrupted; writing what was found so far");
            try {
                finished.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "vmck-interrupt");
        Runtime.getRuntime().addShutdownHook(onInterrupt);
        try {
            SuiteReport report;
            Profile profile = profile();
            try (Executor executor = adapterOptions.open(profile)) {
                progress.printf("vmck: checking %s against profile %s (seed %d)%n", executor.name(), profile.name(), seed);
                report = new ConformanceSuite(profile, config, stop::get).run(executor, line -> progress.println("  " + line));
            } catch (AdapterFailure failure) {
                progress.println("vmck: the adapter could not be started: " + failure.getMessage());
                return Main.ADAPTER_FAILED;
            }
            printSummary(report, out);
            if (reportDirectory != null) {
                ReportWriter.write(report, reportDirectory);
                out.println("report written to " + reportDirectory.toAbsolutePath());
            }
            return report.verdict().exitCode();
        } finally {
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(onInterrupt);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it is waiting for us and will let the JVM go
            }
        }
    }

    private Profile profile() {
        return adapterOptions.profile == null ? Profiles.defaultProfile() : adapterOptions.profile;
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
        out.printf("verdict: %s — %s under profile %s, %d scenarios in %.1f s%s%s%n", report.verdict(), report.implementation(),
                report.profile().name(), report.scenarios(), report.elapsed().toMillis() / 1000.0,
                report.interrupted() ? " (interrupted)" : "",
                report.shrinking().shrinks() > 0 || report.shrinking().stoppedAtFirstFailure()
                        ? "; " + report.shrinking().describe() : "");
    }
}
