package vmck.engine;

/** Why a run stopped generating scenarios. */
public enum StopReason {
    /** All configured scenarios ran. */
    MAX_SCENARIOS,
    /** A scenario failed. */
    FAILURE,
    /** The wall-clock budget ran out first. */
    TIME_BUDGET
}
