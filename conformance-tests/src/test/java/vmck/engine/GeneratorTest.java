package vmck.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class GeneratorTest {

    @Test
    void mapTransformsTheDrawnValue() {
        assertThat(Generator.integers(0, 100).map(v -> v * 2).replay(21)).isEqualTo(42);
    }

    @Test
    void oneOfPicksByIndexWithTheFirstOptionSimplest() {
        Generator<String> colours = Generator.oneOf(List.of("red", "green", "blue"));
        assertThat(colours.replay()).isEqualTo("red");
        assertThat(colours.replay(2)).isEqualTo("blue");
    }

    @Test
    void weightedDrawsFromTheChosenGeneratorOnly() {
        Generator<Object> mixed = Generator.weighted(new int[] {1, 1},
                List.of(Generator.integers(10, 20), Generator.constant("text")));
        assertThat(mixed.replay(0, 3)).isEqualTo(13);
        assertThat(mixed.replay(1)).isEqualTo("text");
    }

    @Test
    void weightedRejectsMismatchedWeights() {
        assertThatThrownBy(() -> Generator.weighted(new int[] {1}, List.of(Generator.booleans(), Generator.booleans())))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void spannedMarksTheGeneratorsDrawsAsOneSpan() {
        Choices choices = Choices.replay(3, 4, 5);
        Generator<Long> pair = c -> c.draw(9) * 10 + c.draw(9);
        assertThat(pair.spanned("pair").generate(choices)).isEqualTo(34);
        assertThat(choices.spans()).containsExactly(new Span("pair", 0, 2, 0));
    }

    @Test
    void holdsFailsWithItsKeyWhenThePredicateIsFalse() throws Exception {
        Property<Integer> positive = Property.holds("positive", v -> v > 0);
        assertThat(positive.check(1, Choices.replay()).kind()).isEqualTo(Outcome.Kind.PASS);
        assertThat(positive.check(0, Choices.replay())).extracting(Outcome::kind, Outcome::key)
                .containsExactly(Outcome.Kind.FAIL, "positive");
    }

    @Test
    void failureOutcomeRequiresAKey() {
        assertThatThrownBy(() -> Outcome.fail("", "no key")).isInstanceOf(IllegalArgumentException.class);
    }
}
