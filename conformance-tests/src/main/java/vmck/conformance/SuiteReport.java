package vmck.conformance;

import java.time.Duration;
import java.util.Map;
import java.util.SortedMap;

import vmck.spec.Clause;
import vmck.spec.Geometry;
import vmck.spec.Profile;

/**
 * Everything a suite run found: a status per clause, the smallest failing scenario per violated
 * clause, and how much was run. Reports (Markdown, JSON, JUnit XML) are rendered from this.
 *
 * @param interrupted    true when the run was stopped early (Ctrl-C): clauses it did not reach are
 *                       not exercised, findings made before are kept
 * @param adapterFailure null, or why the implementation could not be run to the end (exit 3);
 *                       findings made before it are kept
 * @param shardFacts     what {@link ShardMerge} needs beyond the findings to rebuild a whole run
 * @param shrinking      how long shrinking took, against its budget
 */
public record SuiteReport(
        String implementation,
        Profile profile,
        Geometry geometry,
        SuiteConfig config,
        boolean interrupted,
        SortedMap<Clause, ClauseStatus> statuses,
        SortedMap<Clause, ClauseFinding> findings,
        SortedMap<Clause, Long> checks,
        Map<String, PropertyStats> properties,
        String adapterFailure,
        Duration elapsed,
        Shrinking shrinking,
        ShardFacts shardFacts) {

    /**
     * This report marked interrupted, without its adapter failure: for an adapter that died because
     * the run was being interrupted (Ctrl-C reaches the adapter too), which is not a broken adapter.
     */
    public SuiteReport interruptedInstead() {
        return new SuiteReport(implementation, profile, geometry, config, true, statuses, findings, checks, properties,
                null, elapsed, shrinking, shardFacts);
    }

    /**
     * Which shard this is, the simplest violation each clause had on the side of another property
     * (the whole run shrinks the simplest one over all properties when no property found that
     * clause as its own), which findings came from shrinking such a side violation, and each
     * property-found finding as its property first found it (in the whole run, a later property's
     * failure of that clause is a witness as found; a merge needs the failure as found to do the same).
     */
    public record ShardFacts(Shard shard, SortedMap<Clause, SideCandidate> sideCandidates,
                             java.util.Set<Clause> fromSide, SortedMap<Clause, Witness> firstFailures) {
    }

    /** A violation of {@code clause} seen while running {@code property}, kept to be shrunk later. */
    public record SideCandidate(String property, vmck.engine.ChoiceSequence choices) {
    }

    /** The overall verdict, in the order that decides the exit code. */
    public enum Verdict {
        CONFORMANT(0), NONCONFORMANT(1), ADAPTER_FAILED(3), INCONCLUSIVE(4);

        private final int exitCode;

        Verdict(int exitCode) {
            this.exitCode = exitCode;
        }

        public int exitCode() {
            return exitCode;
        }
    }

    /**
     * What shrinking cost: every shrink of a clause's failure, with the replays that confirm it
     * and drop needless calls.
     *
     * @param spent        wall-clock time spent shrinking
     * @param budget       the run's shrink budget ({@link SuiteConfig#shrinkBudget()})
     * @param shrinks      failures shrunk (one per failing clause at most)
     * @param budgetSpent  true when the budget cut a shrink short: its failure may not be minimal
     * @param stoppedAtFirstFailure true when {@code --fail-fast} ended the run after its first finding
     */
    public record Shrinking(Duration spent, Duration budget, int shrinks, boolean budgetSpent, boolean stoppedAtFirstFailure) {

        /** One line for a verdict: "shrinking 3.2 s of a 60 s budget (2 failures)". */
        public String describe() {
            return String.format("shrinking %.1f s of a %d s budget (%d %s)%s%s", spent.toMillis() / 1000.0, budget.toSeconds(),
                    shrinks, shrinks == 1 ? "failure" : "failures",
                    budgetSpent ? "; the budget ran out, so a failure shown may not be minimal" : "",
                    stoppedAtFirstFailure ? "; stopped at the first failure (--fail-fast)" : "");
        }
    }

    /** How one property's run went. */
    public record PropertyStats(long scenarios, long passed, long discarded, Duration elapsed, String labels) {
    }

    public Verdict verdict() {
        if (adapterFailure != null) {
            return Verdict.ADAPTER_FAILED;
        }
        if (statuses.containsValue(ClauseStatus.FAIL)) {
            return Verdict.NONCONFORMANT;
        }
        if (interrupted || statuses.containsValue(ClauseStatus.NOT_EXERCISED)) {
            return Verdict.INCONCLUSIVE;
        }
        return Verdict.CONFORMANT;
    }

    /** Total scenarios run over all properties. */
    public long scenarios() {
        return properties.values().stream().mapToLong(PropertyStats::scenarios).sum();
    }
}
