package vmck.engine;

import java.time.Duration;
import java.util.Optional;

/**
 * How a {@link PropertyRunner} runs: an immutable value changed through {@code with...} methods.
 *
 * <p>Defaults: seed 0, 100 scenarios, no time budget, 1 thread, shrinking on; a shrink stops when
 * its passes stall ({@value #DEFAULT_SHRINK_STALL} replays in a row without a simpler failure),
 * with a cap of 5000 replays and no time budget.
 */
public final class RunConfig {

    /** Replays in a row without a simpler failure after which a shrink counts as stalled. */
    public static final int DEFAULT_SHRINK_STALL = 200;

    private final long seed;
    private final long maxScenarios;
    private final Duration timeBudget;
    private final int parallelism;
    private final boolean shrinking;
    private final int shrinkAttempts;
    private final Duration shrinkTimeBudget;
    private final int shrinkStall;

    private RunConfig(long seed, long maxScenarios, Duration timeBudget, int parallelism,
                      boolean shrinking, int shrinkAttempts, Duration shrinkTimeBudget, int shrinkStall) {
        if (maxScenarios < 0) {
            throw new IllegalArgumentException("maxScenarios must be >= 0");
        }
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be >= 1");
        }
        if (shrinkAttempts < 0) {
            throw new IllegalArgumentException("shrinkAttempts must be >= 0");
        }
        if (shrinkStall < 1) {
            throw new IllegalArgumentException("shrinkStall must be >= 1");
        }
        if ((timeBudget != null && timeBudget.isNegative()) || (shrinkTimeBudget != null && shrinkTimeBudget.isNegative())) {
            throw new IllegalArgumentException("budgets must not be negative");
        }
        this.seed = seed;
        this.maxScenarios = maxScenarios;
        this.timeBudget = timeBudget;
        this.parallelism = parallelism;
        this.shrinking = shrinking;
        this.shrinkAttempts = shrinkAttempts;
        this.shrinkTimeBudget = shrinkTimeBudget;
        this.shrinkStall = shrinkStall;
    }

    public static RunConfig defaults() {
        return new RunConfig(0, 100, null, 1, true, 5000, null, DEFAULT_SHRINK_STALL);
    }

    public RunConfig withSeed(long newSeed) {
        return new RunConfig(newSeed, maxScenarios, timeBudget, parallelism, shrinking, shrinkAttempts, shrinkTimeBudget, shrinkStall);
    }

    public RunConfig withMaxScenarios(long newMax) {
        return new RunConfig(seed, newMax, timeBudget, parallelism, shrinking, shrinkAttempts, shrinkTimeBudget, shrinkStall);
    }

    /** Wall-clock budget for running scenarios, checked between scenarios; {@code null} for none. */
    public RunConfig withTimeBudget(Duration budget) {
        return new RunConfig(seed, maxScenarios, budget, parallelism, shrinking, shrinkAttempts, shrinkTimeBudget, shrinkStall);
    }

    public RunConfig withParallelism(int threads) {
        return new RunConfig(seed, maxScenarios, timeBudget, threads, shrinking, shrinkAttempts, shrinkTimeBudget, shrinkStall);
    }

    public RunConfig withShrinking(boolean enabled) {
        return new RunConfig(seed, maxScenarios, timeBudget, parallelism, enabled, shrinkAttempts, shrinkTimeBudget, shrinkStall);
    }

    /** Maximum property evaluations while shrinking; deterministic, unlike a time budget. */
    public RunConfig withShrinkAttempts(int attempts) {
        return new RunConfig(seed, maxScenarios, timeBudget, parallelism, shrinking, attempts, shrinkTimeBudget, shrinkStall);
    }

    /** Wall-clock budget for shrinking one failure; {@code null} for none. */
    public RunConfig withShrinkTimeBudget(Duration budget) {
        return new RunConfig(seed, maxScenarios, timeBudget, parallelism, shrinking, shrinkAttempts, budget, shrinkStall);
    }

    /**
     * How many replays in a row may bring no simpler failure before a shrink stops as stalled;
     * deterministic, and unlike a fixed attempt count it lets a shrink run as long as it pays.
     */
    public RunConfig withShrinkStall(int replays) {
        return new RunConfig(seed, maxScenarios, timeBudget, parallelism, shrinking, shrinkAttempts, shrinkTimeBudget, replays);
    }

    public long seed() {
        return seed;
    }

    public long maxScenarios() {
        return maxScenarios;
    }

    public Optional<Duration> timeBudget() {
        return Optional.ofNullable(timeBudget);
    }

    public int parallelism() {
        return parallelism;
    }

    public boolean shrinking() {
        return shrinking;
    }

    public int shrinkAttempts() {
        return shrinkAttempts;
    }

    public Optional<Duration> shrinkTimeBudget() {
        return Optional.ofNullable(shrinkTimeBudget);
    }

    public int shrinkStall() {
        return shrinkStall;
    }

    @Override
    public String toString() {
        return "RunConfig[seed=" + seed + ", maxScenarios=" + maxScenarios + ", timeBudget=" + timeBudget
                + ", parallelism=" + parallelism + ", shrinking=" + shrinking + ", shrinkAttempts=" + shrinkAttempts
                + ", shrinkTimeBudget=" + shrinkTimeBudget + ", shrinkStall=" + shrinkStall + "]";
    }
}
