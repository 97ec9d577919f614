package vmck.engine;

import java.util.Comparator;

/** A statistics label a scenario carries, such as {@code overlap=backward}. */
public record Label(String category, String value) implements Comparable<Label> {

    private static final Comparator<Label> ORDER =
            Comparator.comparing(Label::category).thenComparing(Label::value);

    public Label {
        if (category == null || value == null) {
            throw new IllegalArgumentException("label category and value must not be null");
        }
    }

    @Override
    public int compareTo(Label other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return category + "=" + value;
    }
}
