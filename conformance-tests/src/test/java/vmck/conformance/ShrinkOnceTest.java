package vmck.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import vmck.engine.ShrinkStop;
import vmck.samples.Mutant;
import vmck.scenario.Call;
import vmck.scenario.InProcessExecutor;
import vmck.spec.Clause;
import vmck.spec.Geometry;

/**
 * Shrinking that respects a slow link, at the suite level: each clause's failure is shrunk once
 * and later failures are kept as witnesses, the run's shrink budget is reported, and
 * {@code failFast} ends the run at the first confirmed violation. Counts, never timings.
 */
class ShrinkOnceTest {

    private static SuiteReport run(Mutant mutant, SuiteConfig config) {
        try (InProcessExecutor executor = new InProcessExecutor(() -> mutant.create(Geometry.I386))) {
            return new ConformanceSuite(mutant.profile(), config).run(executor, line -> { });
        }
    }

    @Test
    void eachClauseIsShrunkOnceAndLaterFailuresOfItAreKeptAsWitnesses() {
        SuiteReport report = run(Mutant.FORWARD_MEMCPY_ON_OVERLAP, SuiteConfig.defaults());

        assertThat(report.findings()).containsOnlyKeys(Clause.VMC_COPY_1);
        assertThat(report.shrinking().shrinks()).as("shrinks, one per failing clause").isEqualTo(report.findings().size());
        ClauseFinding finding = report.findings().get(Clause.VMC_COPY_1);
        assertThat(finding.property()).isEqualTo(ConformanceSuite.DIFFERENTIAL);
        assertThat(finding.witnesses()).isNotEmpty().hasSizeLessThanOrEqualTo(ConformanceSuite.WITNESSES_KEPT);
        for (Witness witness : finding.witnesses()) {
            assertThat(witness.violation().clause()).isEqualTo(Clause.VMC_COPY_1);
            assertThat(witness.property()).isNotEqualTo(ConformanceSuite.DIFFERENTIAL);
            // The only shrinking a witness gets is free: nothing after the departing call.
            assertThat(witness.scenario().calls()).hasSize(witness.violation().callIndex() + 1);
            assertThat(witness.replies()).hasSameSizeAs(witness.scenario().calls());
        }
        assertThat(finding.witnesses()).extracting(Witness::choices).isSorted();
        // A property that found the clause again stopped there, as every property does at its failure
        // (so its run never depends on what another property found: shards replay exactly), unshrunk.
        SuiteReport.PropertyStats focused = report.properties().get(Clause.VMC_COPY_1.id());
        assertThat(focused.scenarios()).isLessThan(SuiteConfig.defaults().scenariosPerProperty());
        assertThat(finding.witnesses()).extracting(Witness::property).contains(Clause.VMC_COPY_1.id());
    }

    @Test
    void adaptiveDeletionReachesTheMinimalScenarioOfALongRunBug() {
        SuiteReport report = run(Mutant.LAST_PAGE_DROPPED_AFTER_40_COPIES, SuiteConfig.defaults());

        ClauseFinding finding = report.findings().get(Clause.VMC_COPY_1);
        assertThat(finding).isNotNull();
        assertThat(finding.property()).isEqualTo(ConformanceSuite.LONG_RUN);
        List<Call> calls = finding.scenario().calls();
        // 40 healthy copies, the one that drops its last page, and what shows it: an allocation, a write, a read.
        assertThat(calls.stream().filter(Call.VmCopy.class::isInstance)).as(finding.scenario().listing()).hasSize(41);
        assertThat(calls).as(finding.scenario().listing()).hasSizeLessThanOrEqualTo(44);
    }

