package vmck.junit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import vmck.conformance.ClauseFinding;
import vmck.conformance.ClauseStatus;
import vmck.conformance.SuiteConfig;
import vmck.spec.Clause;
import vmck.spec.MachVm;
import vmck.spec.Profile;
import vmck.spec.Profiles;

/**
 * The one class a Java implementer writes against: extend it, return a fresh instance of your
 * implementation from {@link #createImplementation()}, and {@code mvn test} runs the conformance
 * suite with one JUnit test per clause of SPEC.md.
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
 *
 * <p><b>One clause at a time.</b> Each clause's test computes its verdict when it executes. A
 * whole-class run runs the whole suite once, when its first test executes, and every test reads
 * its verdict from it (the verdicts of {@code vmck check}). Re-running one clause's test from an
 * IDE runs only that clause's part of the suite: the two general properties and the clause's own
 * focused property (a violation that only another clause's property meets on the side is then
 * missed; the whole-class run finds it). Surefire's {@code -Dtest} selects methods, not the tests a
 * factory makes, so from Maven name the clauses in the system property {@value #CLAUSE_PROPERTY}:
 * {@code mvn test -Dtest=MyVmConformanceTest -Dvmck.clause=VMC-COPY-1,VMC-ORDER-2} runs those
 * clauses alone. Each test's source is the clause's heading in the SPEC.md the kit carries (an IDE
 * opens it there), and its URI's fragment is the heading's Markdown anchor.
 *
 * <p><b>JUnit.</b> The kit brings no JUnit of its own: it works with the adopter's JUnit Jupiter
 * 5.10 or newer, 5.x or 6.x. On an older one every clause's test fails saying so.
 */
public abstract class VmCopyConformanceTest {

    /** System property (comma-separated clause IDs) that limits the run to those clauses' tests. */
    public static final String CLAUSE_PROPERTY = "vmck.clause";
    /** The oldest JUnit Jupiter the kit is built and tested against. */
    static final int[] OLDEST_JUNIT = {5, 10};

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
        String unsupported = unsupportedJunit(TestFactory.class.getPackage().getImplementationVersion());
        if (unsupported != null) {
            return Stream.of(DynamicTest.dynamicTest("JUnit too old for vmck", () -> Assertions.fail(unsupported)));
        }
        List<Clause> clauses;
        try {
            clauses = selected(System.getProperty(CLAUSE_PROPERTY));
        } catch (IllegalArgumentException e) {
            return Stream.of(DynamicTest.dynamicTest(CLAUSE_PROPERTY, () -> Assertions.fail(e.getMessage())));
        }
        Profile profile = profile();
        ClauseRuns runs = new ClauseRuns(profile, config(), this::createImplementation, clauses.size() == Clause.values().length);
        lastRuns = runs;
        SpecLinks links = SpecLinks.load();
        return IntStream.range(0, clauses.size()).mapToObj(position -> {
            Clause clause = clauses.get(position);
            return DynamicTest.dynamicTest(clause.id() + " · " + clause.title(), links.uri(clause),
                    () -> check(clause, runs.verdict(position, clause), profile, links));
        });
    }

    /** The run behind the last factory call, for the kit's tests of what a run costs. */
    ClauseRuns lastRuns;

    private static void check(Clause clause, ClauseRuns.Verdict verdict, Profile profile, SpecLinks links) {
        String see = "see SPEC.md#" + links.anchor(clause);
        if (verdict.adapterFailure() != null && verdict.status() != ClauseStatus.FAIL) {
            Assertions.fail("the implementation could not be run: " + verdict.adapterFailure());
        }
        switch (verdict.status()) {
            case PASS -> { }
            case FAIL -> Assertions.fail(describe(verdict.finding()) + see);
            case NOT_APPLICABLE -> Assumptions.abort("not applicable to profile " + profile.name());
            case UNTESTABLE -> Assumptions.abort("untestable through a black-box harness (" + see + ")");
            case NOT_EXERCISED -> Assertions.fail("no scenario put " + clause.id()
                    + " to the test: 0 checks ran; raise the scenario count in config()");
        }
    }

    /** The clauses named in {@code property} (all when it is null or blank), in catalogue order. */
    static List<Clause> selected(String property) {
        if (property == null || property.isBlank()) {
            return List.of(Clause.values());
        }
        List<Clause> clauses = new ArrayList<>();
        for (String id : property.split(",")) {
            Clause clause = Clause.byId(id.trim()).orElseThrow(() -> new IllegalArgumentException(
                    CLAUSE_PROPERTY + " names \"" + id.trim() + "\", which is no clause of SPEC.md; the clauses are "
                            + Arrays.stream(Clause.values()).map(Clause::id).toList()));
            clauses.add(clause);
        }
        return Arrays.stream(Clause.values()).filter(clauses::contains).toList();
    }

    /** Why the running JUnit Jupiter (its jar's version, null when unknown) cannot serve, or null when it can. */
    static String unsupportedJunit(String version) {
        if (version == null) {
            return null;
        }
        String[] parts = version.split("[.-]");
        try {
            int major = Integer.parseInt(parts[0]);
            int minor = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
            if (major > OLDEST_JUNIT[0] || major == OLDEST_JUNIT[0] && minor >= OLDEST_JUNIT[1]) {
                return null;
            }
        } catch (NumberFormatException e) {
            return null;
        }
        return "vmck needs JUnit Jupiter " + OLDEST_JUNIT[0] + "." + OLDEST_JUNIT[1]
                + " or newer (5.x or 6.x); this test runs on " + version
                + ": import org.junit:junit-bom 5.10 or newer and take junit-jupiter from it";
    }

    private static String describe(ClauseFinding finding) {
        return finding.violation() + "\nsmallest failing scenario (call #" + finding.violation().callIndex() + " departs):\n"
                + finding.scenario().listing();
    }
}
