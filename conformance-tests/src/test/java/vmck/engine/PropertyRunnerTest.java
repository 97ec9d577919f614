package vmck.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class PropertyRunnerTest {

    private static final Generator<List<Integer>> LISTS = Generator.listOf(Generator.integers(0, 1000), 0, 20);

    private static RunConfig config(long seed, long scenarios) {
        return RunConfig.defaults().withSeed(seed).withMaxScenarios(scenarios);
    }

    @Test
    void scenariosAreTheSeededScenarioChoicesWhateverTheThreadCount() {
        List<String> expected = new ArrayList<>();
        for (long i = 0; i < 300; i++) {
            expected.add(LISTS.generate(Choices.forScenario(77, i)).toString());
        }
        expected.sort(null);

        for (int threads : new int[] {1, 2}) {
            ConcurrentLinkedQueue<String> seen = new ConcurrentLinkedQueue<>();
            RunResult<List<Integer>> result = new PropertyRunner(config(77, 300).withParallelism(threads))
                    .run(LISTS, (value, choices) -> {
                        seen.add(value.toString());
                        return Outcome.pass();
                    });

            List<String> sorted = new ArrayList<>(seen);
            sorted.sort(null);
            assertThat(sorted).as("values generated with %d threads", threads).isEqualTo(expected);
            assertThat(result.examplesRun()).isEqualTo(300);
            assertThat(result.passed()).isEqualTo(300);
            assertThat(result.stopReason()).isEqualTo(StopReason.MAX_SCENARIOS);
        }
    }

    @Test
    void sameSeedGivesIdenticalResultsWithOneAndTwoThreads() {
        Property<List<Integer>> property = (value, choices) -> {
            choices.label("size", value.size() < 5 ? "small" : "large");
            choices.assume(!value.contains(7));
            return value.stream().mapToInt(Integer::intValue).sum() > 4000
                    ? Outcome.fail("sum", "sum too large") : Outcome.pass();
        };
        RunResult<List<Integer>> single = new PropertyRunner(config(5, 2000)).run(LISTS, property);
        RunResult<List<Integer>> parallel = new PropertyRunner(config(5, 2000).withParallelism(2)).run(LISTS, property);

        assertThat(single.failure()).isPresent();
        assertThat(parallel.examplesRun()).isEqualTo(single.examplesRun());
        assertThat(parallel.passed()).isEqualTo(single.passed());
        assertThat(parallel.discarded()).isEqualTo(single.discarded());
        assertThat(parallel.labels().counts()).isEqualTo(single.labels().counts());
        Failure<List<Integer>> a = single.failure().orElseThrow();
        Failure<List<Integer>> b = parallel.failure().orElseThrow();
        assertThat(b.scenarioIndex()).isEqualTo(a.scenarioIndex());
        assertThat(b.originalChoices()).isEqualTo(a.originalChoices());
        assertThat(b.shrunkChoices()).isEqualTo(a.shrunkChoices());
        assertThat(b.shrunkValue()).isEqualTo(a.shrunkValue());
        assertThat(b.shrinkSteps()).isEqualTo(a.shrinkSteps());
    }

    @Test
    void reportsTheLowestFailingIndexWithTwoThreads() {
        Property<List<Integer>> property = Property.holds("no-999", value -> value.stream().noneMatch(v -> v > 990));
        long expectedIndex = -1;
        List<Long> failingIndices = new ArrayList<>();
        for (long i = 0; i < 5000 && failingIndices.size() < 2; i++) {
            if (LISTS.generate(Choices.forScenario(123, i)).stream().anyMatch(v -> v > 990)) {
                failingIndices.add(i);
            }
        }
        assertThat(failingIndices).as("the seed must give at least two failing scenarios").hasSize(2);
        expectedIndex = failingIndices.get(0);
        Choices expectedChoices = Choices.forScenario(123, expectedIndex);
        List<Integer> expectedValue = LISTS.generate(expectedChoices);

        for (int repetition = 0; repetition < 5; repetition++) {
            RunResult<List<Integer>> result = new PropertyRunner(config(123, 5000).withParallelism(2).withShrinking(false))
                    .run(LISTS, property);

            Failure<List<Integer>> failure = result.failure().orElseThrow();
            assertThat(failure.scenarioIndex()).isEqualTo(expectedIndex);
            assertThat(failure.originalChoices()).isEqualTo(expectedChoices.recorded());
            assertThat(failure.originalValue()).isEqualTo(expectedValue);
            assertThat(result.examplesRun()).isEqualTo(expectedIndex + 1);
            assertThat(result.stopReason()).isEqualTo(StopReason.FAILURE);
        }
    }

    @Test
    void exceptionThrownByThePropertyBecomesAFailureKeyedByItsClass() {
        RunResult<List<Integer>> result = new PropertyRunner(config(1, 500)).run(LISTS, (value, choices) -> {
            if (value.size() > 3) {
                throw new IllegalStateException("boom with " + value.size());
            }
            return Outcome.pass();
        });

        Failure<List<Integer>> failure = result.failure().orElseThrow();
        assertThat(failure.key()).isEqualTo(IllegalStateException.class.getName());
        assertThat(failure.cause()).containsInstanceOf(IllegalStateException.class);
        assertThat(failure.message()).contains("boom with 4");
        assertThat(failure.shrunkValue()).containsExactly(0, 0, 0, 0);
    }

    @Test
    void exceptionThrownByTheGeneratorBecomesAFailure() {
        Generator<Integer> broken = choices -> {
            int v = choices.drawInt(0, 10);
            if (v == 10) {
                throw new ArithmeticException("edge");
            }
            return v;
        };
        RunResult<Integer> result = new PropertyRunner(config(2, 500)).run(broken, (value, choices) -> Outcome.pass());

        Failure<Integer> failure = result.failure().orElseThrow();
        assertThat(failure.key()).isEqualTo(ArithmeticException.class.getName());
        assertThat(failure.shrunkChoices()).isEqualTo(ChoiceSequence.of(10));
        assertThat(failure.shrunkValue()).isNull();
    }

    @Test
    void discardedScenariosAreCountedApartAndTheirLabelsIgnored() {
        Generator<Integer> ints = Generator.integers(0, 9);
        RunResult<Integer> result = new PropertyRunner(config(3, 400)).run(ints, (value, choices) -> {
            choices.label("parity", value % 2 == 0 ? "even" : "odd");
            choices.assume(value % 2 == 0);
            return Outcome.pass();
        });

        assertThat(result.succeeded()).isTrue();
        assertThat(result.discarded()).isPositive();
        assertThat(result.passed() + result.discarded()).isEqualTo(400);
        assertThat(result.labels().count("parity", "odd")).isZero();
        assertThat(result.labels().count("parity", "even")).isEqualTo(result.passed());
        assertThat(result.labels().scenarios()).isEqualTo(result.passed());
    }

    @Test
    void labelsAddedTwiceInOneScenarioCountOnce() {
        RunResult<Integer> result = new PropertyRunner(config(3, 50)).run(Generator.constant(1), (value, choices) -> {
            choices.label("kind", "same");
            choices.label("kind", "same");
            return Outcome.pass();
        });
        assertThat(result.labels().count("kind", "same")).isEqualTo(50);
        assertThat(result.labels().share("kind", "same")).isEqualTo(1.0);
    }

    @Test
    void stopsCleanlyWhenTheTimeBudgetIsSpent() {
        // The run's clock advances 1 ms per scenario and only then, so the 200 ms budget is spent by the
        // 200th scenario however loaded the machine is (a wall clock could spend it before any started).
        AtomicLong nanos = new AtomicLong();
        RunResult<List<Integer>> result = new PropertyRunner(config(4, Long.MAX_VALUE)
                .withTimeBudget(Duration.ofMillis(200)).withParallelism(2), nanos::get)
                .run(LISTS, (value, choices) -> {
                    nanos.addAndGet(Duration.ofMillis(1).toNanos());
                    return Outcome.pass();
                });

        assertThat(result.stopReason()).isEqualTo(StopReason.TIME_BUDGET);
        assertThat(result.failure()).isEmpty();
        // Every scenario started before the deadline is counted: the 200 that spent it, and at most one
        // the other thread had under way.
        assertThat(result.examplesRun()).isBetween(200L, 201L).isEqualTo(result.passed());
    }

    @Test
    void zeroTimeBudgetRunsNoScenario() {
        RunResult<List<Integer>> result = new PropertyRunner(config(4, 100).withTimeBudget(Duration.ZERO))
                .run(LISTS, (value, choices) -> Outcome.fail("never", "must not run"));

        assertThat(result.stopReason()).isEqualTo(StopReason.TIME_BUDGET);
        assertThat(result.examplesRun()).isZero();
        assertThat(result.failure()).isEmpty();
    }

    @Test
    void replayOfAFailureReproducesItsOutcome() {
        Property<List<Integer>> property = Property.holds("small-sum",
                value -> value.stream().mapToInt(Integer::intValue).sum() <= 1000);
        PropertyRunner runner = new PropertyRunner(config(8, 1000));
        Failure<List<Integer>> failure = runner.run(LISTS, property).failure().orElseThrow();

        ScenarioRun<List<Integer>> original = runner.replay(LISTS, property,
                ChoiceSequence.parse(failure.originalChoices().toCompactString()));
        ScenarioRun<List<Integer>> shrunk = runner.replay(LISTS, property, failure.shrunkChoices());

        assertThat(original.value()).isEqualTo(failure.originalValue());
        assertThat(original.outcome().key()).isEqualTo("small-sum");
        assertThat(shrunk.value()).isEqualTo(failure.shrunkValue());
        assertThat(shrunk.outcome().key()).isEqualTo("small-sum");
    }
}
