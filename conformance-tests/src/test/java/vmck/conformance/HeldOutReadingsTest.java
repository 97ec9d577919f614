package vmck.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.BiFunction;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import vmck.samples.MachMapVm;
import vmck.samples.Mutant;
import vmck.scenario.InProcessExecutor;
import vmck.spec.Geometry;
import vmck.spec.MachVm;
import vmck.spec.Profile;
import vmck.spec.Profile.Check;
import vmck.spec.Profiles;

/**
 * Held-out implementations that differ from the worked example only where the man page is silent
 * (or answers two ways): each must pass under {@code mach3}, the profile named after the text. If the
 * literal profile chose where the text does not, one of them would fail under mach3. (That a kernel
 * decides these questions one way is shown elsewhere: the same readings as mutants are caught under
 * {@code gnumach} by MutantsAreCaughtTest.)
 */
class HeldOutReadingsTest {

    /** Line 92 read first: vm_read's and vm_write's problems, then BUGS' alignment, then count 0. */
    static final class AlignmentLast extends MachMapVm {
        AlignmentLast(Profile profile, Geometry geometry) {
            super(profile, geometry);
        }

        @Override
        protected List<Check> checkOrder() {
            return List.of(Check.TASK, Check.SOURCE, Check.DESTINATION, Check.ALIGNMENT, Check.COUNT_ZERO);
        }
    }

    /** Line 92 for the source only: the source is read, then BUGS, then the destination. */
    static final class AlignmentBetweenRanges extends MachMapVm {
        AlignmentBetweenRanges(Profile profile, Geometry geometry) {
            super(profile, geometry);
        }

        @Override
        protected List<Check> checkOrder() {
            return List.of(Check.TASK, Check.SOURCE, Check.ALIGNMENT, Check.COUNT_ZERO, Check.DESTINATION);
        }
    }

    /**
     * GNU Mach as its profile says (bounds found by the walks, source walk before alignment), but with
     * alignment checked before count 0 as BUGS requires: GNU Mach minus the one thing the text decides.
     */
    static final class GnuMachObeyingBugs extends MachMapVm {
        GnuMachObeyingBugs(Profile ignored, Geometry geometry) {
            super(Profiles.GNUMACH, geometry);
        }

        @Override
        protected List<Check> checkOrder() {
            return List.of(Check.TASK, Check.SOURCE, Check.ALIGNMENT, Check.COUNT_ZERO, Check.DESTINATION);
        }
    }

    static Stream<Arguments> readings() {
        return Stream.of(
                reading("alignment after both ranges (line 92 before BUGS)", AlignmentLast::new),
                reading("alignment between the ranges", AlignmentBetweenRanges::new),
                reading("GNU Mach's orders and bounds, alignment before count 0", GnuMachObeyingBugs::new),
                reading("protection problems before holes within a range (lines 98-104)", Mutant.ERRORS_BY_KIND::create),
                reading("count 0 at an unallocated source is KERN_INVALID_ADDRESS (lines 102-104)",
                        Mutant.EMPTY_COPY_LOOKS_UP_SOURCE::create),
                reading("a failed vm_write leaves the pages before its failing page written (line 92)",
                        Mutant.PARTIAL_WRITES_ON_FAILURE::create));
    }

    private static Arguments reading(String name, BiFunction<Profile, Geometry, ? extends MachVm> factory) {
        return Arguments.of(name, factory);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("readings")
    void aReadingTheTextPermitsPassesUnderMach3(String name, BiFunction<Profile, Geometry, ? extends MachVm> factory) {
        for (long seed = 1; seed <= 2; seed++) {
            SuiteReport report = run(Profiles.MACH3, factory, seed);
            assertThat(report.findings()).as(name + ", seed " + seed).isEmpty();
            assertThat(report.verdict()).as(name + ", seed " + seed).isEqualTo(SuiteReport.Verdict.CONFORMANT);
        }
    }

    private static SuiteReport run(Profile checkedAgainst, BiFunction<Profile, Geometry, ? extends MachVm> factory, long seed) {
        try (InProcessExecutor executor = new InProcessExecutor(() -> factory.apply(checkedAgainst, Geometry.I386))) {
            return new ConformanceSuite(checkedAgainst, SuiteConfig.defaults().withSeed(seed)).run(executor, line -> { });
        }
    }
}
