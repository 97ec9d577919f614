package vmck.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs a helper command to its end within a deadline: a child that hangs must not hang vmck.
 * Its stdout goes to a temporary file rather than a pipe, so waiting is bounded by the deadline
 * alone (a pipe read would block until every holder of the pipe, a qemu included, closed it).
 */
final class BoundedCommand {

    /** What a command that ended left: its exit status and its stdout as UTF-8. */
    record Ended(int exitStatus, String stdout) {
    }

    private BoundedCommand() {
    }

    /**
     * Runs {@code command} (no shell; stderr discarded) and waits up to {@code deadline} for it.
     *
     * @throws TimeoutException when it is still running at the deadline; it and its descendants are
     *                          then killed, and the message says so
     * @throws IOException      when it cannot be started or its output cannot be read
     */
    static Ended run(List<String> command, Duration deadline) throws IOException, InterruptedException, TimeoutException {
        Path stdout = Files.createTempFile("vmck-command-", ".out");
        try {
            Process process = new ProcessBuilder(command).redirectOutput(stdout.toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            boolean ended;
            try {
                ended = process.waitFor(deadline.toMillis(), TimeUnit.MILLISECONDS);
            } finally {
                // On a timeout, or an interrupt while waiting: nothing it started may outlive vmck.
                if (process.isAlive()) {
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly();
                }
            }
            if (!ended) {
                throw new TimeoutException(String.join(" ", command) + " did not finish within "
                        + deadline.toSeconds() + " s; it was killed");
            }
            return new Ended(process.exitValue(), Files.readString(stdout, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(stdout);
        }
    }
}
