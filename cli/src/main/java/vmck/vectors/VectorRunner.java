package vmck.vectors;

import java.util.ArrayList;
import java.util.List;

import vmck.scenario.AdapterFailure;
import vmck.scenario.Call;
import vmck.scenario.Executor;
import vmck.scenario.Reply;
import vmck.spec.Geometry;
import vmck.spec.KernReturn;
import vmck.spec.Profile;

/** Runs a corpus against an implementation and compares what it does with a profile's expectations. */
public final class VectorRunner {

    private VectorRunner() {
    }

    /**
     * Runs every test as one scenario (layout, copy, observing reads) through {@code executor}
     * and checks the copy's code against the allowed ones and each read against its expected
     * code and SHA-256.
     *
     * @throws IllegalArgumentException when the executor's geometry is not the corpus's, or the
     *                                  corpus has no expectations for {@code profile}
     * @throws AdapterFailure           when the implementation cannot be run
     */
    public static VectorResult run(VectorCorpus corpus, Executor executor, Profile profile) throws AdapterFailure {
        if (!executor.geometry().equals(corpus.geometry())) {
            throw new IllegalArgumentException("the vectors are for " + describe(corpus.geometry()) + " but "
                    + executor.name() + " has " + describe(executor.geometry()));
        }
        List<VectorResult.TestOutcome> outcomes = new ArrayList<>();
        for (VectorTest test : corpus.tests()) {
            Expectation expectation = test.expected().get(profile.name());
            if (expectation == null) {
                throw new IllegalArgumentException("test " + test.id() + " has no expectation for profile "
                        + profile.name() + " (it has " + test.expected().keySet() + ")");
            }
            List<Reply> replies = executor.run(test.scenario(corpus.layout()));
            outcomes.add(judge(corpus.layout(), test, expectation, replies));
        }
        return new VectorResult(profile.name(), executor.name(), outcomes);
    }

    static VectorResult.TestOutcome judge(List<Call> layout, VectorTest test, Expectation expectation, List<Reply> replies) {
        String clause = expectation.clause();
        int expectedReplies = layout.size() + 1 + test.observe().size();
        if (replies.size() != expectedReplies) {
            return fail(test, clause, expectedReplies + " replies", replies.size() + " replies");
        }
        for (int i = 0; i < layout.size(); i++) {
            if (replies.get(i).kr() != KernReturn.KERN_SUCCESS.code()) {
                return fail(test, clause, "layout call " + layout.get(i).describe() + " to succeed",
                        KernReturn.describe(replies.get(i).kr()));
            }
        }
        int copyKr = replies.get(layout.size()).kr();
        if (!expectation.kr().contains(copyKr)) {
            return fail(test, clause, "vm_copy " + describeCodes(expectation.kr()), KernReturn.describe(copyKr));
        }
        for (int i = 0; i < test.observe().size(); i++) {
            Reply reply = replies.get(layout.size() + 1 + i);
            Call.VmRead read = test.observe().get(i);
            int wantedKr = expectation.readKr().get(i);
            if (reply.kr() != wantedKr) {
                return fail(test, clause, read.describe() + " " + KernReturn.describe(wantedKr),
                        KernReturn.describe(reply.kr()));
            }
            List<String> wanted = expectation.reads().get(i);
            if (wanted == null) {
                continue;
            }
            String got = reply.data() == null ? "no data" : Sha256.hex(reply.data());
            if (!wanted.contains(got)) {
                return fail(test, clause, read.describe() + " bytes with sha256 " + String.join(" or ", wanted), "sha256 " + got);
            }
        }
        return new VectorResult.TestOutcome(test, true, clause, null, null);
    }

    private static VectorResult.TestOutcome fail(VectorTest test, String clause, String expected, String observed) {
        return new VectorResult.TestOutcome(test, false, clause, expected, observed);
    }

    private static String describeCodes(List<Integer> codes) {
        return String.join(" or ", codes.stream().map(KernReturn::describe).toList());
    }

    private static String describe(Geometry geometry) {
        return "page size " + geometry.pageSize() + ", " + geometry.addressBits() + "-bit addresses, user range ["
                + Geometry.hex(geometry.minAddress()) + ", " + Geometry.hex(geometry.maxAddress()) + ")";
    }
}
