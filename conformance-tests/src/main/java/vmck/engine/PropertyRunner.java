package vmck.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Runs a property over many generated scenarios, then shrinks the first failure.
 *
 * <p>Scenario {@code i} draws from {@link Choices#forScenario(long, long) Choices.forScenario(seed, i)},
 * so a seed fixes every scenario regardless of thread count or timing. The reported failure is
 * the failing scenario with the lowest index: once one fails, no higher index is started, and
 * every lower index has already been started. For a run bounded by scenario count (not time)
 * the whole result, durations aside, is therefore deterministic.
 *
 * <p>The generator and property must be safe to call from several threads when
 * {@link RunConfig#parallelism()} is above 1. A property that never returns blocks the run:
 * the time budget is only checked between scenarios.
 */
public final class PropertyRunner {

    private final RunConfig config;
    /** Nanoseconds for the run's time budget: System.nanoTime, or a test's own clock so a budget test never races the machine. */
    private final LongSupplier clock;

    public PropertyRunner(RunConfig config) {
        this(config, System::nanoTime);
    }

    PropertyRunner(RunConfig config, LongSupplier clock) {
        this.config = config;
        this.clock = clock;
    }

    public RunConfig config() {
        return config;
    }

    /** Runs up to {@link RunConfig#maxScenarios()} scenarios, stopping at the first failure or the time budget. */
    public <T> RunResult<T> run(Generator<T> generator, Property<T> property) {
        long startNanos = clock.getAsLong();
        long deadlineNanos = config.timeBudget().map(b -> startNanos + saturatedNanos(b)).orElse(Long.MAX_VALUE);
        OrderedTally tally = new OrderedTally();
        AtomicLong nextIndex = new AtomicLong();
        AtomicLong lowestFailure = new AtomicLong(Long.MAX_VALUE);
        AtomicBoolean budgetSpent = new AtomicBoolean();
        // Keyed by index; read by key only, so map ordering never shows in results.
        ConcurrentHashMap<Long, ScenarioRun<T>> failures = new ConcurrentHashMap<>();

        Runnable worker = () -> {
            while (true) {
                if (deadlineNanos != Long.MAX_VALUE && clock.getAsLong() - deadlineNanos >= 0) {
                    budgetSpent.set(true);
                    return;
                }
                long index = nextIndex.getAndIncrement();
                if (index >= config.maxScenarios() || index > lowestFailure.get()) {
                    return;
                }
                ScenarioRun<T> run = ScenarioRun.execute(generator, property, Choices.forScenario(config.seed(), index));
                if (run.outcome().isFailure()) {
                    failures.put(index, run);
                    lowestFailure.accumulateAndGet(index, Math::min);
                }
                tally.submit(index, run.outcome().kind(), run.labels(), clock.getAsLong());
            }
        };
        runWorkers(worker);

        long failureIndex = tally.failureIndex();
        Optional<Failure<T>> failure = Optional.empty();
        StopReason stopReason;
        if (failureIndex >= 0) {
            stopReason = StopReason.FAILURE;
            Duration toFailure = Duration.ofNanos(tally.failureNanos() - startNanos);
            failure = Optional.of(shrunkFailure(generator, property, failures.get(failureIndex), failureIndex, toFailure));
        } else {
            stopReason = budgetSpent.get() ? StopReason.TIME_BUDGET : StopReason.MAX_SCENARIOS;
        }
        long examples = tally.passed() + tally.discarded() + (failureIndex >= 0 ? 1 : 0);
        return new RunResult<>(config.seed(), examples, tally.passed(), tally.discarded(), stopReason,
                failure, tally.labels(), Duration.ofNanos(clock.getAsLong() - startNanos));
    }

    /** Executes one scenario from recorded choices, for example a saved trace. */
    public <T> ScenarioRun<T> replay(Generator<T> generator, Property<T> property, ChoiceSequence choices) {
        return ScenarioRun.execute(generator, property, Choices.replay(choices));
    }

    /**
     * Shrinks a failing sequence, for example a saved trace, using this runner's shrink budget
     * (even when shrinking is switched off for runs); empty if the sequence does not fail.
     */
    public <T> Optional<Failure<T>> shrink(Generator<T> generator, Property<T> property, ChoiceSequence failing) {
        ScenarioRun<T> run = replay(generator, property, failing);
        if (!run.outcome().isFailure()) {
            return Optional.empty();
        }
        return Optional.of(shrink(generator, property, run, -1, Duration.ZERO, true));
    }

    private <T> Failure<T> shrunkFailure(Generator<T> generator, Property<T> property, ScenarioRun<T> original,
                                         long index, Duration toFailure) {
        return shrink(generator, property, original, index, toFailure, config.shrinking());
    }

    private <T> Failure<T> shrink(Generator<T> generator, Property<T> property, ScenarioRun<T> original,
                                  long index, Duration toFailure, boolean shrinking) {
        long shrinkStart = System.nanoTime();
        ScenarioRun<T> shrunk = original;
        int steps = 0;
        int attempts = 0;
        ShrinkStop stop = ShrinkStop.OFF;
        if (shrinking) {
            Shrinker<T> shrinker = new Shrinker<>(choices -> replay(generator, property, choices), original,
                    config.shrinkAttempts(), config.shrinkStall(), config.shrinkTimeBudget().orElse(null));
            shrunk = shrinker.shrink();
            steps = shrinker.steps();
            attempts = shrinker.attempts();
            stop = shrinker.stop();
        }
        Duration shrinkTime = Duration.ofNanos(System.nanoTime() - shrinkStart);
        return new Failure<>(index, shrunk.outcome().key(), shrunk.outcome().message(), original.outcome().message(),
                original.choices(), regenerate(generator, original.choices()),
                shrunk.choices(), regenerate(generator, shrunk.choices()),
                shrunk.cause(), toFailure, shrinkTime, steps, attempts, stop);
    }

    /** A pristine copy of the value, in case the property mutated the one it checked. */
    private static <T> T regenerate(Generator<T> generator, ChoiceSequence choices) {
        try {
            return generator.replay(choices);
        } catch (RuntimeException | Error e) {
            return null;
        }
    }

    private void runWorkers(Runnable worker) {
        int threads = config.parallelism();
        if (threads == 1) {
            worker.run();
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "vmck-engine-worker");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit(worker));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running scenarios", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a scenario worker crashed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static long saturatedNanos(Duration duration) {
        try {
            return duration.toNanos();
        } catch (ArithmeticException tooLong) {
            return Long.MAX_VALUE / 2;
        }
    }
}
