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
 */
public record SuiteConfig(long seed, int scenariosPerProperty, Duration budget, int parallelism,
                          boolean shrinking, int maxSteps) {

    /**
     * The default run: 150 scenarios per property within two minutes, on up to two cores when the
     * executor allows (seconds against the in-process model; about two minutes against a kernel).
     */
    public static SuiteConfig defaults() {
        return new SuiteConfig(1, 150, Duration.ofSeconds(120), Math.min(2, Runtime.getRuntime().availableProcessors()), true, 6);
    }

    public SuiteConfig withSeed(long newSeed) {
        return new SuiteConfig(newSeed, scenariosPerProperty, budget, parallelism, shrinking, maxSteps);
    }

    public SuiteConfig withScenarios(int perProperty) {
        return new SuiteConfig(seed, perProperty, budget, parallelism, shrinking, maxSteps);
    }

    public SuiteConfig withBudget(Duration newBudget) {
        return new SuiteConfig(seed, scenariosPerProperty, newBudget, parallelism, shrinking, maxSteps);
    }

    public SuiteConfig withParallelism(int threads) {
        return new SuiteConfig(seed, scenariosPerProperty, budget, threads, shrinking, maxSteps);
    }

    public SuiteConfig withShrinking(boolean enabled) {
        return new SuiteConfig(seed, scenariosPerProperty, budget, parallelism, enabled, maxSteps);
    }
}
