package vmck.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import vmck.engine.Coverage;
import vmck.engine.LabelStatistics;
import vmck.engine.Outcome;
import vmck.engine.PropertyRunner;
import vmck.engine.RunConfig;
import vmck.spec.Geometry;
import vmck.spec.Profile;
import vmck.spec.Profiles;

/**
 * The differential generator must keep putting every kind of input to the test: each label below
 * has a stated minimum share of scenarios, and a generator change that starves one fails here.
 */
class GeneratorCoverageTest {

    // About half of what seed 42 gives under either profile, so a real starvation shows and noise does not.
    static final Coverage REQUIRED = Coverage
            .requireShare("outcome", "KERN_SUCCESS (0)", 0.25)
            .andShare("outcome", "KERN_INVALID_ADDRESS (1)", 0.28)
            .andShare("outcome", "KERN_PROTECTION_FAILURE (2)", 0.05)  // xnu-arm64 turns most into invalid addresses
            .andShare("overlap", "forward", 0.20)
            .andShare("overlap", "backward", 0.20)
            .andShare("overlap", "exact", 0.07)
            .andShare("overlap", "disjoint", 0.40)
            .andShare("count", "zero", 0.08)
            .andShare("count", "one-page", 0.20)
            .andShare("count", "few", 0.40)
            .andShare("count", "many", 0.03)
            .andShare("count", "huge", 0.15)
            .andShare("address", "low", 0.30)
            .andShare("address", "high", 0.25)
            .andShare("address", "wrapping", 0.15)
            .andShare("arguments", "unaligned", 0.30)
            .andShare("window-size", "large", 0.04)
            .andShare("decided-by", "VMC-TASK-1", 0.035)
            .andShare("decided-by", "VMC-ZERO-1", 0.05)
            .andShare("decided-by", "VMC-SRC-1", 0.15)
            .andShare("decided-by", "VMC-SRC-2", 0.05)
            .andShare("decided-by", "VMC-DST-1", 0.045)
            .andShare("decided-by", "VMC-DST-2", 0.03)
            .andShare("decided-by", "VMC-RANGE-1", 0.03)
            .andShare("precedence", "VMC-ORDER-1", 0.04)
            .andShare("precedence", "VMC-ORDER-2", 0.01)
            .andShare("step", "write-source-after-copy", 0.03)
            .andShare("step", "write-destination-after-copy", 0.03);

    /** Only profiles with an alignment rule can return KERN_INVALID_ARGUMENT or order it against other checks. */
    static final Coverage ALIGNMENT = Coverage
            .requireShare("outcome", "KERN_INVALID_ARGUMENT (4)", 0.18)
            .andShare("precedence", "VMC-ORDER-3", 0.15)
            .andShare("precedence", "VMC-ORDER-4", 0.025);

    static java.util.List<Profile> profiles() {
        return Profiles.all();
    }

    @ParameterizedTest
    @MethodSource("profiles")
    void everyLabelReachesItsMinimumShare(Profile profile) {
        ScenarioGenerator generator = new ScenarioGenerator(profile, Geometry.I386, Focus.BALANCED, 6);
        RunConfig config = RunConfig.defaults().withSeed(42).withMaxScenarios(600);
        LabelStatistics labels = new PropertyRunner(config).run(generator, (scenario, choices) -> Outcome.pass()).labels();
        assertThat(REQUIRED.unmet(labels)).as(labels.toString()).isEmpty();
        if (profile.requiresAlignment()) {
            assertThat(ALIGNMENT.unmet(labels)).as(labels.toString()).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("profiles")
    void aStarvedLabelIsReported(Profile profile) {
        // The same check must be able to fail: no balanced run reaches 99% wrapping ranges.
        ScenarioGenerator generator = new ScenarioGenerator(profile, Geometry.I386, Focus.BALANCED, 6);
        RunConfig config = RunConfig.defaults().withSeed(42).withMaxScenarios(100);
        LabelStatistics labels = new PropertyRunner(config).run(generator, (scenario, choices) -> Outcome.pass()).labels();
        assertThat(Coverage.requireShare("address", "wrapping", 0.99).unmet(labels)).hasSize(1);
    }

    @ParameterizedTest
    @MethodSource("profiles")
    void everyGeneratedValueIsBelowTwoToTheAddressWidth(Profile profile) {
        // SPEC 1.3: addresses and sizes are below 2^W; a 32-bit target must never be sent a value it cannot hold.
        ScenarioGenerator generator = new ScenarioGenerator(profile, Geometry.I386, Focus.BALANCED, 6);
        RunConfig config = RunConfig.defaults().withSeed(2).withMaxScenarios(600);
        java.util.List<String> tooWide = new java.util.ArrayList<>();
        new PropertyRunner(config).run(generator, (scenario, choices) -> {
            for (vmck.scenario.Call call : scenario.calls()) {
                for (long value : values(call)) {
                    if (!Geometry.I386.fits(value)) {
                        tooWide.add(call.describe());
                    }
                }
            }
            return Outcome.pass();
        });
        assertThat(tooWide).isEmpty();
    }

    private static long[] values(vmck.scenario.Call call) {
        if (call instanceof vmck.scenario.Call.VmCopy c) {
            return new long[] {c.sourceAddress(), c.count(), c.destAddress()};
        } else if (call instanceof vmck.scenario.Call.VmAllocate c) {
            return new long[] {c.address(), c.size()};
        } else if (call instanceof vmck.scenario.Call.VmDeallocate c) {
            return new long[] {c.address(), c.size()};
        } else if (call instanceof vmck.scenario.Call.VmProtect c) {
            return new long[] {c.address(), c.size()};
        } else if (call instanceof vmck.scenario.Call.VmRead c) {
            return new long[] {c.address(), c.size()};
        } else if (call instanceof vmck.scenario.Call.VmWrite c) {
            return new long[] {c.address()};
        } else if (call instanceof vmck.scenario.Call.VmRegion c) {
            return new long[] {c.address()};
        }
        return new long[0];
    }
}
