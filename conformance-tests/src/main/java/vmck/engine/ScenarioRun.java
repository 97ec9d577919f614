package vmck.engine;

import java.util.List;
import java.util.Optional;
import java.util.SortedSet;

/** One scenario executed: the choices it consumed, the value generated, and what the property said. */
public final class ScenarioRun<T> {

    private final ChoiceSequence choices;
    private final T value;
    private final Outcome outcome;
    private final Throwable cause;
    private final SortedSet<Label> labels;
    private final List<Span> spans;

    ScenarioRun(ChoiceSequence choices, T value, Outcome outcome, Throwable cause,
                SortedSet<Label> labels, List<Span> spans) {
        this.choices = choices;
        this.value = value;
        this.outcome = outcome;
        this.cause = cause;
        this.labels = labels;
        this.spans = spans;
    }

    /** Runs {@code property} on a value from {@code generator}, catching what the two throw. */
    static <T> ScenarioRun<T> execute(Generator<T> generator, Property<T> property, Choices choices) {
        T value = null;
        Outcome outcome;
        Throwable cause = null;
        try {
            value = generator.generate(choices);
            outcome = property.check(value, choices);
            if (outcome == null) {
                outcome = Outcome.fail("null-outcome", "the property returned null instead of an Outcome");
            }
        } catch (Discarded discarded) {
            outcome = Outcome.discard(discarded.getMessage());
        } catch (OutOfMemoryError fatal) {
            throw fatal;
        } catch (Throwable thrown) {
            if (thrown instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            cause = thrown;
            outcome = Outcome.fail(thrown.getClass().getName(), String.valueOf(thrown));
        }
        return new ScenarioRun<>(choices.recorded(), value, outcome, cause, choices.labels(), choices.spans());
    }

    /** The choices actually consumed (clamped, and extended with zeros where replay ran past the end). */
    public ChoiceSequence choices() {
        return choices;
    }

    /** The generated value; {@code null} if the generator itself threw or discarded. */
    public T value() {
        return value;
    }

    public Outcome outcome() {
        return outcome;
    }

    /** What the generator or property threw, if anything (other than a discard). */
    public Optional<Throwable> cause() {
        return Optional.ofNullable(cause);
    }

    public SortedSet<Label> labels() {
        return labels;
    }

    List<Span> spans() {
        return spans;
    }
}
