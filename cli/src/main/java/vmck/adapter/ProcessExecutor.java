package vmck.adapter;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import vmck.adapter.AdapterProcess.Incoming;
import vmck.json.JsonFields;
import vmck.json.JsonFormatException;
import vmck.adapter.WireCodec.Request;
import vmck.scenario.AdapterFailure;
import vmck.scenario.Call;
import vmck.scenario.Executor;
import vmck.scenario.Reply;
import vmck.spec.Geometry;

/**
 * Runs scenarios against an adapter child process speaking protocol v1 (spec/PROTOCOL.md).
 *
 * <p>Each {@link #run} creates two tasks in one pipelined batch, then sends the dead task's
 * termination, the whole scenario and the live task's termination as a second batch, reading
 * replies while it writes. Any breach of the protocol, crash or hang is an {@link AdapterFailure}
 * naming the request and the cause, with the adapter's last stderr lines; after one the executor
 * is spent (the adapter is killed) and every later run fails at once.
 */
public final class ProcessExecutor implements Executor {

    /**
     * Bounds on the adapter.
     *
     * @param requestTimeout how long the oldest unanswered request may wait for its response
     * @param startTimeout   how long the adapter may take to answer hello (a kernel may need to boot)
     * @param maxLineBytes   longest response line accepted
     */
    public record Limits(Duration requestTimeout, Duration startTimeout, int maxLineBytes) {
        public static final Limits DEFAULT = new Limits(Duration.ofSeconds(10), Duration.ofSeconds(60), 16 << 20);

        public Limits withRequestTimeout(Duration timeout) {
            return new Limits(timeout, startTimeout, maxLineBytes);
        }

        public Limits withStartTimeout(Duration timeout) {
            return new Limits(requestTimeout, timeout, maxLineBytes);
        }

        public Limits withMaxLineBytes(int bytes) {
            return new Limits(requestTimeout, startTimeout, bytes);
        }
    }

    /** How long close() lets the adapter act on quit before killing it. */
    private static final Duration QUIT_GRACE = Duration.ofSeconds(2);
    private static final Duration KILL_WAIT = Duration.ofSeconds(2);
    private static final Set<ProcessExecutor> RUNNING = ConcurrentHashMap.newKeySet();

    static {
        // Ctrl-C must not leave adapters (or the qemu they started) behind.
        Runtime.getRuntime().addShutdownHook(new Thread(
                () -> RUNNING.forEach(executor -> executor.process.kill(List.of(), Duration.ZERO)),
                "vmck adapter reaper"));
    }

    private final List<String> argv;
    private final Limits limits;
    private final AdapterProcess process;
    private String name;
    private Geometry geometry;
    private java.util.Set<String> capabilities = java.util.Set.of();
    private long nextId = 1;
    /** The two task_create answers sent with the previous scenario, for the next one. */
    private List<Answer> prepared;
    private String failure;
    private boolean closed;

    private ProcessExecutor(List<String> argv, Limits limits, AdapterProcess process) {
        this.argv = List.copyOf(argv);
        this.limits = limits;
        this.process = process;
        this.name = argv.get(0);
    }

    /** Starts the adapter {@code argv} (see {@link ShellWords#split}) with default limits and greets it. */
    public static ProcessExecutor start(List<String> argv) throws AdapterFailure {
        return start(argv, Limits.DEFAULT);
    }

    /**
     * Starts the adapter {@code argv} directly (no shell) and checks its hello.
     *
     * @throws AdapterFailure when it cannot be started or its hello is missing or wrong
     */
    public static ProcessExecutor start(List<String> argv, Limits limits) throws AdapterFailure {
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("empty adapter command");
        }
        AdapterProcess process;
        try {
            process = AdapterProcess.start(argv, limits.maxLineBytes());
        } catch (IOException e) {
            throw new AdapterFailure("cannot start adapter " + argv + ": " + e.getMessage(), e);
        }
        ProcessExecutor executor = new ProcessExecutor(argv, limits, process);
        RUNNING.add(executor);
        executor.greet();
        return executor;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Geometry geometry() {
        return geometry;
    }

    /** The optional protocol capabilities the adapter took up in hello. */
    public java.util.Set<String> capabilities() {
        return capabilities;
    }

    @Override
    public List<Reply> run(List<Call> calls) throws AdapterFailure {
        return run(calls, false);
    }

    @Override
    public List<Reply> runDigested(List<Call> calls) throws AdapterFailure {
        return run(calls, true);
    }

    private List<Reply> run(List<Call> calls, boolean digests) throws AdapterFailure {
        if (closed) {
            throw new IllegalStateException("executor closed");
        }
        if (failure != null) {
            throw new AdapterFailure("adapter " + name + " failed earlier: " + failure);
        }
        List<Answer> created = prepared != null ? prepared : exchange(taskCreates(), limits.requestTimeout());
        prepared = null;
        long live = taskHandle(created.get(0));
        long dead = taskHandle(created.get(1));
        long[] handles = {live, dead};

        List<Request> batch = new ArrayList<>(calls.size() + 4);
        batch.add(WireCodec.taskTerminate(nextId++, dead, "dead"));
        for (Call call : calls) {
            batch.add(WireCodec.call(nextId++, call, handles, capabilities, digests));
        }
        batch.add(WireCodec.taskTerminate(nextId++, live, "live"));
        // The next scenario's tasks ride along: it saves a round trip per scenario, which is most
        // of the cost of short scenarios on a slow transport. Unused ones die with the adapter.
        batch.addAll(taskCreates());
        List<Answer> answers = exchange(batch, limits.requestTimeout());
        prepared = answers.subList(answers.size() - 2, answers.size());
        if (answers.get(0).kr() != 0) {
            throw fail(batch.get(0), "terminating the dead task answered kr " + answers.get(0).kr());
        }
        return answers.subList(1, calls.size() + 1).stream().map(Answer::reply).toList();
    }

