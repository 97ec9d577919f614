package vmck.adapter;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * An adapter child process and its three pipes, each served by its own daemon thread: requests
 * are written on one, responses read on another, stderr drained into a bounded ring on the third.
 * Writing and reading concurrently is what keeps a pipelined batch with large replies from
 * deadlocking on full pipe buffers; draining stderr continuously keeps a chatty adapter from
 * blocking.
 */
final class AdapterProcess {

    /** What the stdout reader saw, in order. */
    sealed interface Incoming {
        record Line(String text) implements Incoming {
        }

        record Closed() implements Incoming {
        }

        record ReadFailed(IOException cause) implements Incoming {
        }
    }

    /** Few queued lines suffice: the consumer takes them as they come while waiting for replies. */
    private static final int QUEUE_LINES = 64;
    /** How long a dead adapter's last stderr lines may take to be drained; only an orphan holding the pipe makes it last. */
    private static final Duration STDERR_DRAIN_WAIT = Duration.ofSeconds(5);

    private final Process process;
    private final StderrRing stderr = new StderrRing();
    private final BlockingQueue<Incoming> incoming = new LinkedBlockingQueue<>(QUEUE_LINES);
    private final ExecutorService writer;
    private final Thread stderrDrainer;
    private final OutputStream stdin;
    private volatile IOException writeFailure;
    private volatile boolean killed;

    private AdapterProcess(Process process, String label, int maxLineBytes) {
        this.process = process;
        this.stdin = new BufferedOutputStream(process.getOutputStream(), 64 * 1024);
        this.writer = Executors.newSingleThreadExecutor(runnable -> daemon(runnable, label + " stdin"));
        LineReader reader = new LineReader(process.getInputStream(), maxLineBytes);
        daemon(() -> readStdout(reader), label + " stdout").start();
        stderrDrainer = daemon(() -> drainStderr(process.getErrorStream()), label + " stderr");
        stderrDrainer.start();
    }

    /** Starts {@code argv} directly (no shell). */
    static AdapterProcess start(List<String> argv, int maxLineBytes) throws IOException {
        Process process = new ProcessBuilder(argv).start();
        return new AdapterProcess(process, "adapter " + argv.get(0), maxLineBytes);
    }

    /** Queues {@code lines} for writing, each followed by a newline, then flushes; returns at once. */
    void send(List<String> lines) {
        send(lines, false);
    }

    /** Like {@link #send(List)}, then closes stdin: an adapter that ignores quit still sees end of input. */
    void sendLast(List<String> lines) {
        send(lines, true);
    }

    private void send(List<String> lines, boolean thenClose) {
        try {
            writer.execute(() -> write(lines, thenClose));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // killed: nothing reads these any more
        }
    }

    private void write(List<String> lines, boolean thenClose) {
        try {
            for (String line : lines) {
                stdin.write(line.getBytes(StandardCharsets.UTF_8));
                stdin.write('\n');
            }
            stdin.flush();
            if (thenClose) {
                stdin.close();
            }
        } catch (IOException e) {
            if (writeFailure == null) {
                writeFailure = e;
            }
        }
    }

    /** The next thing seen on stdout, or null when nothing came within {@code timeout}. */
    Incoming next(Duration timeout) throws InterruptedException {
        return incoming.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Why writing requests failed, if it did (typically a broken pipe: the adapter is gone). */
    Optional<IOException> writeFailure() {
        return Optional.ofNullable(writeFailure);
    }

    /** The exit status, after waiting up to {@code wait} for the process to end; empty if still running. */
    Optional<Integer> exitStatus(Duration wait) {
        try {
            if (process.waitFor(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                return Optional.of(process.exitValue());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Optional.empty();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /**
     * The last stderr lines. Once the adapter is dead, first lets the drainer read to the end: its
     * last words (the crash message) may still be in the pipe when a busy machine has not yet
     * scheduled the drainer.
     */
    String stderrTail() {
        if (!process.isAlive()) {
            try {
                stderrDrainer.join(STDERR_DRAIN_WAIT.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return stderr.tail();
    }

    /** The process's descendants now: taken before the adapter exits, when they can still be found. */
    List<ProcessHandle> descendants() {
        return process.descendants().toList();
    }

    /**
     * Kills the process and {@code extra} handles (its descendants) forcibly and waits up to
     * {@code wait} for them to be gone; orphans such as a qemu must not outlive vmck.
     */
    void kill(List<ProcessHandle> extra, Duration wait) {
        killed = true;
        incoming.clear(); // unblocks the reader so it can see it is done
        List<ProcessHandle> all = new ArrayList<>(extra);
        all.addAll(process.descendants().toList());
        process.destroyForcibly();
        all.forEach(ProcessHandle::destroyForcibly);
        all.add(process.toHandle());
        long deadline = System.nanoTime() + wait.toNanos();
        for (ProcessHandle handle : all) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            try {
                handle.onExit().get(left, TimeUnit.NANOSECONDS);
            } catch (Exception e) {
                // still going after the bound: nothing more can be done without hanging
            }
        }
        writer.shutdownNow();
    }

    private void readStdout(LineReader reader) {
        try {
            while (true) {
                String line = reader.readLine();
                if (line == null) {
                    incoming.put(new Incoming.Closed());
                    return;
                }
                if (killed) {
                    return;
                }
                incoming.put(new Incoming.Line(line));
            }
        } catch (IOException e) {
            putQuietly(new Incoming.ReadFailed(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void drainStderr(InputStream err) {
        byte[] chunk = new byte[8192];
        try (err) {
            int n;
            while ((n = err.read(chunk)) > 0) {
                stderr.accept(chunk, n);
            }
        } catch (IOException e) {
            // the process is gone; what was read is kept
        }
    }

    private void putQuietly(Incoming item) {
        try {
            incoming.put(item);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(OutputStream out) {
        try {
            out.close();
        } catch (IOException e) {
            // closing a dead pipe
        }
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }
}
