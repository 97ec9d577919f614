package vmck.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Shrinking that respects a slow link: adaptive deletion and zeroing reach the minimum in far
 * fewer replays than one edit per needless item, and a shrink stops when its passes stall.
 * Replay counts are deterministic (never timings), so they are asserted.
 */
class AdaptiveShrinkingTest {

    /** Lists of up to 300 values; a scenario of 200 steps is the "long run". */
    private static final Generator<List<Integer>> LONG_LISTS = Generator.listOf(Generator.integers(0, 1000), 0, 300, 200);

    /** A bug that needs 41 elements, whatever they are (like a table that overflows after 40 copies). */
    private static final Property<List<Integer>> FAILS_FROM_41_ELEMENTS =
            (value, choices) -> value.size() > 40 ? Outcome.fail("overflow", value.size() + " elements") : Outcome.pass();

    @Test
    void adaptiveDeletionReachesTheMinimalScenarioOfALongRunBug() {
        Failure<List<Integer>> failure = new PropertyRunner(RunConfig.defaults().withSeed(5).withMaxScenarios(50))
                .run(LONG_LISTS, FAILS_FROM_41_ELEMENTS).failure().orElseThrow();

        assertThat(failure.originalValue()).hasSizeGreaterThan(100);
        assertThat(failure.shrunkValue()).isEqualTo(Collections.nCopies(41, 0));
        assertThat(failure.shrinkStop()).isIn(ShrinkStop.DONE, ShrinkStop.STALLED);
    }

    @Test
    void adaptiveDeletionRemovesNeedlessElementsInFewerReplaysThanOnePerElement() {
        // 250 elements, all of value 0: only deletions can simplify, and 209 of them are needless.
        long[] choices = new long[501];
        for (int i = 0; i < 250; i++) {
            choices[2 * i] = 1;
        }
        ReplaysUntil<List<Integer>> until = new ReplaysUntil<>(LONG_LISTS, FAILS_FROM_41_ELEMENTS, value -> value.size() == 41);

        until.shrink(ChoiceSequence.of(choices));

        // One-at-a-time deletion needs a replay per deleted element; probing chunk sizes about 2 log2(n) per run.
        assertThat(until.replaysToReach()).as("replays until 41 elements are left").isBetween(1, 30);
    }

    @Test
    void adaptiveZeroingClearsARunOfChoicesInFewerReplaysThanOnePerChoice() {
        // One struct of 64 values where only the last matters (like a step's many observation choices).
        Generator<List<Integer>> structs = c -> {
            List<Integer> values = new java.util.ArrayList<>();
            for (int i = 0; i < 64; i++) {
                values.add(c.drawInt(0, 1000));
            }
            return values;
        };
        Property<List<Integer>> lastIsBig = (value, c) -> value.get(63) > 500 ? Outcome.fail("last-big", "last") : Outcome.pass();
        long[] choices = new long[64];
        java.util.Arrays.fill(choices, 700);
        choices[63] = 900;
        ReplaysUntil<List<Integer>> until = new ReplaysUntil<>(structs, lastIsBig,
                value -> value.subList(0, 63).stream().allMatch(v -> v == 0));

        ScenarioRun<List<Integer>> shrunk = until.shrink(ChoiceSequence.of(choices));

        assertThat(until.replaysToReach()).as("replays until 63 values are zero").isBetween(1, 20);
        List<Integer> expected = new java.util.ArrayList<>(Collections.nCopies(63, 0));
        expected.add(501);
        assertThat(shrunk.value()).isEqualTo(expected);
    }

    /** Runs the shrinker on a failing sequence, counting replays until the best value first meets a goal. */
    private static final class ReplaysUntil<T> {
        private final Generator<T> generator;
        private final Property<T> property;
        private final java.util.function.Predicate<T> goal;
        private int replays;
        private int reached = -1;

        ReplaysUntil(Generator<T> generator, Property<T> property, java.util.function.Predicate<T> goal) {
            this.generator = generator;
            this.property = property;
            this.goal = goal;
        }

