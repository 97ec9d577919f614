package vmck.vectors;

import java.util.List;

/**
 * The outcome of running a corpus against one implementation under one profile.
 *
 * @param profile        the profile whose expectations were used
 * @param implementation the executor's name
 * @param outcomes       one per test, in corpus order
 */
public record VectorResult(String profile, String implementation, List<TestOutcome> outcomes) {

    public VectorResult {
        outcomes = List.copyOf(outcomes);
    }

    /**
     * One test's verdict.
     *
     * @param test     the vector
     * @param passed   true when the code was allowed and every read matched
     * @param clause   the clause the expectation cites (the one a failure contradicts)
     * @param expected what the profile expects, as text (null when passed)
     * @param observed what the implementation did, as text (null when passed)
     */
    public record TestOutcome(VectorTest test, boolean passed, String clause, String expected, String observed) {

        /** {@code "#17 [UnalignedSource, ProfilesDisagree] VMC-ALIGN-1 source sweep: …: expected …, observed …"}. */
        @Override
        public String toString() {
            return "#" + test.id() + " " + test.flags() + " " + clause + " " + test.comment()
                    + (passed ? ": passed" : ": expected " + expected + ", observed " + observed);
        }
    }

    public int passed() {
        return (int) outcomes.stream().filter(TestOutcome::passed).count();
    }

    public int failed() {
        return outcomes.size() - passed();
    }

    /** The failing tests, in corpus order. */
    public List<TestOutcome> failures() {
        return outcomes.stream().filter(outcome -> !outcome.passed()).toList();
    }

    /** One line: {@code "vectors under mach3 on <impl>: 380 passed, 2 failed"}. */
    public String summary() {
        return "vectors under " + profile + " on " + implementation + ": " + passed() + " passed, " + failed() + " failed";
    }
}
