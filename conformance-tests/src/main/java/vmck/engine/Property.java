package vmck.engine;

import java.util.function.Predicate;

/**
 * Checks one generated value. The check may draw further choices (for interleaved stateful
 * tests), add statistics labels, or discard the scenario through {@code choices}. An exception
 * it throws is a failure keyed by the exception's class name.
 *
 * @param <T> the checked type
 */
@FunctionalInterface
public interface Property<T> {

    Outcome check(T value, Choices choices) throws Exception;

    /** A property that fails with {@code failureKey} whenever {@code predicate} is false. */
    static <T> Property<T> holds(String failureKey, Predicate<? super T> predicate) {
        return (value, choices) -> predicate.test(value)
                ? Outcome.pass()
                : Outcome.fail(failureKey, "does not hold for " + value);
    }
}
