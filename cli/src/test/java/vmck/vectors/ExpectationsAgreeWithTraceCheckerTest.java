package vmck.vectors;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import vmck.conformance.TraceChecker;
import vmck.model.ReferenceVm;
import vmck.scenario.AdapterFailure;
import vmck.scenario.Call;
import vmck.scenario.InProcessExecutor;
import vmck.scenario.Reply;
import vmck.spec.Geometry;
import vmck.spec.KernReturn;
import vmck.spec.Profile;
import vmck.spec.Profiles;

/**
 * An independent check of the expectations: the generator asks the model's decision directly;
 * here the trace checker (which prunes allowed states by what it observes) judges traces built
 * from each expectation.
 */
class ExpectationsAgreeWithTraceCheckerTest {

    private static final VectorCorpus CORPUS = VectorCorpus.generate(Geometry.I386);
    /** Every code any profile could plausibly return for vm_copy. */
    private static final List<Integer> CANDIDATE_CODES = List.of(0, 1, 2, 3, 4, 5, KernReturn.MACH_SEND_INVALID_DEST.code());

    @Test
    void theTraceCheckerAcceptsExactlyTheExpectedCodes() throws AdapterFailure {
        for (Profile profile : Profiles.all()) {
            try (InProcessExecutor reference = new InProcessExecutor(() -> new ReferenceVm(profile, Geometry.I386))) {
                List<Reply> layoutReplies = reference.run(CORPUS.layout());
                for (VectorTest test : CORPUS.tests()) {
                    Expectation expected = test.expected().get(profile.name());
                    for (int code : CANDIDATE_CODES) {
                        List<Call> calls = new ArrayList<>(CORPUS.layout());
                        calls.add(test.call());
                        List<Reply> replies = new ArrayList<>(layoutReplies);
                        replies.add(Reply.of(code));

                        boolean accepted = TraceChecker.check(profile, Geometry.I386, calls, replies).passed();

                        assertThat(accepted).as("%s test %d (%s): code %s", profile.name(), test.id(), test.comment(),
                                KernReturn.describe(code)).isEqualTo(expected.kr().contains(code));
                    }
                }
            }
        }
    }

    @Test
    void theTraceCheckerAcceptsTheReferenceRunWhoseReadsHaveTheExpectedHashes() throws AdapterFailure {
        for (Profile profile : Profiles.all()) {
            try (InProcessExecutor reference = new InProcessExecutor(() -> new ReferenceVm(profile, Geometry.I386))) {
                for (VectorTest test : CORPUS.tests()) {
                    List<Call> calls = test.scenario(CORPUS.layout());
                    List<Reply> replies = reference.run(calls);
                    Expectation expected = test.expected().get(profile.name());
                    String where = profile.name() + " test " + test.id() + " (" + test.comment() + ")";

                    assertThat(TraceChecker.check(profile, Geometry.I386, calls, replies).violation()).as(where).isNull();
                    int firstRead = CORPUS.layout().size() + 1;
                    for (int i = 0; i < test.observe().size(); i++) {
                        Reply read = replies.get(firstRead + i);
                        assertThat(read.kr()).as(where + " read " + i).isEqualTo(expected.readKr().get(i));
                        if (expected.reads().get(i) == null) {
                            assertThat(read.data()).as(where + " read " + i).isNull();
                            continue;
                        }
                        assertThat(expected.reads().get(i)).as(where + " read " + i).contains(Sha256.hex(read.data()));
                    }
                }
            }
        }
    }
}
