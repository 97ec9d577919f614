package vmck.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.LongStream;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import vmck.model.ReferenceVm;
import vmck.scenario.InProcessExecutor;
import vmck.spec.Geometry;
import vmck.spec.Profile;
import vmck.spec.Profiles;

/** The model, run as an implementation, must pass its own suite with no false alarm and every clause exercised. */
class ReferencePassesSuiteTest {

    /** Every profile on the geometry it is made for, over several seeds: zero false alarms anywhere. */
    static Stream<Arguments> profilesAndSeeds() {
        return Profiles.all().stream().flatMap(profile -> LongStream.rangeClosed(1, 5)
                .mapToObj(seed -> Arguments.of(profile, geometryFor(profile), seed)));
    }

    private static Geometry geometryFor(Profile profile) {
        return switch (profile.name()) {
            case "xnu" -> Geometry.X86_64;
            case "xnu-arm64" -> Geometry.ARM64;
            default -> Geometry.I386;
        };
    }

    @ParameterizedTest(name = "{0} on {1}, seed {2}")
    @MethodSource("profilesAndSeeds")
    void referenceModelIsConformantUnderItsOwnProfile(Profile profile, Geometry geometry, long seed) {
        SuiteConfig config = SuiteConfig.defaults().withScenarios(60).withSeed(seed);
        try (InProcessExecutor executor = new InProcessExecutor(() -> new ReferenceVm(profile, geometry))) {
            SuiteReport report = new ConformanceSuite(profile, config).run(executor, line -> { });
            assertThat(report.findings()).isEmpty();
            assertThat(report.statuses()).doesNotContainValue(ClauseStatus.NOT_EXERCISED);
            assertThat(report.verdict()).isEqualTo(SuiteReport.Verdict.CONFORMANT);
        }
    }
}
