package vmck.scenario;

import java.util.List;

import vmck.spec.Geometry;

/**
 * Runs scenarios against one implementation. Each {@link #run} starts from a fresh live task (slot
 * {@link Call#LIVE_TASK}) and a dead one (slot {@link Call#DEAD_TASK}) and answers every call in
 * order. A protocol adapter sends the whole list before reading any reply (pipelining).
 */
public interface Executor extends AutoCloseable {

    /** The implementation's name for reports. */
    String name();

    /** Page size, address width and user range of the implementation's tasks. */
    Geometry geometry();

    /**
     * Runs {@code calls} on a fresh task and returns one reply per call.
     *
     * @throws AdapterFailure when the implementation cannot be run: it would not start, crashed,
     *                        hung, threw, or broke the protocol (never for a wrong answer)
     */
    List<Reply> run(List<Call> calls) throws AdapterFailure;

    /**
     * Like {@link #run}, but a successful vm_read may come back as a digest of its bytes
     * ({@link Reply#digest()}, {@link ReadDigest}) where the implementation can give one, which
     * spares a slow link the bytes; the suite checks digests against the model's allowed states
     * and runs a failing scenario again with {@link #run} to report the bytes.
     */
    default List<Reply> runDigested(List<Call> calls) throws AdapterFailure {
        return run(calls);
    }

    /**
     * True when {@link #run} may be called from several threads at once (each run on its own fresh
     * instance); a single adapter process serves one scenario at a time.
     */
    default boolean allowsConcurrentRuns() {
        return false;
    }

    @Override
    void close();
}