        ScenarioRun<T> shrink(ChoiceSequence failing) {
            ScenarioRun<T> original = ScenarioRun.execute(generator, property, Choices.replay(failing));
            assertThat(original.outcome().isFailure()).as("the original fails").isTrue();
            Shrinker<T> shrinker = new Shrinker<>(choices -> {
                replays++;
                ScenarioRun<T> run = ScenarioRun.execute(generator, property, Choices.replay(choices));
                if (reached < 0 && run.outcome().isFailure() && goal.test(run.value())) {
                    reached = replays;
                }
                return run;
            }, original, 5000, RunConfig.DEFAULT_SHRINK_STALL, null);
            return shrinker.shrink();
        }

        int replaysToReach() {
            return reached;
        }
    }

    @Test
    void aShrinkStopsWhenItsPassesStall() {
        // Only the exact original fails: no edit ever helps, so every replay is a stalled one.
        ChoiceSequence original = hundredElementsEndingBig();
        List<Integer> exact = LONG_LISTS.replay(original);
        Property<List<Integer>> onlyTheOriginal = (value, choices) ->
                value.equals(exact) ? Outcome.fail("exact", "the original") : Outcome.pass();

        Failure<List<Integer>> stalled = new PropertyRunner(RunConfig.defaults().withShrinkStall(50))
                .shrink(LONG_LISTS, onlyTheOriginal, original).orElseThrow();

        assertThat(stalled.shrinkStop()).isEqualTo(ShrinkStop.STALLED);
        assertThat(stalled.shrinkAttempts()).isEqualTo(50);
        assertThat(stalled.shrunkChoices()).isEqualTo(original);
    }

    @Test
    void aShrinkThatCannotImproveEndsAsDoneBeforeItStalls() {
        Property<List<Integer>> nonEmpty = (value, choices) -> value.isEmpty() ? Outcome.pass() : Outcome.fail("any", "non-empty");
        Failure<List<Integer>> failure = new PropertyRunner(RunConfig.defaults())
                .shrink(LONG_LISTS, nonEmpty, hundredElementsEndingBig()).orElseThrow();

        assertThat(failure.shrunkValue()).containsExactly(0);
        assertThat(failure.shrinkStop()).isEqualTo(ShrinkStop.DONE);
        assertThat(failure.shrinkAttempts()).isLessThan(RunConfig.DEFAULT_SHRINK_STALL);
    }

    @Test
    void aShrinkWithNoTimeLeftKeepsTheFailureAsFoundAndSaysWhy() {
        Failure<List<Integer>> failure = new PropertyRunner(RunConfig.defaults().withSeed(5).withMaxScenarios(50)
                .withShrinkTimeBudget(java.time.Duration.ZERO))
                .run(LONG_LISTS, FAILS_FROM_41_ELEMENTS).failure().orElseThrow();

        assertThat(failure.shrinkStop()).isEqualTo(ShrinkStop.TIME_BUDGET);
        assertThat(failure.shrunkChoices()).isEqualTo(failure.originalChoices());
    }

    @Test
    void adaptiveShrinkingIsDeterministic() {
        RunConfig config = RunConfig.defaults().withSeed(9).withMaxScenarios(50);
        Failure<List<Integer>> a = new PropertyRunner(config).run(LONG_LISTS, FAILS_FROM_41_ELEMENTS).failure().orElseThrow();
        Failure<List<Integer>> b = new PropertyRunner(config.withParallelism(2)).run(LONG_LISTS, FAILS_FROM_41_ELEMENTS)
                .failure().orElseThrow();

        assertThat(b.shrunkChoices()).isEqualTo(a.shrunkChoices());
        assertThat(b.shrinkAttempts()).isEqualTo(a.shrinkAttempts());
        assertThat(b.shrinkStop()).isEqualTo(a.shrinkStop());
    }

    /** 100 elements: 99 values of 700, then 900; encoded as (continue=1, value) pairs and a final 0. */
    private static ChoiceSequence hundredElementsEndingBig() {
        long[] choices = new long[201];
        for (int i = 0; i < 100; i++) {
            choices[2 * i] = 1;
            choices[2 * i + 1] = i == 99 ? 900 : 700;
        }
        return ChoiceSequence.of(choices);
    }
}
