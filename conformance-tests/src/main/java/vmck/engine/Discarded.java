package vmck.engine;

/** Thrown through generator and property code to abandon a scenario as invalid, not failed. */
final class Discarded extends RuntimeException {

    Discarded(String reason) {
        // No stack trace: this is control flow, thrown often while generating.
        super(reason, null, false, false);
    }
}
