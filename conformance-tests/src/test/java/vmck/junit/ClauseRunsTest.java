package vmck.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.testkit.engine.EventConditions.displayName;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

import vmck.conformance.ClauseStatus;
import vmck.conformance.ConformanceSuite;
import vmck.conformance.SuiteConfig;
import vmck.samples.Mutant;
import vmck.spec.Clause;
import vmck.spec.Geometry;
import vmck.spec.MachVm;
import vmck.spec.Profile;
import vmck.spec.Profiles;

/**
 * How {@link VmCopyConformanceTest} runs, tested through the JUnit Platform as an IDE drives it:
 * a whole-class run is the whole suite once; re-running one clause's test runs that clause alone.
 */
class ClauseRunsTest {

    /** The broken implementation these tests run against; a mutant of VMC-COPY-1. */
    static class ForwardMemcpyConformance extends VmCopyConformanceTest {
        static ClauseRuns last;

        @Override
        protected MachVm createImplementation() {
            return Mutant.FORWARD_MEMCPY_ON_OVERLAP.create(Geometry.I386);
        }

        @Override
        protected Profile profile() {
            return Profiles.MACH3;
        }

        @AfterEach
        void keepTheRun() {
            last = lastRuns;
        }
    }

    private static final String COPY_1 = Clause.VMC_COPY_1.id() + " · " + Clause.VMC_COPY_1.title();

    @Test
    void reRunningOneClausesTestRunsThatClauseAlone() {
        int position = Clause.VMC_COPY_1.ordinal() + 1; // dynamic tests are numbered from 1
        Events tests = EngineTestKit.engine("junit-jupiter")
                .selectors(DiscoverySelectors.selectUniqueId("[engine:junit-jupiter]/[class:"
                        + ForwardMemcpyConformance.class.getName() + "]/[test-factory:vmCopyClauses()]/[dynamic-test:#"
                        + position + "]"))
                .execute().testEvents();
        tests.assertStatistics(stats -> stats.started(1).failed(1));
        tests.assertThatEvents().haveExactly(1, event(test(), displayName(COPY_1),
                finishedWithFailure(message(text -> text.contains("VMC-COPY-1") && text.contains("smallest failing scenario")
                        && text.contains("see SPEC.md#vmc-copy-1--")))));
        // The two general properties and VMC-COPY-1's own: not the whole suite.
        assertThat(ForwardMemcpyConformance.last.propertiesRun()).isEqualTo(3);
    }

    @Test
    void aWholeClassRunIsTheWholeSuiteOnce() {
        Events tests = EngineTestKit.engine("junit-jupiter")
                .selectors(DiscoverySelectors.selectClass(ForwardMemcpyConformance.class))
                .execute().testEvents();
        tests.assertStatistics(stats -> stats.started(Clause.values().length));
        tests.assertThatEvents().haveExactly(1, event(test(), displayName(COPY_1), finishedWithFailure()));
        int wholeSuite = 2 + ConformanceSuite.focusedClauses(Profiles.MACH3).size();
        assertThat(ForwardMemcpyConformance.last.propertiesRun()).isEqualTo(wholeSuite);
    }

    /**
     * Run alone, a clause gets the general properties and its own: every mutant but two is caught
     * that way. Those two are met only by another clause's property on the side (VMC-DST-1's finds
     * the wrapped source, VMC-COPY-1's the unchecked large destination); a whole-class run catches
     * them (MutantsAreCaughtTest), and this test fails when that changes, to update the docs.
     */
    @ParameterizedTest
    @EnumSource(Mutant.class)
    void aClauseRunAloneCatchesItsMutant(Mutant mutant) {
        Clause expected = mutant.expectedClause();
        ClauseRuns.Verdict verdict = new ClauseRuns(mutant.profile(), SuiteConfig.defaults(),
                () -> mutant.create(Geometry.I386), false).alone(expected);
        boolean metOnlyOnTheSide = Set.of(Mutant.WRAPPED_SOURCE_END_ACCEPTED, Mutant.LARGE_DESTINATION_WRITABILITY_UNCHECKED)
                .contains(mutant);
        assertThat(verdict.status()).as(mutant.toString()).isEqualTo(metOnlyOnTheSide ? ClauseStatus.PASS : ClauseStatus.FAIL);
        if (!metOnlyOnTheSide) {
            assertThat(verdict.finding().violation().clause()).isEqualTo(expected);
        }
    }
}
