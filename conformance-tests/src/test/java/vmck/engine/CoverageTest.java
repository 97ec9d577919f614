package vmck.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CoverageTest {

    private static RunResult<Integer> runLabelledDigits() {
        // Labels: "digit=zero" on about 1/10 (plus the bias towards 0), "digit=other" on the rest.
        return new PropertyRunner(RunConfig.defaults().withSeed(17).withMaxScenarios(1000))
                .run(Generator.integers(0, 9), (value, choices) -> {
                    choices.label("digit", value == 0 ? "zero" : "other");
                    return Outcome.pass();
                });
    }

    @Test
    void metRequirementReportsNoShortfall() {
        LabelStatistics labels = runLabelledDigits().labels();

        Coverage coverage = Coverage.requireShare("digit", "zero", 0.05).andShare("digit", "other", 0.5);

        assertThat(coverage.unmet(labels)).isEmpty();
        assertThat(coverage.isMet(labels)).isTrue();
    }

    @Test
    void unmetRequirementIsReportedWithItsActualShare() {
        LabelStatistics labels = runLabelledDigits().labels();
        double zeroShare = labels.share("digit", "zero");

        List<Coverage.Shortfall> unmet = Coverage.requireShare("digit", "zero", 0.9)
                .andShare("digit", "other", 0.5)
                .andShare("digit", "never", 0.01)
                .unmet(labels);

        assertThat(unmet).extracting(s -> s.label().toString()).containsExactly("digit=zero", "digit=never");
        assertThat(unmet.get(0).actualShare()).isEqualTo(zeroShare).isLessThan(0.9);
        assertThat(unmet.get(0).count()).isEqualTo(labels.count("digit", "zero"));
        assertThat(unmet.get(0).scenarios()).isEqualTo(1000);
        assertThat(unmet.get(1).actualShare()).isZero();
    }

    @Test
    void statisticsAreOrderedByCategoryThenValue() {
        RunResult<Integer> result = new PropertyRunner(RunConfig.defaults().withMaxScenarios(200))
                .run(Generator.integers(0, 3), (value, choices) -> {
                    choices.label("b", "v" + value);
                    choices.label("a", value % 2 == 0 ? "even" : "odd");
                    return Outcome.pass();
                });

        assertThat(result.labels().byCategory().keySet()).containsExactly("a", "b");
        assertThat(result.labels().byCategory().get("b").keySet()).containsExactly("v0", "v1", "v2", "v3");
    }

    @Test
    void noCountedScenariosMeetsNoRequirement() {
        LabelStatistics none = new PropertyRunner(RunConfig.defaults().withMaxScenarios(0))
                .run(Generator.constant(1), (value, choices) -> Outcome.pass()).labels();

        assertThat(Coverage.requireShare("any", "thing", 0.0).unmet(none)).hasSize(1);
    }

    @Test
    void shareOutsideZeroToOneIsRejected() {
        assertThatThrownBy(() -> Coverage.requireShare("a", "b", 1.5)).isInstanceOf(IllegalArgumentException.class);
    }
}
