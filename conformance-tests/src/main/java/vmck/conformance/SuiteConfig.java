package vmck.conformance;

import java.time.Duration;

/**
 * How much testing a suite run does.
 *
 * @param seed                 every scenario derives from it: the same seed, the same scenarios
 * @param scenariosPerProperty the most scenarios each property runs
 * @param budget               wall-clock limit for the whole run (split evenly among properties)
 * @param parallelism          threads per property (only for executors that allow it)
 * @param shrinking            whether failures are shrunk to their smallest form
 * @param maxSteps             the most vm_copy/write steps in one scenario
 * @param shrinkBudget         wall-clock limit for all shrinking in the run; a shrink cut short by it
 *                             keeps the simplest failure found so far, and the report says so
 * @param failFast             stop after the first confirmed violation (shrunk and reported)
 */
public record SuiteConfig(long seed, int scenariosPerProperty, Duration budget, int parallelism,
                          boolean shrinking, int maxSteps, Duration shrinkBudget, boolean failFast) {

    /**
     * The default run: 150 scenarios per property within two minutes, on up to two cores when the
     * executor allows (seconds against the in-process model; about two minutes against a kernel),
     * with up to a minute of shrinking, not stopping at the first failure.
     */
    public static SuiteConfig defaults() {
        return new SuiteConfig(1, 150, Duration.ofSeconds(120), Math.min(2, Runtime.getRuntime().availableProcessors()), true, 6,
                Duration.ofSeconds(60), false);
    }

    public SuiteConfig withSeed(long newSeed) {
        return new SuiteConfig(newSeed, scenariosPerProperty, budget, parallelism, shrinking, maxSteps, shrinkBudget, failFast);
    }

    public SuiteConfig withScenarios(int perProperty) {
        return new SuiteConfig(seed, perProperty, budget, parallelism, shrinking, maxSteps, shrinkBudget, failFast);
    }

    public SuiteConfig withBudget(Duration newBudget) {
        return new SuiteConfig(seed, scenariosPerProperty, newBudget, parallelism, shrinking, maxSteps, shrinkBudget, failFast);
    }

    public SuiteConfig withParallelism(int threads) {
        return new SuiteConfig(seed, scenariosPerProperty, budget, threads, shrinking, maxSteps, shrinkBudget, failFast);
    }

    public SuiteConfig withShrinking(boolean enabled) {
        return new SuiteConfig(seed, scenariosPerProperty, budget, parallelism, enabled, maxSteps, shrinkBudget, failFast);
    }

    public SuiteConfig withShrinkBudget(Duration newBudget) {
        return new SuiteConfig(seed, scenariosPerProperty, budget, parallelism, shrinking, maxSteps, newBudget, failFast);
    }

    public SuiteConfig withFailFast(boolean enabled) {
        return new SuiteConfig(seed, scenariosPerProperty, budget, parallelism, shrinking, maxSteps, shrinkBudget, enabled);
    }
}
