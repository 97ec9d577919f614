package vmck.engine;

import java.util.Objects;

/**
 * What a property concluded about one scenario.
 *
 * <p>A failure carries a <em>key</em>, such as the name of the rule broken: the shrinker only
 * accepts simpler scenarios that fail with the same key, so it does not slip to a different bug.
 *
 * @param kind pass, fail or discard
 * @param key the failure key; empty unless {@code kind} is {@link Kind#FAIL}
 * @param message a human-readable explanation (failure message or discard reason); may be empty
 */
public record Outcome(Kind kind, String key, String message) {

    /** The three possible conclusions. */
    public enum Kind {
        /** The property held. */
        PASS,
        /** The property was broken. */
        FAIL,
        /** The scenario did not meet a precondition and says nothing either way. */
        DISCARD
    }

    private static final Outcome PASS = new Outcome(Kind.PASS, "", "");

    public Outcome {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(message, "message");
        if (kind == Kind.FAIL && key.isEmpty()) {
            throw new IllegalArgumentException("a failure needs a non-empty key");
        }
    }

    public static Outcome pass() {
        return PASS;
    }

    public static Outcome fail(String key, String message) {
        return new Outcome(Kind.FAIL, key, message);
    }

    public static Outcome discard(String reason) {
        return new Outcome(Kind.DISCARD, "", reason);
    }

    public boolean isFailure() {
        return kind == Kind.FAIL;
    }

    /** True when this is a failure with exactly {@code failureKey}. */
    boolean failsWith(String failureKey) {
        return kind == Kind.FAIL && key.equals(failureKey);
    }
}
