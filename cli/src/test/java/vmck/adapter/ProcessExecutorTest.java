package vmck.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import vmck.scenario.AdapterFailure;
import vmck.scenario.Call;
import vmck.scenario.InProcessExecutor;
import vmck.scenario.Reply;
import vmck.spec.Geometry;

/** ProcessExecutor against the reference model served by ProtocolServer in a child JVM. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ProcessExecutorTest {

    private static ProcessExecutor remote;
    private static InProcessExecutor local;

    @BeforeAll
    static void start() throws AdapterFailure {
        remote = ProcessExecutor.start(Adapters.referenceServer(),
                ProcessExecutor.Limits.DEFAULT.withRequestTimeout(Duration.ofSeconds(20)));
        local = new InProcessExecutor(WireCodecTest.ReferenceVmFactory::create);
    }

    @AfterAll
    static void stop() {
        remote.close();
    }

    @Test
    void helloGivesNameAndGeometry() {
        assertThat(remote.name()).isEqualTo(local.name() + " test");
        assertThat(remote.geometry()).isEqualTo(Geometry.I386);
    }

    /**
     * 200 pipelined pairs of a 64 KiB vm_write and a 64 KiB vm_read: 17 MB of requests interleaved
     * with 17 MB of replies, which deadlocks a client that does not read while it writes.
     */
    @Test
    void largePipelinedScenarioGivesTheSameRepliesAsInProcess() throws AdapterFailure {
        List<Call> calls = new ArrayList<>();
        calls.add(new Call.VmAllocate(Call.LIVE_TASK, 0x10_0000, 0x100_0000, false));
        for (int i = 0; i < 200; i++) {
            long address = 0x10_0000 + i * 0x1_0000L;
            calls.add(new Call.VmWrite(Call.LIVE_TASK, address, 0x1_0000, i));
            calls.add(new Call.VmRead(Call.LIVE_TASK, address, 0x1_0000));
        }
        calls.add(new Call.VmCopy(Call.LIVE_TASK, 0x10_0000, 0x4_0000, 0x80_0000));
        calls.add(new Call.VmProtect(Call.LIVE_TASK, 0x90_0000, 0x1000, false, 0));
        calls.add(new Call.VmRead(Call.LIVE_TASK, 0x80_0000, 0x4_0000));
        calls.add(new Call.VmRegion(Call.LIVE_TASK, 0));
        calls.add(new Call.VmCopy(Call.DEAD_TASK, 0x10_0000, 0x1000, 0x20_0000));
        calls.add(new Call.VmCopy(Call.LIVE_TASK, 0x10_0000, 0x1000, 0x90_0000));

        List<Reply> replies = remote.run(calls);

        assertThat(replies).isEqualTo(local.run(calls));
        assertThat(replies.get(2).data()).isEqualTo(vmck.scenario.Pattern.bytes(0, 0x1_0000));
        assertThat(replies.stream().filter(r -> r.data() != null)).hasSize(201);
    }

    @Test
    void everyRunStartsFromAFreshTask() throws AdapterFailure {
        List<Call> calls = List.of(new Call.VmAllocate(Call.LIVE_TASK, 0x4000, 0x1000, false),
                new Call.VmRegion(Call.LIVE_TASK, 0));
        List<Reply> first = remote.run(calls);
        List<Reply> second = remote.run(calls);
        assertThat(second).isEqualTo(first);
        assertThat(first.get(0).kr()).isZero();
    }

    @Test
    void emptyScenarioIsFine() throws AdapterFailure {
        assertThat(remote.run(List.of())).isEmpty();
    }

    @Test
    void closedExecutorRefusesToRun() throws AdapterFailure {
        ProcessExecutor executor = ProcessExecutor.start(Adapters.referenceServer(), Adapters.quick());
        executor.close();
        assertThatThrownBy(() -> executor.run(List.of())).isInstanceOf(IllegalStateException.class);
    }
}
