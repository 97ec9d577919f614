package vmck.junit;

import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import vmck.conformance.ClauseFinding;
import vmck.conformance.ClauseStatus;
import vmck.conformance.ConformanceSuite;
import vmck.conformance.SuiteConfig;
import vmck.conformance.SuiteReport;
import vmck.scenario.InProcessExecutor;
import vmck.spec.Clause;
import vmck.spec.MachVm;
import vmck.spec.Profile;
import vmck.spec.Profiles;

/**
 * The one class a Java implementer writes against: extend it, return a fresh instance of your
 * implementation from {@link #createImplementation()}, and {@code mvn test} runs the whole
 * conformance suite with one JUnit test per clause of SPEC.md.
 *
 * <pre>{@code
 * class MyVmConformanceTest extends VmCopyConformanceTest {
 *     protected MachVm createImplementation() { return new MyVm(); }   // page size and range: MyVm.geometry()
 *     protected Profile profile() { return Profiles.GNUMACH; }          // which answers you promise
 * }
 * }</pre>
 *
 * <p>A passing clause passes; a violated clause fails with its smallest failing scenario; a clause
 * the profile does not have, and an untestable one, are reported as aborted with a message saying
 * which (Surefire shows both as skipped, the message tells them apart); a testable clause that no
 * scenario reached fails, because a check that never ran proves nothing.
 */
public abstract class VmCopyConformanceTest {

    /** A fresh implementation; called once per scenario, so state never leaks between scenarios. */
    protected abstract MachVm createImplementation();

    /** The profile whose answers the implementation promises; the seed man page by default. */
    protected Profile profile() {
        return Profiles.defaultProfile();
    }

    /** How much testing to do; the defaults take seconds for an in-memory implementation. */
    protected SuiteConfig config() {
        return SuiteConfig.defaults();
    }

    @TestFactory
    Stream<DynamicTest> vmCopyClauses() {
        SuiteReport report;
        try (InProcessExecutor executor = new InProcessExecutor(this::createImplementation)) {
            report = new ConformanceSuite(profile(), config()).run(executor, line -> { });
        }
        if (report.adapterFailure() != null) {
            return Stream.of(DynamicTest.dynamicTest("implementation could not be run",
                    () -> Assertions.fail(report.adapterFailure())));
        }
        return report.statuses().entrySet().stream().map(entry -> clauseTest(report, entry));
    }

    private static DynamicTest clauseTest(SuiteReport report, Map.Entry<Clause, ClauseStatus> entry) {
        Clause clause = entry.getKey();
        String name = clause.id() + " · " + clause.title();
        return DynamicTest.dynamicTest(name, () -> {
            switch (entry.getValue()) {
                case PASS -> { }
                case FAIL -> Assertions.fail(describe(report.findings().get(clause)));
                case NOT_APPLICABLE -> Assumptions.abort("not applicable to profile " + report.profile().name());
                case UNTESTABLE -> Assumptions.abort("untestable through a black-box harness (see SPEC.md)");
                case NOT_EXERCISED -> Assertions.fail("no scenario put " + clause.id()
                        + " to the test: 0 checks ran; raise the scenario count in config()");
            }
        });
    }

    private static String describe(ClauseFinding finding) {
        return finding.violation() + "\nsmallest failing scenario (call #" + finding.violation().callIndex() + " departs):\n"
                + finding.scenario().listing();
    }
}
