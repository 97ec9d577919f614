package vmck.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ShrinkingTest {

    private static final Generator<List<Integer>> LISTS = Generator.listOf(Generator.integers(0, 1000), 0, 30);

    private static int sum(List<Integer> values) {
        return values.stream().mapToInt(Integer::intValue).sum();
    }

    @Test
    void listWithSumAbove1000ShrinksToTheMinimalTwoElementList() {
        Property<List<Integer>> property = Property.holds("sum", value -> sum(value) <= 1000);

        Failure<List<Integer>> failure = new PropertyRunner(RunConfig.defaults().withSeed(11).withMaxScenarios(500))
                .run(LISTS, property).failure().orElseThrow();

        assertThat(failure.originalValue().size()).isGreaterThan(2);
        assertThat(failure.shrunkValue()).containsExactly(1, 1000);
        assertThat(failure.shrunkChoices()).isEqualTo(ChoiceSequence.of(1, 1, 1, 1000, 0));
        assertThat(failure.shrinkSteps()).isPositive();
    }

    @Test
    void shrinkingIsDeterministicAcrossSeedsReachingTheSameMinimum() {
        Property<List<Integer>> property = Property.holds("sum", value -> sum(value) <= 1000);
        for (long seed = 20; seed < 25; seed++) {
            Failure<List<Integer>> failure = new PropertyRunner(RunConfig.defaults().withSeed(seed).withMaxScenarios(500))
                    .run(LISTS, property).failure().orElseThrow();
            assertThat(failure.shrunkValue()).as("seed %d", seed).containsExactly(1, 1000);
        }
    }

    // ---- a stateful example: a multiset whose remove() wrongly drops every copy

    sealed interface Op permits Add, Remove, Clear, Query {
    }

    record Add(int key) implements Op {
    }

    record Remove(int key) implements Op {
    }

    record Clear() implements Op {
    }

    record Query(int key) implements Op {
    }

    static final Generator<Op> OPS = choices -> switch (choices.weighted(4, 3, 1, 2)) {
        case 0 -> new Add(choices.drawInt(0, 49));
        case 1 -> new Remove(choices.drawInt(0, 49));
        case 2 -> new Clear();
        default -> new Query(choices.drawInt(0, 49));
    };

    /** The system under test: remove() drops all copies once a key is held twice or more. */
    static final class BuggyMultiset {
        private final TreeMap<Integer, Integer> counts = new TreeMap<>();

        void add(int key) {
            counts.merge(key, 1, Integer::sum);
        }

        void remove(int key) {
            Integer count = counts.get(key);
            if (count == null) {
                return;
            }
            if (count >= 2) {
                counts.remove(key);
            } else {
                counts.put(key, count - 1);
            }
        }

        void clear() {
            counts.clear();
        }

        int count(int key) {
            return counts.getOrDefault(key, 0);
        }
    }

    static final Property<List<Op>> MATCHES_MODEL = (ops, choices) -> {
        BuggyMultiset actual = new BuggyMultiset();
        TreeMap<Integer, Integer> model = new TreeMap<>();
        for (Op op : ops) {
            int key;
            if (op instanceof Add add) {
                key = add.key();
                actual.add(key);
                model.merge(key, 1, Integer::sum);
            } else if (op instanceof Remove remove) {
                key = remove.key();
                actual.remove(key);
                model.computeIfPresent(key, (k, c) -> c > 1 ? c - 1 : null);
            } else if (op instanceof Query query) {
                key = query.key();
            } else {
                actual.clear();
                model.clear();
                continue;
            }
            if (actual.count(key) != model.getOrDefault(key, 0)) {
                return Outcome.fail("count-mismatch", "count of " + key + " after " + op);
            }
        }
        return Outcome.pass();
    };

    @Test
    void fiftyOperationScenarioShrinksToExactlyTheEssentialOperations() {
        Generator<List<Op>> scenarios = Generator.listOf(OPS, 0, 100, 50);

        RunResult<List<Op>> result = new PropertyRunner(RunConfig.defaults().withSeed(3).withMaxScenarios(200))
                .run(scenarios, MATCHES_MODEL);

        Failure<List<Op>> failure = result.failure().orElseThrow();
        assertThat(failure.originalValue().size()).isGreaterThanOrEqualTo(40);
        assertThat(failure.shrunkValue()).containsExactly(new Add(0), new Add(0), new Remove(0));
        assertThat(failure.key()).isEqualTo("count-mismatch");
    }

    @Test
    void statefulScenariosFromManySeedsAllShrinkToTheEssentialOperations() {
        Generator<List<Op>> scenarios = Generator.listOf(OPS, 0, 100, 50);
        for (long seed = 100; seed < 130; seed++) {
            Failure<List<Op>> failure = new PropertyRunner(RunConfig.defaults().withSeed(seed).withMaxScenarios(200))
                    .run(scenarios, MATCHES_MODEL).failure().orElseThrow();
            assertThat(failure.shrunkValue()).as("seed %d", seed)
                    .containsExactly(new Add(0), new Add(0), new Remove(0));
        }
    }

    @Test
    void operationsDrawnInsideThePropertyShrinkToo() {
        Generator<List<Op>> opLists = Generator.listOf(OPS, 0, 100, 50);
        Property<Integer> drawsItsOwnOps = (ignored, choices) -> MATCHES_MODEL.check(choices.draw(opLists), choices);

        Failure<Integer> failure = new PropertyRunner(RunConfig.defaults().withSeed(3).withMaxScenarios(200))
                .run(Generator.constant(0), drawsItsOwnOps).failure().orElseThrow();

        assertThat(opLists.replay(failure.shrunkChoices())).containsExactly(new Add(0), new Add(0), new Remove(0));
    }

    @Test
    void shrinkingStaysWithTheOriginalFailureKey() {
        // Two bugs: a large sum, and any zero. Lowering values passes through zeros, which an
        // unconstrained shrinker would adopt (ending at [0]); ours must stay with "sum".
        Property<List<Integer>> twoBugs = (value, choices) -> {
            if (sum(value) > 1000) {
                return Outcome.fail("sum", "sum " + sum(value));
            }
            if (value.contains(0)) {
                return Outcome.fail("zero", "contains 0");
            }
            return Outcome.pass();
        };
        ChoiceSequence sumFailure = ChoiceSequence.of(1, 600, 1, 700, 1, 5, 0);
        PropertyRunner runner = new PropertyRunner(RunConfig.defaults());
        assertThat(runner.replay(LISTS, twoBugs, ChoiceSequence.of(1, 0, 0)).outcome().key())
                .as("the second bug is reachable by shrinking").isEqualTo("zero");

        Failure<List<Integer>> failure = runner.shrink(LISTS, twoBugs, sumFailure).orElseThrow();

        assertThat(failure.key()).isEqualTo("sum");
        assertThat(failure.originalValue()).containsExactly(600, 700, 5);
        assertThat(failure.shrunkValue()).containsExactly(1, 1000);
    }

    @Test
    void shrinkOfAPassingSequenceFindsNothing() {
        Property<List<Integer>> property = Property.holds("sum", value -> sum(value) <= 1000);
        assertThat(new PropertyRunner(RunConfig.defaults()).shrink(LISTS, property, ChoiceSequence.of(1, 5, 0))).isEmpty();
    }

    @Test
    void zeroShrinkAttemptsLeaveTheOriginalUnchanged() {
        Property<List<Integer>> property = Property.holds("sum", value -> sum(value) <= 1000);
        Failure<List<Integer>> failure = new PropertyRunner(RunConfig.defaults().withSeed(11).withMaxScenarios(500)
                .withShrinkAttempts(0)).run(LISTS, property).failure().orElseThrow();

        assertThat(failure.shrunkChoices()).isEqualTo(failure.originalChoices());
        assertThat(failure.shrinkSteps()).isZero();
        assertThat(failure.shrinkAttempts()).isZero();
    }

    @Test
    void shrinkAttemptBudgetIsHonoured() {
        Property<List<Integer>> property = Property.holds("sum", value -> sum(value) <= 1000);
        Failure<List<Integer>> failure = new PropertyRunner(RunConfig.defaults().withSeed(11).withMaxScenarios(500)
                .withShrinkAttempts(7)).run(LISTS, property).failure().orElseThrow();

        assertThat(failure.shrinkAttempts()).isLessThanOrEqualTo(7);
        assertThat(failure.shrunkChoices()).isLessThanOrEqualTo(failure.originalChoices());
        assertThat(sum(failure.shrunkValue())).isGreaterThan(1000);
    }

    @Test
    void spentShrinkTimeBudgetLeavesTheOriginalUnchanged() {
        Property<List<Integer>> property = Property.holds("sum", value -> sum(value) <= 1000);
        Failure<List<Integer>> failure = new PropertyRunner(RunConfig.defaults().withSeed(11).withMaxScenarios(500)
                .withShrinkTimeBudget(java.time.Duration.ZERO)).run(LISTS, property).failure().orElseThrow();

        assertThat(failure.shrinkAttempts()).isZero();
        assertThat(failure.shrunkChoices()).isEqualTo(failure.originalChoices());
    }

    @Test
    void shrinkingOffReportsTheOriginalFailure() {
        Property<List<Integer>> property = Property.holds("sum", value -> sum(value) <= 1000);
        Failure<List<Integer>> failure = new PropertyRunner(RunConfig.defaults().withSeed(11).withMaxScenarios(500)
                .withShrinking(false)).run(LISTS, property).failure().orElseThrow();

        assertThat(failure.shrunkValue()).isEqualTo(failure.originalValue());
        assertThat(failure.shrinkAttempts()).isZero();
    }
}