    private List<Request> taskCreates() {
        return List.of(WireCodec.taskCreate(nextId++), WireCodec.taskCreate(nextId++));
    }

    /** Sends quit, gives the adapter a moment to exit, then kills it and all its descendants. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        List<ProcessHandle> descendants = process.descendants();
        if (failure == null && process.isAlive()) {
            process.sendLast(List.of(WireCodec.quit(nextId++).line()));
            process.exitStatus(QUIT_GRACE);
        }
        process.kill(descendants, KILL_WAIT);
        RUNNING.remove(this);
    }

    private void greet() throws AdapterFailure {
        Request hello = WireCodec.hello(nextId++);
        JsonFields response = exchange(List.of(hello), limits.startTimeout()).get(0).fields();
        try {
            WireCodec.Hello h = WireCodec.hello(response);
            this.name = h.version().isEmpty() ? h.name() : h.name() + " " + h.version();
            this.geometry = h.geometry();
            this.capabilities = h.capabilities();
        } catch (JsonFormatException e) {
            throw fail(hello, e.getMessage());
        }
    }

    /**
     * A checked response: every response but hello's and quit's has an integer kr, and a scenario
     * call's response is decoded into its reply as soon as it arrives, so a breach is reported on
     * the request that caused it rather than as a hang on the next one.
     */
    private record Answer(Request request, JsonFields fields, int kr, Reply reply) {
    }

    /**
     * Sends {@code batch} pipelined and returns the checked responses in order. Each request may
     * wait {@code timeout} from the moment it becomes the oldest unanswered one.
     */
    private List<Answer> exchange(List<Request> batch, Duration timeout) throws AdapterFailure {
        process.send(batch.stream().map(Request::line).toList());
        List<Answer> answers = new ArrayList<>(batch.size());
        for (Request request : batch) {
            String line = nextLine(request, timeout);
            try {
                JsonFields fields = WireCodec.response(line, request);
                if (request.call() != null) {
                    Reply reply = WireCodec.reply(request.call(), fields, request.digestAsked());
                    answers.add(new Answer(request, fields, reply.kr(), reply));
                } else {
                    int kr = request.op().startsWith("task_") ? fields.kr() : 0;
                    answers.add(new Answer(request, fields, kr, null));
                }
            } catch (JsonFormatException e) {
                throw fail(request, e.getMessage());
            }
        }
        return answers;
    }

    /** The next response line for {@code request}; anything else (timeout, exit, overlong line) fails. */
    private String nextLine(Request request, Duration timeout) throws AdapterFailure {
        Incoming incoming;
        try {
            incoming = process.next(timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw fail(request, "interrupted while waiting for the response");
        }
        if (incoming instanceof Incoming.Line line) {
            return line.text();
        }
        if (incoming == null) {
            throw fail(request, "no response within " + seconds(timeout)
                    + process.writeFailure().map(e -> " (sending requests failed: " + e.getMessage() + ")").orElse(""));
        }
        if (incoming instanceof Incoming.ReadFailed failed) {
            throw fail(request, failed.cause() instanceof LineReader.LineTooLongException
                    ? "response " + failed.cause().getMessage() : "reading the response failed: " + failed.cause());
        }
        // Its stdout closed: it is exiting. It gets as long as a request would to do so, so a busy machine
        // does not turn its exit status into "closed its stdout".
        Optional<Integer> status = process.exitStatus(timeout.compareTo(KILL_WAIT) > 0 ? timeout : KILL_WAIT);
        throw fail(request, status.map(s -> "adapter exited with status " + s + " before answering")
                .orElse("adapter closed its stdout before answering"));
    }

    private long taskHandle(Answer created) throws AdapterFailure {
        if (created.kr() != 0) {
            throw fail(created.request(), "task_create answered kr " + created.kr());
        }
        try {
            return created.fields().taskHandle("task");
        } catch (JsonFormatException e) {
            throw fail(created.request(), e.getMessage());
        }
    }

    /** Spends the executor: records the failure, kills the adapter, and builds the report. */
    private AdapterFailure fail(Request request, String cause) {
        String where = "request #" + request.id() + " " + request.description(); // descriptions start with the op
        failure = where + ": " + cause;
        process.kill(process.descendants(), KILL_WAIT);
        RUNNING.remove(this);
        String stderr = process.stderrTail();
        return new AdapterFailure("adapter " + name + " " + argv + " failed on " + failure
                + (stderr.isEmpty() ? "\n(adapter stderr was empty)" : "\nlast adapter stderr lines:\n" + stderr));
    }

    private static String seconds(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }
}
