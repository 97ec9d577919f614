package vmck.engine;

import java.util.Arrays;
import java.util.StringJoiner;

/**
 * An immutable sequence of recorded choices: the complete recipe of one scenario.
 *
 * <p>Replaying it through the same generator yields the same value. Sequences are ordered by
 * shortlex (shorter first, then lexicographically smaller), the order in which the shrinker
 * considers a sequence "simpler".
 */
public final class ChoiceSequence implements Comparable<ChoiceSequence> {

    private static final ChoiceSequence EMPTY = new ChoiceSequence(new long[0]);

    private final long[] values;

    private ChoiceSequence(long[] values) {
        this.values = values;
    }

    /** A sequence holding a copy of {@code values}; every value must be non-negative. */
    public static ChoiceSequence of(long... values) {
        for (long v : values) {
            if (v < 0) {
                throw new IllegalArgumentException("choices are unsigned, got " + v);
            }
        }
        return values.length == 0 ? EMPTY : new ChoiceSequence(values.clone());
    }

    /** Wraps without copying or validating: for arrays the engine itself produced. */
    static ChoiceSequence wrap(long[] values) {
        return new ChoiceSequence(values);
    }

    /** The sequence with no choices, which replays every draw as 0. */
    public static ChoiceSequence empty() {
        return EMPTY;
    }

    /**
     * Parses the compact form written by {@link #toCompactString()}: lower-case hexadecimal
     * values separated by commas, for example {@code "1,258,0"}; the empty string is the empty sequence.
     */
    public static ChoiceSequence parse(String compact) {
        String text = compact.strip();
        if (text.isEmpty()) {
            return EMPTY;
        }
        String[] parts = text.split(",", -1);
        long[] values = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i].strip();
            try {
                values[i] = Long.parseLong(part, 16);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a hexadecimal choice at position " + i + ": '" + part + "'", e);
            }
            if (values[i] < 0) {
                throw new IllegalArgumentException("choices are unsigned, got " + part);
            }
        }
        return new ChoiceSequence(values);
    }

    /** Compact, stable text form for saved traces; round-trips through {@link #parse(String)}. */
    public String toCompactString() {
        StringJoiner joiner = new StringJoiner(",");
        for (long v : values) {
            joiner.add(Long.toHexString(v));
        }
        return joiner.toString();
    }

    public int length() {
        return values.length;
    }

    public long get(int index) {
        return values[index];
    }

    /** A copy of the choices. */
    public long[] toArray() {
        return values.clone();
    }

    /** The internal array, which callers in this package promise not to modify. */
    long[] unsafeArray() {
        return values;
    }

    /** Shortlex: shorter sequences first, then lexicographic by unsigned value. */
    @Override
    public int compareTo(ChoiceSequence other) {
        return compareShortlex(values, other.values);
    }

    static int compareShortlex(long[] a, long[] b) {
        if (a.length != b.length) {
            return Integer.compare(a.length, b.length);
        }
        return Arrays.compare(a, b);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChoiceSequence other && Arrays.equals(values, other.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "[" + toCompactString() + "]";
    }
}
