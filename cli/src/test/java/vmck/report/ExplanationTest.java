package vmck.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import vmck.scenario.Call;
import vmck.scenario.Reply;
import vmck.spec.Geometry;
import vmck.spec.KernReturn;

/** vmck explain: each profile's decision read off the model, so a reader sees why one accepts what another rejects. */
class ExplanationTest {

    @Test
    void gnuMachsCountZeroFirstIsAcceptedByGnumachAndRejectedByTheManPageAsAnOrderViolation() throws Exception {
        // Recorded on the real GNU Mach 1.8 kernel (README, "GNU Mach 1.8 against its manual").
        String text = Explanation.render(TraceFile.read(Path.of("../docs/gnumach-vs-mach3/trace-VMC-ORDER-4.jsonl")));
        assertThat(text).contains("mach3: REJECTS it: VMC-ORDER-4 at call #0")
                .contains("2. ALIGNMENT   finds VMC-ALIGN-1: source_address 0x10001 is not page-aligned -> KERN_INVALID_ARGUMENT (4)   <- decides")
                .contains("not allowed: it is what a later step gives, so the order is wrong: VMC-ORDER-4")
                .contains("gnumach: ACCEPTS the whole trace")
                .contains("2. COUNT_ZERO  finds VMC-ZERO-1: count is 0 -> KERN_SUCCESS (0)   <- decides")
                .contains("ALIGNMENT   not a step of this profile");
    }

    @Test
    void aCallOnADeadTaskIsDecidedByTheTaskStepAndNothingElseIsReached() {
        List<Call> calls = List.of(new Call.VmCopy(Call.DEAD_TASK, 0x10000, 0x1000, 0x20000));
        List<Reply> replies = List.of(Reply.of(KernReturn.KERN_SUCCESS.code()));
        String text = Explanation.render(Geometry.I386, calls, replies, 0, "dead task");
        assertThat(text).contains("mach3: REJECTS it: VMC-TASK-1 at call #0")
                .contains("1. TASK        finds VMC-TASK-1: target_task is not a live task -> KERN_INVALID_ARGUMENT (4)   <- decides")
                .contains("2. ALIGNMENT   not reached: nothing is judged without a live task")
                .contains("allowed: KERN_INVALID_ARGUMENT (4) by VMC-TASK-1 (nothing changes); or MACH_SEND_INVALID_DEST");
    }

    @Test
    void aWrongByteIsExplainedThroughTheCopyThatDecidedTheMemoryItRead() {
        List<Call> calls = List.of(new Call.VmAllocate(Call.LIVE_TASK, 0x10000, 0x4000, false),
                new Call.VmWrite(Call.LIVE_TASK, 0x10000, 0x1000, 1),
                new Call.VmCopy(Call.LIVE_TASK, 0x10000, 0x1000, 0x12000),
                new Call.VmRead(Call.LIVE_TASK, 0x12000, 0x10));
        List<Reply> replies = List.of(Reply.allocated(0, 0x10000), Reply.of(0), Reply.of(0), Reply.read(0, new byte[16]));
        String text = Explanation.render(Geometry.I386, calls, replies, 3, "wrong byte");
        assertThat(text).contains("Call #2, vm_copy(source_address=0x10000, count=0x1000, dest_address=0x12000), decided the memory that call #3 observed")
                .contains("mach3: REJECTS it: VMC-COPY-1 at call #3")
                .contains("allowed: KERN_SUCCESS (0) by VMC-COPY-1 (all 0x1000 bytes copied)")
                .contains("observed: KERN_SUCCESS (0) - allowed; the trace departs later, at call #3");
    }
}
