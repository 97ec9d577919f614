package vmck.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import vmck.samples.MachMapVm;
import vmck.samples.Mutant;
import vmck.scenario.Call;
import vmck.scenario.InProcessExecutor;
import vmck.spec.Clause;
import vmck.spec.Geometry;
import vmck.spec.Profiles;

/**
 * The kit tests itself (the Reactive Streams TCK's idea): every deliberately broken implementation
 * must be caught by the default suite and attributed to the clause its bug breaks, and the
 * independent correct implementation must pass with no false alarm.
 */
class MutantsAreCaughtTest {

    @ParameterizedTest
    @EnumSource(Mutant.class)
    void defaultSuiteCatchesMutantUnderTheExpectedClause(Mutant mutant) {
        SuiteReport report;
        try (InProcessExecutor executor = new InProcessExecutor(() -> mutant.create(Geometry.I386))) {
            report = new ConformanceSuite(mutant.profile(), SuiteConfig.defaults()).run(executor, line -> { });
        }
        Clause expected = mutant.expectedClause();
        assertThat(report.verdict()).as(mutant + ": " + report.findings()).isEqualTo(SuiteReport.Verdict.NONCONFORMANT);
        assertThat(report.findings()).as(mutant + " findings").containsKey(expected);
        ClauseFinding finding = report.findings().get(expected);
        assertThat(finding.violation().prerequisite()).isFalse();
        // Shrinking leaves only what the bug needs: a handful of calls, or the 41 copies that one mutant waits for.
        long copies = finding.scenario().calls().stream().filter(call -> call instanceof Call.VmCopy).count();
        int essentialCopies = mutant == Mutant.LAST_PAGE_DROPPED_AFTER_40_COPIES ? 41 : 1;
        assertThat(copies).as("copies in the shrunk scenario of " + mutant + "\n" + finding.scenario().listing())
                .isLessThanOrEqualTo(essentialCopies + 2);
        assertThat(finding.scenario().calls().size() - copies).as("other calls in the shrunk scenario of " + mutant)
                .isLessThan(30);
    }

    @Test
    void correctMachMapVmPassesUnderBothProfilesAcrossSeeds() {
        Map<String, SuiteReport.Verdict> verdicts = new TreeMap<>();
        for (long seed = 1; seed <= 3; seed++) {
            for (var profile : java.util.List.of(Profiles.MACH3, Profiles.GNUMACH)) { // MachMapVm's profiles
                try (InProcessExecutor executor = new InProcessExecutor(() -> new MachMapVm(profile, Geometry.I386))) {
                    SuiteReport report = new ConformanceSuite(profile, SuiteConfig.defaults().withSeed(seed)).run(executor, line -> { });
                    verdicts.put(profile.name() + "/seed " + seed + " " + report.statuses(), report.verdict());
                    assertThat(report.findings()).as(profile.name() + " seed " + seed).isEmpty();
                }
            }
        }
        assertThat(verdicts).allSatisfy((run, verdict) -> assertThat(verdict).isEqualTo(SuiteReport.Verdict.CONFORMANT));
    }
}
