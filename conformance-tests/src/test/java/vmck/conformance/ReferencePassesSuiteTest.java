package vmck.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import vmck.model.ReferenceVm;
import vmck.scenario.InProcessExecutor;
import vmck.spec.Geometry;
import vmck.spec.Profile;
import vmck.spec.Profiles;

/** The model, run as an implementation, must pass its own suite with no false alarm and every clause exercised. */
class ReferencePassesSuiteTest {

    static java.util.List<Profile> profiles() {
        return Profiles.all();
    }

    @ParameterizedTest
    @MethodSource("profiles")
    void referenceModelIsConformantUnderItsOwnProfile(Profile profile) {
        SuiteConfig config = SuiteConfig.defaults().withScenarios(60).withParallelism(2);
        try (InProcessExecutor executor = new InProcessExecutor(() -> new ReferenceVm(profile, Geometry.I386))) {
            SuiteReport report = new ConformanceSuite(profile, config).run(executor, line -> { });
            assertThat(report.findings()).isEmpty();
            assertThat(report.statuses()).doesNotContainValue(ClauseStatus.NOT_EXERCISED);
            assertThat(report.verdict()).isEqualTo(SuiteReport.Verdict.CONFORMANT);
        }
    }
}
