package vmck.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChoicesTest {

    /** A generator exercising every kind of draw. */
    static final Generator<String> MIXED = choices -> {
        long raw = choices.draw(1_000_000);
        boolean flag = choices.drawBoolean();
        int small = choices.drawInt(-5, 5);
        long wide = choices.drawLong(Long.MIN_VALUE / 2, Long.MAX_VALUE / 2);
        String picked = choices.pick(List.of("a", "b", "c"));
        int weightedIndex = choices.weighted(1, 0, 3);
        List<Integer> list = choices.list(Generator.integers(0, 9), 1, 6);
        return raw + "|" + flag + "|" + small + "|" + wide + "|" + picked + "|" + weightedIndex + "|" + list;
    };

    @Test
    void drawsStayWithinTheirBounds() {
        Choices choices = Choices.random(3);
        for (int i = 0; i < 2000; i++) {
            long max = i % 50;
            assertThat(choices.draw(max)).isBetween(0L, max);
            assertThat(choices.drawInt(-3, 4)).isBetween(-3, 4);
        }
        assertThat(choices.draw(0)).isZero();
    }

    @Test
    void randomDrawsReachBothEdgesOfTheRange() {
        Choices choices = Choices.random(11);
        long zeros = 0;
        long maxima = 0;
        for (int i = 0; i < 1000; i++) {
            long v = choices.draw(1_000_000_000L);
            zeros += v == 0 ? 1 : 0;
            maxima += v == 1_000_000_000L ? 1 : 0;
        }
        assertThat(zeros).isPositive();
        assertThat(maxima).isPositive();
    }

    @Test
    void sameSeedGivesIdenticalChoicesAndValues() {
        for (long index = 0; index < 50; index++) {
            Choices first = Choices.forScenario(42, index);
            Choices second = Choices.forScenario(42, index);
            assertThat(MIXED.generate(first)).isEqualTo(MIXED.generate(second));
            assertThat(first.recorded()).isEqualTo(second.recorded());
        }
    }

    @Test
    void differentScenarioIndicesGetDifferentChoices() {
        assertThat(Choices.forScenario(42, 0).draw(Long.MAX_VALUE - 1))
                .isNotEqualTo(Choices.forScenario(42, 1).draw(Long.MAX_VALUE - 1));
    }

    @Test
    void replayOfTheRecordedChoicesReproducesTheExactValue() {
        for (long index = 0; index < 100; index++) {
            Choices random = Choices.forScenario(9, index);
            String value = MIXED.generate(random);
            ChoiceSequence recorded = random.recorded();

            Choices replay = Choices.replay(recorded);
            assertThat(MIXED.generate(replay)).isEqualTo(value);
            assertThat(replay.recorded()).isEqualTo(recorded);
            assertThat(MIXED.replay(ChoiceSequence.parse(recorded.toCompactString()))).isEqualTo(value);
        }
    }

    @Test
    void replayPastTheEndDrawsZero() {
        Choices replay = Choices.replay(7);
        assertThat(replay.draw(100)).isEqualTo(7);
        assertThat(replay.draw(100)).isZero();
        assertThat(replay.drawInt(3, 9)).isEqualTo(3);
        assertThat(replay.recorded()).isEqualTo(ChoiceSequence.of(7, 0, 0));
    }

    @Test
    void replayedValueAboveTheBoundIsClampedAndRecordedClamped() {
        Choices replay = Choices.replay(500, 9, 9);
        assertThat(replay.draw(10)).isEqualTo(10);
        assertThat(replay.pick(List.of("x", "y"))).isEqualTo("y");
        assertThat(replay.drawBoolean()).isTrue();
        assertThat(replay.recorded()).isEqualTo(ChoiceSequence.of(10, 1, 1));
    }

    @Test
    void weightedNeverReturnsAZeroWeightOption() {
        Choices random = Choices.random(5);
        for (int i = 0; i < 500; i++) {
            assertThat(random.weighted(0, 2, 0, 1)).isIn(1, 3);
        }
        assertThat(Choices.replay(0).weighted(0, 2, 0, 1)).isEqualTo(1);
        assertThat(Choices.replay(2).weighted(0, 2, 0, 1)).isEqualTo(1);
        assertThat(Choices.replay(9).weighted(0, 2, 0, 1)).isEqualTo(3);
    }

    @Test
    void listDrawsAContinueChoiceBeforeEachElementAndAFinalStop() {
        Choices replay = Choices.replay(1, 4, 1, 6, 0);
        assertThat(replay.list(Generator.integers(0, 9), 0, 10)).containsExactly(4, 6);
        assertThat(replay.recorded()).isEqualTo(ChoiceSequence.of(1, 4, 1, 6, 0));
        assertThat(replay.spans()).extracting(Span::label, Span::start, Span::end)
                .contains(org.assertj.core.groups.Tuple.tuple("list-element", 0, 2),
                        org.assertj.core.groups.Tuple.tuple("list-element", 2, 4));
    }

    @Test
    void listRespectsMinimumAndMaximumSize() {
        assertThat(Choices.replay().list(Generator.integers(0, 9), 2, 5)).containsExactly(0, 0);
        assertThat(Choices.replay(1, 1, 1, 1, 1, 1, 1, 1, 1, 1).list(Generator.constant("e"), 0, 3)).hasSize(3);
    }

    @Test
    void spansNestAndRecordTheirDepth() {
        Choices choices = Choices.replay(1, 2, 3);
        choices.span("outer", () -> {
            choices.draw(9);
            return choices.span("inner", () -> choices.draw(9));
        });
        choices.draw(9);
        assertThat(choices.spans()).containsExactly(new Span("inner", 1, 2, 1), new Span("outer", 0, 2, 0));
    }

    @Test
    void assumeAndRejectSignalADiscard() {
        Choices choices = Choices.replay();
        choices.assume(true);
        assertThatThrownBy(() -> choices.assume(false)).isInstanceOf(Discarded.class);
        assertThatThrownBy(() -> choices.reject("no room")).isInstanceOf(Discarded.class).hasMessage("no room");
    }

    @Test
    void invalidBoundsAreRejected() {
        Choices choices = Choices.replay();
        assertThatThrownBy(() -> choices.draw(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> choices.drawInt(3, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> choices.pick(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> choices.weighted(0, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
