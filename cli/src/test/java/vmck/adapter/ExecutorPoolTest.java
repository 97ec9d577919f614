package vmck.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import vmck.conformance.ConformanceSuite;
import vmck.conformance.SuiteConfig;
import vmck.conformance.SuiteReport;
import vmck.samples.Mutant;
import vmck.scenario.AdapterFailure;

/**
 * Several adapter instances (--jobs) change how fast, never what: the same seed gives the same
 * verdict, statuses and minimal failing scenarios with two served instances as with one.
 */
class ExecutorPoolTest {

    private static final Mutant MUTANT = Mutant.ERRORS_BY_KIND;
    private static final SuiteConfig CONFIG = SuiteConfig.defaults().withScenarios(10).withBudget(Duration.ofHours(1));

    @Test
    void twoInstancesGiveTheVerdictsAndFindingsOfOne() throws AdapterFailure {
        SuiteReport one;
        try (ProcessExecutor executor = ProcessExecutor.start(served(), limits())) {
            one = new ConformanceSuite(MUTANT.profile(), CONFIG.withParallelism(1)).run(executor, line -> { });
        }
        SuiteReport two;
        try (ExecutorPool pool = ExecutorPool.start(2, () -> ProcessExecutor.start(served(), limits()))) {
            assertThat(pool.allowsConcurrentRuns()).isTrue();
            two = new ConformanceSuite(MUTANT.profile(), CONFIG.withParallelism(2)).run(pool, line -> { });
        }
        assertThat(two.verdict()).isEqualTo(SuiteReport.Verdict.NONCONFORMANT).isEqualTo(one.verdict());
        assertThat(two.statuses()).isEqualTo(one.statuses());
        assertThat(two.findings().keySet()).isEqualTo(one.findings().keySet());
        one.findings().forEach((clause, finding) -> {
            assertThat(two.findings().get(clause).violation()).isEqualTo(finding.violation());
            assertThat(two.findings().get(clause).scenario()).isEqualTo(finding.scenario());
        });
    }

    @Test
    void anInstanceThatCannotStartFailsThePoolAndClosesTheOthers() {
        assertThatThrownBy(() -> ExecutorPool.start(2, () -> ProcessExecutor.start(List.of("/nonexistent/adapter"), limits())))
                .isInstanceOf(AdapterFailure.class).hasMessageContaining("/nonexistent/adapter");
    }

    private static List<String> served() {
        List<String> command = new ArrayList<>(Adapters.referenceServer());
        command.add(MUTANT.name());
        return command;
    }

    private static ProcessExecutor.Limits limits() {
        return Adapters.quick().withRequestTimeout(Duration.ofSeconds(20));
    }
}
