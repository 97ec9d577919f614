package vmck.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import vmck.scenario.AdapterFailure;
import vmck.scenario.Call;
import vmck.scenario.Reply;

/**
 * Adapters that break the protocol on their first vm_copy (request #6: hello is #1, the two
 * task_creates #2-3, the dead task's termination #4, the vm_allocate #5). Each must end within
 * its timeout as an AdapterFailure naming the request and the cause.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class MisbehavingAdapterTest {

    private static final Call COPY = new Call.VmCopy(Call.LIVE_TASK, 0x10000, 0x1000, 0x11000);
    private static final List<Call> SCENARIO = List.of(new Call.VmAllocate(Call.LIVE_TASK, 0x10000, 0x2000, false), COPY);

    @BeforeAll
    static void needsPython() {
        assumeTrue(Adapters.hasPython3(), "python3 is not installed");
    }

    /** The failure of an adapter that misbehaves at once; the timeout only bounds a hang. */
    private static AdapterFailure failureOf(String mode) throws AdapterFailure {
        return failureOf(mode, Adapters.patient());
    }

    private static AdapterFailure failureOf(String mode, ProcessExecutor.Limits limits) throws AdapterFailure {
        try (ProcessExecutor executor = ProcessExecutor.start(Adapters.misbehaving(mode), limits)) {
            AdapterFailure failure = org.junit.jupiter.api.Assertions.assertThrows(AdapterFailure.class,
                    () -> executor.run(SCENARIO));
            assertThat(failure.getMessage()).contains("request #6 " + COPY.describe())
                    .contains("misbehaving-" + mode);
            return failure;
        }
    }

    @Test
    void neverAnswering() throws AdapterFailure {
        assertThat(failureOf("hang", Adapters.quick()).getMessage()).contains("no response within 1 s")
                .contains("misbehaving on purpose: hang");
    }

    @Test
    void answeringAfterTheTimeout() throws AdapterFailure {
        assertThat(failureOf("late", Adapters.quick()).getMessage()).contains("no response within 1 s");
    }

    @Test
    void exitingMidRunReportsTheExitStatus() throws AdapterFailure {
        assertThat(failureOf("exit").getMessage()).contains("exited with status 7")
                .contains("misbehaving on purpose: exit");
    }

    @Test
    void printingANonJsonLine() throws AdapterFailure {
        assertThat(failureOf("nonjson").getMessage()).contains("is not JSON").contains("this is not json");
    }

    @Test
    void printingA100MegabyteLineFailsAtTheLineBound() throws AdapterFailure {
        assertThat(failureOf("hugeline").getMessage()).contains("longer than 16777216 bytes");
    }

    @Test
    void answeringWithTheWrongId() throws AdapterFailure {
        assertThat(failureOf("wrongid").getMessage()).contains("\"id\": 7 where 6 was expected");
    }

    @Test
    void answeringWithAStringKr() throws AdapterFailure {
        assertThat(failureOf("krstring").getMessage()).contains("field \"kr\" is \"0\"");
    }

    @Test
    void answeringWithAnErrorReply() throws AdapterFailure {
        assertThat(failureOf("errorreply").getMessage()).contains("error reply").contains("no vm_copy here");
    }

    @Test
    void floodingStderrWhileAnsweringCorrectlyStillWorks() throws AdapterFailure {
        try (ProcessExecutor executor = ProcessExecutor.start(Adapters.misbehaving("stderrflood"), Adapters.quick())) {
            List<Reply> replies = executor.run(SCENARIO);
            assertThat(replies).extracting(Reply::kr).containsExactly(0, 0);
        }
    }

    @Test
    void silenceAtStartFailsAtTheStartTimeout() {
        List<String> silent = List.of(Adapters.python3(), "-c", "import time; time.sleep(100)");
        assertThatThrownBy(() -> ProcessExecutor.start(silent, Adapters.quick().withStartTimeout(Duration.ofSeconds(1))))
                .isInstanceOf(AdapterFailure.class).hasMessageContaining("request #1 hello: no response within 1 s");
    }

    @Test
    void exitingAtStartReportsTheStatusAndStderr() {
        List<String> dying = List.of(Adapters.python3(), "-c", "import sys; sys.exit('no kernel image')");
        assertThatThrownBy(() -> ProcessExecutor.start(dying, Adapters.quick()))
                .isInstanceOf(AdapterFailure.class).hasMessageContaining("request #1 hello")
                .hasMessageContaining("exited with status 1").hasMessageContaining("no kernel image");
    }

    @Test
    void commandNotFound() {
        assertThatThrownBy(() -> ProcessExecutor.start(List.of("/nonexistent/vmck-adapter", "--x"), Adapters.quick()))
                .isInstanceOf(AdapterFailure.class).hasMessageContaining("cannot start adapter")
                .hasMessageContaining("/nonexistent/vmck-adapter");
    }

    @Test
    void laterRunsFailAtOnceAfterAFailure() throws AdapterFailure {
        try (ProcessExecutor executor = ProcessExecutor.start(Adapters.misbehaving("krstring"), Adapters.quick())) {
            assertThatThrownBy(() -> executor.run(SCENARIO)).isInstanceOf(AdapterFailure.class);
            assertThatThrownBy(() -> executor.run(List.of())).isInstanceOf(AdapterFailure.class)
                    .hasMessageContaining("failed earlier").hasMessageContaining("request #6 vm_copy(");
        }
    }

    @Test
    void closeKillsTheAdaptersChildren() throws AdapterFailure {
        ProcessExecutor executor = ProcessExecutor.start(Adapters.misbehaving("spawn"), Adapters.quick());
        long sleeper = Long.parseLong(executor.name().substring("misbehaving-spawn ".length()));
        assertThat(Adapters.running(sleeper)).isTrue();
        executor.close();
        assertThat(Adapters.running(sleeper)).isFalse();
    }
}
