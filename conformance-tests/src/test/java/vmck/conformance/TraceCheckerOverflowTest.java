package vmck.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import vmck.scenario.Call;
import vmck.scenario.Pattern;
import vmck.scenario.Reply;
import vmck.spec.Clause;
import vmck.spec.Geometry;
import vmck.spec.Profiles;

/**
 * Copies may allow more memory states than the checker keeps ({@link AllowedStates#MAX_STATES}):
 * under mach3 a copy that fails on its destination may, or may not, leave the pages before the
 * failing one written (VMC-ATOMIC-1), so five such copies allow 32 states. The checker must then
 * stop judging memory rather than blame an implementation for a state it dropped.
 */
class TraceCheckerOverflowTest {

    private static final long PAGE = 0x1000;
    private static final long SOURCE = 0x100000;
    private static final int FAILING_COPIES = 5; // 2^5 = 32 states > MAX_STATES

    private static long destinationAddress(int i) {
        return 0x200000 + i * 0x10000L; // one writable page, then a hole
    }

    @Test
    void aStateTheCheckerCouldNotKeepIsNeverBlamed() {
        Trace trace = new Trace().source(true);
        for (int i = 0; i < FAILING_COPIES; i++) {
            trace.destination(i);
        }
        for (int i = 0; i < FAILING_COPIES; i++) {
            trace.failingCopy(i); // this implementation wrote each destination's page first
        }
        trace.readDestination(Pattern.bytes(1, (int) PAGE));

        assertThat(trace.check().violation()).isNull();
    }

    @Test
    void aRepeatedFailingCopyAddsNoStatesSoMemoryIsStillJudged() {
        // The same destination-failing copy six times: each leaves the page written or not, the
        // same two states every time (64 outcomes, 2 states), so a byte no state allows is caught.
        Trace trace = new Trace().source(true).destination(0);
        for (int i = 0; i < 6; i++) {
            trace.failingCopy(0);
        }
        trace.readDestination(Pattern.bytes(7, (int) PAGE)); // neither zeros nor the source's

        TraceChecker.Result result = trace.check();

        assertThat(result.violation()).isNotNull();
        assertThat(result.violation().clause()).isEqualTo(Clause.VMC_ATOMIC_1);
    }

    @Test
    void theCheckerJudgesMemoryUpToTheOverflow() {
        // With one failing copy fewer the states fit, and a byte no state allows is still caught.
        Trace trace = new Trace().source(false).destination(0).failingCopy(0)
                .readDestination(Pattern.bytes(7, (int) PAGE)); // neither zeros nor the source's

        TraceChecker.Result result = trace.check();

        assertThat(result.violation()).isNotNull();
        assertThat(result.violation().clause()).isEqualTo(Clause.VMC_ATOMIC_1);
    }

    /** Calls and the replies an implementation gave, built up step by step. */
    private static final class Trace {
        private final List<Call> calls = new ArrayList<>();
        private final List<Reply> replies = new ArrayList<>();

        private Trace add(Call call, Reply reply) {
            calls.add(call);
            replies.add(reply);
            return this;
        }

        /** Two source pages, the first written with pattern 1 when {@code written}. */
        Trace source(boolean written) {
            add(new Call.VmAllocate(Call.LIVE_TASK, SOURCE, 2 * PAGE, false), Reply.allocated(0, SOURCE));
            return written ? add(new Call.VmWrite(Call.LIVE_TASK, SOURCE, (int) PAGE, 1), Reply.of(0)) : this;
        }

        Trace destination(int i) {
            return add(new Call.VmAllocate(Call.LIVE_TASK, destinationAddress(i), PAGE, false), Reply.allocated(0, destinationAddress(i)));
        }

        /** A two-page copy to destination i, failing at the hole after its page. */
        Trace failingCopy(int i) {
            return add(new Call.VmCopy(Call.LIVE_TASK, SOURCE, 2 * PAGE, destinationAddress(i)), Reply.of(1));
        }

        Trace readDestination(byte[] observed) {
            return add(new Call.VmRead(Call.LIVE_TASK, destinationAddress(0), PAGE), Reply.read(0, observed));
        }

        TraceChecker.Result check() {
            return TraceChecker.check(Profiles.MACH3, Geometry.I386, calls, replies);
        }
    }
}
