package vmck.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A helper command (bench's in-guest rate) runs within a deadline: one that ends gives its status
 * and stdout, one that never ends is an error naming the command, never a hang. The class timeout
 * only bounds a hang; nothing here measures time.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class BoundedCommandTest {

    @Test
    void aCommandThatEndsGivesItsExitStatusAndStdout() throws Exception {
        BoundedCommand.Ended ended = BoundedCommand.run(List.of("sh", "-c", "echo '{\"rate\":5}'; echo oops >&2; exit 3"),
                Duration.ofSeconds(30));
        assertThat(ended.exitStatus()).isEqualTo(3);
        assertThat(ended.stdout()).isEqualTo("{\"rate\":5}\n");
    }

    @Test
    void aCommandThatNeverEndsIsATimeoutNamingItInsteadOfAHang() {
        // sleep 1000 cannot end within the deadline however loaded the machine is.
        assertThatThrownBy(() -> BoundedCommand.run(List.of("sleep", "1000"), Duration.ofSeconds(1)))
                .isInstanceOf(TimeoutException.class).hasMessage("sleep 1000 did not finish within 1 s; it was killed");
    }

    @Test
    void aHungCommandWhoseChildHoldsItsStdoutStillEndsAtTheDeadline() {
        // The background sleep inherits stdout: reading a stdout pipe to its end would wait for it.
        assertThatThrownBy(() -> BoundedCommand.run(List.of("sh", "-c", "sleep 1000 & sleep 1000"), Duration.ofSeconds(1)))
                .isInstanceOf(TimeoutException.class).hasMessageContaining("did not finish within 1 s");
    }

    @Test
    void aCommandThatCannotStartIsAnIoError() {
        assertThatThrownBy(() -> BoundedCommand.run(List.of("/nonexistent/vmck-helper"), Duration.ofSeconds(30)))
                .isInstanceOf(IOException.class).hasMessageContaining("/nonexistent/vmck-helper");
    }
}
