package vmck.engine;

import java.util.List;
import java.util.function.Function;

/**
 * Produces a value from choices. Generators need no shrinking code: the engine shrinks the
 * choices and regenerates. Follow the convention that choice 0 gives the simplest value.
 *
 * @param <T> the generated type
 */
@FunctionalInterface
public interface Generator<T> {

    T generate(Choices choices);

    /** This generator's values transformed by {@code mapper}. */
    default <R> Generator<R> map(Function<? super T, ? extends R> mapper) {
        return choices -> mapper.apply(generate(choices));
    }

    /** This generator with its draws marked as one span, so the shrinker may delete them together. */
    default Generator<T> spanned(String label) {
        return choices -> choices.span(label, () -> generate(choices));
    }

    /** The value {@code choices} produce; draws past their end return 0. */
    default T replay(ChoiceSequence choices) {
        return generate(Choices.replay(choices));
    }

    /** The value {@code choices} produce; draws past their end return 0. */
    default T replay(long... choices) {
        return replay(ChoiceSequence.of(choices));
    }

    static <T> Generator<T> constant(T value) {
        return choices -> value;
    }

    static Generator<Boolean> booleans() {
        return Choices::drawBoolean;
    }

    static Generator<Integer> integers(int minInclusive, int maxInclusive) {
        return choices -> choices.drawInt(minInclusive, maxInclusive);
    }

    static Generator<Long> longs(long minInclusive, long maxInclusive) {
        return choices -> choices.drawLong(minInclusive, maxInclusive);
    }

    /** One of {@code options}; earlier options are simpler. */
    static <T> Generator<T> oneOf(List<T> options) {
        List<T> copy = List.copyOf(options);
        return choices -> choices.pick(copy);
    }

    /** A value from one of {@code options}, chosen with the given weights; earlier options are simpler. */
    static <T> Generator<T> weighted(int[] weights, List<? extends Generator<? extends T>> options) {
        if (weights.length != options.size()) {
            throw new IllegalArgumentException(weights.length + " weights for " + options.size() + " options");
        }
        int[] weightsCopy = weights.clone();
        List<Generator<? extends T>> copy = List.copyOf(options);
        return choices -> copy.get(choices.weighted(weightsCopy)).generate(choices);
    }

    /** Lists as drawn by {@link Choices#list(Generator, int, int)}. */
    static <T> Generator<List<T>> listOf(Generator<T> element, int minSize, int maxSize) {
        return choices -> choices.list(element, minSize, maxSize);
    }

    /** Lists as drawn by {@link Choices#list(Generator, int, int, double)}. */
    static <T> Generator<List<T>> listOf(Generator<T> element, int minSize, int maxSize, double averageSize) {
        return choices -> choices.list(element, minSize, maxSize, averageSize);
    }
}
