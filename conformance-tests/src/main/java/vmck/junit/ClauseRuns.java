package vmck.junit;

import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Supplier;

import vmck.conformance.ClauseFinding;
import vmck.conformance.ClauseStatus;
import vmck.conformance.ConformanceSuite;
import vmck.conformance.SuiteConfig;
import vmck.conformance.SuiteReport;
import vmck.scenario.Executor;
import vmck.scenario.InProcessExecutor;
import vmck.spec.Clause;
import vmck.spec.MachVm;
import vmck.spec.Profile;

/**
 * The verdicts of one {@link VmCopyConformanceTest} run, computed when a clause's test executes,
 * from as much of the suite as that run needs.
 *
 * <p>When the clauses' tests execute one after another from the first (a whole-class run), the
 * first one runs the whole suite and every test reads its verdict from it: the same verdicts as
 * {@code vmck check}, violations that one clause's property meets on another's side included. When
 * a test executes with the tests before it skipped (an IDE re-running one clause, which makes JUnit
 * walk the factory's tests and execute only the chosen one), or under a clause selection, only
 * what that clause needs runs: the two general properties (once, shared) and the clause's own
 * focused property. That is fast, and as strong as the whole suite except for a violation only
 * another clause's property happens to meet.
 */
final class ClauseRuns {

    /** A clause's verdict: its status, the smallest failing scenario when it failed, and why the run broke, if it did. */
    record Verdict(ClauseStatus status, ClauseFinding finding, String adapterFailure) {
    }

    private final Profile profile;
    private final ConformanceSuite suite;
    private final Supplier<? extends MachVm> factory;
    private final boolean wholeRunPossible;
    /** How many tests executed so far, all in order from the first; -1 once one executed out of order. */
    private int executedInOrder;
    private SuiteReport whole;
    private SuiteReport general;
    private int propertiesRun;

    /**
     * @param wholeRunPossible false under a clause selection: then every verdict comes from the
     *                         clause's own part of the suite
     */
    ClauseRuns(Profile profile, SuiteConfig config, Supplier<? extends MachVm> factory, boolean wholeRunPossible) {
        this.profile = profile;
        this.suite = new ConformanceSuite(profile, config);
        this.factory = factory;
        this.wholeRunPossible = wholeRunPossible;
    }

    /** The verdict of the test at {@code position} (0-based, in the factory's order) on {@code clause}. */
    synchronized Verdict verdict(int position, Clause clause) {
        executedInOrder = executedInOrder == position ? position + 1 : -1;
        if (whole == null && wholeRunPossible && executedInOrder == 1) {
            whole = run(suite::run);
        }
        if (whole != null) {
            return new Verdict(whole.statuses().get(clause), whole.findings().get(clause), whole.adapterFailure());
        }
        return alone(clause);
    }

    /** The verdict from the clause's own part of the suite: the general properties and its focused one. */
    Verdict alone(Clause clause) {
        if (clause.kind() == Clause.Kind.UNTESTABLE) {
            return new Verdict(ClauseStatus.UNTESTABLE, null, null);
        }
        if (!ConformanceSuite.applies(profile, clause)) {
            return new Verdict(ClauseStatus.NOT_APPLICABLE, null, null);
        }
        if (general == null) {
            general = run((executor, progress) -> suite.runFor(null, executor, progress));
        }
        SuiteReport own = ConformanceSuite.focusedClauses(profile).contains(clause)
                ? run((executor, progress) -> suite.runFor(clause, executor, progress)) : general;
        ClauseFinding finding = own.findings().containsKey(clause) ? own.findings().get(clause) : general.findings().get(clause);
        String failure = own.adapterFailure() != null ? own.adapterFailure() : general.adapterFailure();
        long checks = own.checks().getOrDefault(clause, 0L) + general.checks().getOrDefault(clause, 0L);
        ClauseStatus status = finding != null ? ClauseStatus.FAIL : checks > 0 ? ClauseStatus.PASS : ClauseStatus.NOT_EXERCISED;
        return new Verdict(status, finding, failure);
    }

    /** How many properties ran so far, whole suite or parts: what a run cost. */
    synchronized int propertiesRun() {
        return propertiesRun;
    }

    private SuiteReport run(BiFunction<Executor, Consumer<String>, SuiteReport> part) {
        try (InProcessExecutor executor = new InProcessExecutor(factory)) {
            SuiteReport report = part.apply(executor, line -> { });
            propertiesRun += report.properties().size();
            return report;
        }
    }
}