    @Test
    void failFastStopsAfterTheFirstConfirmedViolationShrunkAndReported() {
        SuiteReport full = run(Mutant.FORWARD_MEMCPY_ON_OVERLAP, SuiteConfig.defaults());
        SuiteReport fast = run(Mutant.FORWARD_MEMCPY_ON_OVERLAP, SuiteConfig.defaults().withFailFast(true));

        assertThat(fast.verdict()).isEqualTo(SuiteReport.Verdict.NONCONFORMANT);
        assertThat(fast.findings()).hasSize(1);
        assertThat(fast.shrinking().stoppedAtFirstFailure()).isTrue();
        assertThat(fast.shrinking().shrinks()).isEqualTo(1);
        assertThat(fast.properties()).as("properties run").hasSize(1);
        assertThat(fast.scenarios()).isLessThan(full.scenarios());
        assertThat(fast.statuses()).containsValue(ClauseStatus.NOT_EXERCISED);
        // The same first failure, shrunk the same way as in the full run.
        ClauseFinding first = fast.findings().values().iterator().next();
        ClauseFinding inFull = full.findings().get(first.violation().clause());
        assertThat(first.choices()).isEqualTo(inFull.choices());
        assertThat(first.scenario()).isEqualTo(inFull.scenario());
    }

    @Test
    void failFastStopsAtAViolationOfAnotherClauseThanTheFocusedOne() {
        // The 40-copies bug shows only in long runs: with fail-fast every property stops at any violation.
        SuiteReport fast = run(Mutant.LAST_PAGE_DROPPED_AFTER_40_COPIES, SuiteConfig.defaults().withFailFast(true));

        assertThat(fast.findings()).containsOnlyKeys(Clause.VMC_COPY_1);
        assertThat(fast.properties()).containsOnlyKeys(ConformanceSuite.DIFFERENTIAL, ConformanceSuite.LONG_RUN);
    }

    @Test
    void aSpentShrinkBudgetKeepsTheFailureAndTheReportSaysItMayNotBeMinimal() {
        SuiteReport report = run(Mutant.FORWARD_MEMCPY_ON_OVERLAP, SuiteConfig.defaults().withShrinkBudget(Duration.ZERO));

        assertThat(report.verdict()).isEqualTo(SuiteReport.Verdict.NONCONFORMANT);
        ClauseFinding finding = report.findings().get(Clause.VMC_COPY_1);
        assertThat(finding.shrinkStop()).isEqualTo(ShrinkStop.TIME_BUDGET);
        assertThat(report.shrinking().budgetSpent()).isTrue();
        assertThat(report.shrinking().describe()).contains("may not be minimal");
    }

    @Test
    void theSameSeedGivesTheSameFindingsAndWitnessesWhateverTheThreadCount() {
        for (Mutant mutant : List.of(Mutant.FORWARD_MEMCPY_ON_OVERLAP, Mutant.LAST_PAGE_DROPPED)) {
            sameWhateverTheThreadCount(mutant);
        }
    }

    private static void sameWhateverTheThreadCount(Mutant mutant) {
        SuiteReport one = run(mutant, SuiteConfig.defaults().withParallelism(1));
        SuiteReport two = run(mutant, SuiteConfig.defaults().withParallelism(2));

        // What scenarios past a property's first failure saw is not kept: they ran or not by timing.
        assertThat(two.checks()).as(mutant.name()).isEqualTo(one.checks());
        assertThat(two.shardFacts().sideCandidates()).as(mutant.name()).isEqualTo(one.shardFacts().sideCandidates());
        assertThat(two.findings().keySet()).isEqualTo(one.findings().keySet());
        one.findings().forEach((clause, finding) -> {
            ClauseFinding other = two.findings().get(clause);
            assertThat(other.scenario().listing()).isEqualTo(finding.scenario().listing());
            assertThat(other.choices()).isEqualTo(finding.choices());
            assertThat(other.replies()).isEqualTo(finding.replies());
            assertThat(other.witnesses()).extracting(Witness::choices)
                    .isEqualTo(finding.witnesses().stream().map(Witness::choices).toList());
            assertThat(other.witnesses()).extracting(w -> w.scenario().listing())
                    .isEqualTo(finding.witnesses().stream().map(w -> w.scenario().listing()).toList());
        });
    }
}
