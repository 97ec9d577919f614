package vmck.conformance;

/**
 * A clause's verdict in a report. Four states a reader must never confuse (the Reactive Streams
 * TCK showed all of them as "skipped"), plus an honest fifth for a run too short to judge.
 */
public enum ClauseStatus {
    /** Put to the test and never contradicted. */
    PASS,
    /** Contradicted: the report shows the smallest scenario that does it. */
    FAIL,
    /** The profile does not have this rule (e.g. alignment for a profile that accepts unaligned copies). */
    NOT_APPLICABLE,
    /** A black-box harness cannot check it (SPEC.md says why). */
    UNTESTABLE,
    /** Testable and applicable, but no scenario in this run put it to the test: the run proves nothing about it. */
    NOT_EXERCISED
}
