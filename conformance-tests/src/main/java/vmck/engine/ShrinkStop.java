package vmck.engine;

/** Why a shrink ended: only {@link #DONE} promises a local minimum. */
public enum ShrinkStop {
    /** A whole round of passes improved nothing: no pass can simplify the failure further. */
    DONE,
    /** The passes stalled: many attempts in a row were spent without one simpler failure. */
    STALLED,
    /** The cap on attempts was reached. */
    ATTEMPTS,
    /** The shrink's time budget ran out (the only stop that depends on timing). */
    TIME_BUDGET,
    /** Shrinking was switched off. */
    OFF
}
