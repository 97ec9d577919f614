package vmck.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChoiceSequenceTest {

    @Test
    void compactStringRoundTripsAnySequence() {
        Choices random = Choices.random(7);
        for (int i = 0; i < 200; i++) {
            random.draw(i % 3 == 0 ? Long.MAX_VALUE : i * 37L);
        }
        ChoiceSequence recorded = random.recorded();

        ChoiceSequence parsed = ChoiceSequence.parse(recorded.toCompactString());

        assertThat(parsed).isEqualTo(recorded);
        assertThat(parsed.toArray()).containsExactly(recorded.toArray());
    }

    @Test
    void compactStringIsCommaSeparatedHex() {
        assertThat(ChoiceSequence.of(1, 600, 0, Long.MAX_VALUE).toCompactString()).isEqualTo("1,258,0,7fffffffffffffff");
        assertThat(ChoiceSequence.parse(" 1, 258 ,0 ")).isEqualTo(ChoiceSequence.of(1, 600, 0));
    }

    @Test
    void emptySequenceRoundTripsThroughEmptyString() {
        assertThat(ChoiceSequence.empty().toCompactString()).isEmpty();
        assertThat(ChoiceSequence.parse("")).isEqualTo(ChoiceSequence.empty());
    }

    @Test
    void parseRejectsNonHexAndNegativeValues() {
        assertThatThrownBy(() -> ChoiceSequence.parse("1,zz")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("position 1");
        assertThatThrownBy(() -> ChoiceSequence.parse("-1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ChoiceSequence.of(3, -2)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shortlexOrdersShorterFirstThenLexicographically() {
        List<ChoiceSequence> sequences = new ArrayList<>(List.of(
                ChoiceSequence.of(0, 0, 0), ChoiceSequence.of(5), ChoiceSequence.of(1, 9),
                ChoiceSequence.of(1, 2), ChoiceSequence.empty(), ChoiceSequence.of(Long.MAX_VALUE)));

        sequences.sort(null);

        assertThat(sequences).containsExactly(ChoiceSequence.empty(), ChoiceSequence.of(5),
                ChoiceSequence.of(Long.MAX_VALUE), ChoiceSequence.of(1, 2), ChoiceSequence.of(1, 9),
                ChoiceSequence.of(0, 0, 0));
    }

    @Test
    void ofCopiesItsInput() {
        long[] values = {4, 5};
        ChoiceSequence sequence = ChoiceSequence.of(values);
        values[0] = 99;
        assertThat(sequence.get(0)).isEqualTo(4);
    }
}
