package vmck.adapter;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import vmck.scenario.AdapterFailure;
import vmck.scenario.Call;
import vmck.scenario.Executor;
import vmck.scenario.Reply;
import vmck.spec.Geometry;

/**
 * Several instances of one adapter (for a kernel: one qemu each) serving scenarios at once. A run
 * borrows an idle instance, so scenarios run concurrently and each still starts on a fresh task;
 * which instance serves a scenario never matters, since every instance is the same implementation.
 */
public final class ExecutorPool implements Executor {

    /** Starts one instance. */
    @FunctionalInterface
    public interface Starter {
        Executor start() throws AdapterFailure;
    }

    private final List<Executor> all;
    private final BlockingQueue<Executor> idle;

    private ExecutorPool(List<Executor> all) {
        this.all = List.copyOf(all);
        this.idle = new ArrayBlockingQueue<>(all.size(), false, all);
    }

    /**
     * Starts {@code instances} adapters at once (a kernel boots in parallel) and checks they describe
     * the same implementation; on any failure the ones started are closed.
     */
    public static ExecutorPool start(int instances, Starter starter) throws AdapterFailure {
        if (instances < 1) {
            throw new IllegalArgumentException("instances must be >= 1");
        }
        ExecutorService boot = Executors.newFixedThreadPool(instances, task -> {
            Thread thread = new Thread(task, "vmck-adapter-start");
            thread.setDaemon(true);
            return thread;
        });
        List<Future<Executor>> futures = new ArrayList<>();
        for (int i = 0; i < instances; i++) {
            futures.add(boot.submit(starter::start));
        }
        List<Executor> started = new ArrayList<>();
        AdapterFailure failure = null;
        for (Future<Executor> future : futures) {
            try {
                started.add(future.get());
            } catch (ExecutionException e) {
                if (failure == null) {
                    failure = e.getCause() instanceof AdapterFailure f ? f
                            : new AdapterFailure("starting an adapter instance failed: " + e.getCause(), e.getCause());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = new AdapterFailure("interrupted while starting adapters", e);
            }
        }
        boot.shutdownNow();
        if (failure == null) {
            for (Executor executor : started) {
                if (!executor.geometry().equals(started.get(0).geometry()) || !executor.name().equals(started.get(0).name())) {
                    failure = new AdapterFailure("adapter instances disagree: " + started.get(0).name() + " "
                            + started.get(0).geometry() + " vs " + executor.name() + " " + executor.geometry());
                }
            }
        }
        if (failure != null) {
            started.forEach(Executor::close);
            throw failure;
        }
        return new ExecutorPool(started);
    }

    @Override
    public String name() {
        return all.get(0).name();
    }

    @Override
    public Geometry geometry() {
        return all.get(0).geometry();
    }

    @Override
    public List<Reply> run(List<Call> calls) throws AdapterFailure {
        return onIdleInstance(executor -> executor.run(calls));
    }

    @Override
    public List<Reply> runDigested(List<Call> calls) throws AdapterFailure {
        return onIdleInstance(executor -> executor.runDigested(calls));
    }

    private interface Run {
        List<Reply> on(Executor executor) throws AdapterFailure;
    }

    /** Runs on an idle instance, which goes back to the idle ones afterwards whatever happened. */
    private List<Reply> onIdleInstance(Run run) throws AdapterFailure {
        Executor executor = borrow();
        try {
            return run.on(executor);
        } finally {
            idle.add(executor);
        }
    }

    private Executor borrow() throws AdapterFailure {
        try {
            return idle.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AdapterFailure("interrupted while waiting for an adapter instance", e);
        }
    }

    @Override
    public boolean allowsConcurrentRuns() {
        return all.size() > 1;
    }

    /** How many instances serve. */
    public int instances() {
        return all.size();
    }

    @Override
    public void close() {
        all.forEach(Executor::close);
    }
}
