package vmck.conformance;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import vmck.engine.ChoiceSequence;
import vmck.engine.Choices;
import vmck.engine.Failure;
import vmck.engine.Outcome;
import vmck.engine.Property;
import vmck.engine.PropertyRunner;
import vmck.engine.RunConfig;
import vmck.engine.RunResult;
import vmck.engine.ShrinkStop;
import vmck.scenario.AdapterFailure;
import vmck.scenario.Executor;
import vmck.spec.Clause;
import vmck.spec.Geometry;
import vmck.spec.Profile;
import vmck.scenario.Scenario;

/**
 * The conformance suite: runs the differential stateful property and one focused property per
 * testable clause against an implementation, shrinks what fails, and gives every clause a status.
 *
 * <p>Shrinking respects a slow link: every property searches without shrinking and stops at its
 * first failure; the first property in plan order to fail a clause has that failure shrunk, and
 * later properties' failures of it are kept, as found, as {@link Witness witnesses}. No property's
 * run depends on another's findings, so shards replay exactly. All shrinking shares one time budget
 * ({@link SuiteConfig#shrinkBudget()}), which the report states. With
 * {@link SuiteConfig#failFast()}, the run ends after its first confirmed violation.
 */
public final class ConformanceSuite {

    /** The name of the general differential property (every clause, balanced generation). */
    public static final String DIFFERENTIAL = "differential";
    /** Long scenarios (dozens of copies in one task), for bugs that appear only after many calls. */
    public static final String LONG_RUN = "long-run";
    private static final int LONG_RUN_STEPS = 100;
    /** Witnesses kept per clause: the simplest few are enough to see the bug is not a one-off. */
    static final int WITNESSES_KEPT = 3;

    private final Profile profile;
    private final SuiteConfig config;
    private final BooleanSupplier stopRequested;
    private final Shard shard;

    public ConformanceSuite(Profile profile, SuiteConfig config) {
        this(profile, config, () -> false);
    }

    /**
     * @param stopRequested polled between scenarios: once true (Ctrl-C), the run winds down quickly
     *                      and reports what it found so far, marked interrupted
     */
    public ConformanceSuite(Profile profile, SuiteConfig config, BooleanSupplier stopRequested) {
        this(profile, config, stopRequested, Shard.ALL);
    }

    private ConformanceSuite(Profile profile, SuiteConfig config, BooleanSupplier stopRequested, Shard shard) {
        this.profile = profile;
        this.config = config;
        this.stopRequested = stopRequested;
        this.shard = shard;
    }

    /** This suite restricted to one shard: only its properties run, each exactly as in the whole run. */
    public ConformanceSuite inShard(Shard part) {
        return new ConformanceSuite(profile, config, stopRequested, part);
    }

    /** The suite's properties in the order a run takes them (the order shards and merging rely on). */
    public static List<String> propertyNames(Profile profile) {
        return List.copyOf(plan(profile).keySet());
    }

    /** True when the profile has the rule a clause states (no alignment rule: no alignment clauses). */
    public static boolean applies(Profile profile, Clause clause) {
        return switch (clause) {
            case VMC_ALIGN_1, VMC_ALIGN_2, VMC_ALIGN_3, VMC_ORDER_3, VMC_ORDER_4 -> profile.requiresAlignment();
            default -> true;
        };
    }

    /** The clauses that get a focused property of their own: testable vm_copy clauses the profile has. */
    public static List<Clause> focusedClauses(Profile profile) {
        List<Clause> clauses = new ArrayList<>();
        for (Clause clause : Clause.values()) {
            if (clause.isVmCopyClause() && clause.kind() != Clause.Kind.UNTESTABLE && applies(profile, clause)) {
                clauses.add(clause);
            }
        }
        return clauses;
    }

    /** Runs the suite; {@code progress} hears one line per property. Never throws for a broken implementation. */
    public SuiteReport run(Executor executor, Consumer<String> progress) {
        return new SuiteRun(executor, progress, plan(profile), true).run();
    }

    /**
     * Runs one part of the suite, so a clause can be checked without the rest: {@code clause}'s own
     * focused property, or, for null or a clause with no focused property (the helper calls'), the
     * two general properties (which fail on any clause). A clause's verdict needs both parts: its
     * focused property and the general ones. Violations met on the side are noted, not shrunk.
     */
    public SuiteReport runFor(Clause clause, Executor executor, Consumer<String> progress) {
        Map<String, Clause> plan = new LinkedHashMap<>();
        if (clause != null && focusedClauses(profile).contains(clause)) {
            plan.put(clause.id(), clause);
        } else {
            plan.put(DIFFERENTIAL, null);
            plan.put(LONG_RUN, null);
        }
        return new SuiteRun(executor, progress, plan, false).run();
    }

    /** Where the properties run, in order: the differential ones, then one per focused clause. */
    private static Map<String, Clause> plan(Profile profile) {
        Map<String, Clause> plan = new LinkedHashMap<>();
        plan.put(DIFFERENTIAL, null);
        plan.put(LONG_RUN, null);
        for (Clause clause : focusedClauses(profile)) {
            plan.put(clause.id(), clause);
        }
        return plan;
    }

    private ScenarioGenerator generator(String name, Clause focus, Geometry geometry) {
        boolean longRun = LONG_RUN.equals(name);
        Focus leaning = longRun ? Focus.LONG_RUN : focus == null ? Focus.BALANCED : Focus.on(focus);
        return new ScenarioGenerator(profile, geometry, leaning, longRun ? LONG_RUN_STEPS : config.maxSteps());
    }

    /** Long scenarios cost about ten ordinary ones. */
    private long scenarios(String name) {
        return LONG_RUN.equals(name) ? Math.max(1, config.scenariosPerProperty() / 10) : config.scenariosPerProperty();
    }

    /**
     * The engine for property {@code name}. The search never shrinks ({@code shrinkBudget} null): a
     * failure is shrunk afterwards, and only when its clause has no finding yet, so each clause is
     * shrunk once and a property's run never depends on what other properties found (shards).
     */
    private PropertyRunner runner(String name, Duration budget, long scenarios, int threads, Duration shrinkBudget) {
        RunConfig runConfig = RunConfig.defaults()
                .withSeed(config.seed() * 31 + name.hashCode())
                .withMaxScenarios(scenarios)
                .withTimeBudget(budget)
                .withParallelism(threads)
                .withShrinking(shrinkBudget != null && config.shrinking())
                .withShrinkTimeBudget(shrinkBudget == null ? Duration.ZERO : shrinkBudget);
        return new PropertyRunner(runConfig);
    }

    /** What one scenario of a property saw: the clauses it exercised and a violation of another clause, if any. */
    private record Seen(java.util.Set<Clause> exercised, SideFinding side) {
    }

    private record SideFinding(Clause clause, SuiteReport.SideCandidate candidate) {
    }

    /** One failing run: its choices and the checked run (scenario as run, replies, violation). */
    private record Failing(ChoiceSequence choices, ScenarioCheck.Checked checked) {
    }

    /** The simpler of two finds, by the engine's order of choice sequences (shortlex): deterministic under threads. */
    private static <T> T simpler(T kept, T found, java.util.function.Function<T, ChoiceSequence> choices) {
        return choices.apply(kept).compareTo(choices.apply(found)) <= 0 ? kept : found;
    }

    /** The state of one run of the suite against one executor. */
    private final class SuiteRun {
        private final Executor executor;
        private final Consumer<String> progress;
        private final Geometry geometry;
        private final Map<String, Clause> plan;
        /** Whether violations met on the side are shrunk and reported (the whole suite) or only noted. */
        private final boolean shrinkSideFindings;
        private final Duration perProperty;
        private final ScenarioCheck scenarioCheck;
        private final AtomicReference<String> adapterFailure = new AtomicReference<>();
        private final Map<Clause, Long> checks = new ConcurrentHashMap<>();
        private final Map<Clause, SuiteReport.SideCandidate> sideFindings = new ConcurrentHashMap<>();
        private final EnumSet<Clause> fromSide = EnumSet.noneOf(Clause.class);
        private final Map<Clause, ClauseFinding> findings = new EnumMap<>(Clause.class);
        private final Map<String, SuiteReport.PropertyStats> stats = new LinkedHashMap<>();
        /** The simplest failing run per failure key, so a finding needs no second run of the implementation. */
        private final Map<String, Failing> failing = new ConcurrentHashMap<>();
        /** Further failures of clauses already found, the simplest few per clause. */
        private final Map<Clause, List<Witness>> witnesses = new ConcurrentHashMap<>();
        /** Each finding's failure as its property first found it, before shrinking (what a shard merge needs). */
        private final Map<Clause, Witness> firstFailures = new EnumMap<>(Clause.class);
        private final long start = System.nanoTime();
        private long shrinkNanos;
        private int shrinks;
        private boolean shrinkBudgetSpent;

        SuiteRun(Executor executor, Consumer<String> progress, Map<String, Clause> plan, boolean shrinkSideFindings) {
            this.executor = executor;
            this.progress = progress;
            this.plan = plan;
            this.shrinkSideFindings = shrinkSideFindings;
            this.geometry = executor.geometry();
            this.perProperty = config.budget().dividedBy(plan.size());
            this.scenarioCheck = new ScenarioCheck(profile, geometry);
        }

        SuiteReport run() {
            int position = 0;
            for (Map.Entry<String, Clause> entry : plan.entrySet()) {
                if (over()) {
                    break;
                }
                if (shard.runs(position++)) {
                    runProperty(entry.getKey(), entry.getValue());
                }
            }
            // Shrink what the focused properties found on the side, unless a property found it as its own.
            for (Map.Entry<Clause, SuiteReport.SideCandidate> side : new TreeMap<>(sideFindings).entrySet()) {
                if (shrinkSideFindings && !findings.containsKey(side.getKey()) && !over()) {
                    shrinkSideFinding(side.getKey(), side.getValue());
                }
            }
            Map<Clause, ClauseFinding> withWitnesses = new EnumMap<>(Clause.class);
            findings.forEach((clause, finding) -> withWitnesses.put(clause,
                    finding.withWitnesses(witnesses.getOrDefault(clause, List.of()))));
            SuiteReport.Shrinking shrinking = new SuiteReport.Shrinking(Duration.ofNanos(shrinkNanos), config.shrinkBudget(),
                    shrinks, shrinkBudgetSpent, stoppedAtFirstFailure());
            SuiteReport.ShardFacts facts = new SuiteReport.ShardFacts(shard,
                    Collections.unmodifiableSortedMap(new TreeMap<>(sideFindings)),
                    Collections.unmodifiableSet(fromSide.clone()), Collections.unmodifiableSortedMap(new TreeMap<>(firstFailures)));
            return report(executor, geometry, checks, withWitnesses, stats, adapterFailure.get(),
                    Duration.ofNanos(System.nanoTime() - start), shrinking, facts);
        }

        private boolean over() {
            return adapterFailure.get() != null || stopRequested.getAsBoolean() || stoppedAtFirstFailure();
        }

        private boolean stoppedAtFirstFailure() {
            return config.failFast() && !findings.isEmpty();
        }

        /** What is left of the run's shrink budget (zero once spent). */
        private Duration shrinkBudgetLeft() {
            Duration left = config.shrinkBudget().minusNanos(shrinkNanos);
            return left.isNegative() ? Duration.ZERO : left;
        }

        /** A failure as found, cut after the departing call (free: nothing after it can change the verdict). */
        private static Witness witness(String property, ChoiceSequence choices, ScenarioCheck.Checked checked) {
            Violation violation = checked.violation();
            int end = violation.callIndex() + 1;
            return new Witness(property, violation, new Scenario(List.copyOf(checked.scenario().calls().subList(0, end))),
                    List.copyOf(checked.replies().subList(0, end)), choices);
        }

        /** One property: fails on its own clause's violations (or any, for the differential ones), notes the rest. */
        private void runProperty(String name, Clause focus) {
            Map<Long, Seen> seen = new ConcurrentHashMap<>();
            Property<Scenario> property = (scenario, choices) -> {
                if (over()) {
                    return Outcome.discard("the run is over");
                }
                ScenarioCheck.Checked checked;
                try {
                    checked = scenarioCheck.run(executor, scenario);
                } catch (AdapterFailure failure) {
                    if (!stopRequested.getAsBoolean()) { // an adapter killed by Ctrl-C is not a broken adapter
                        adapterFailure.compareAndSet(null, failure.getMessage());
                    }
                    return Outcome.discard("the implementation could not be run");
                }
                seen.put(choices.scenarioIndex(), new Seen(checked.result().exercised(), null));
                Violation violation = checked.violation();
                if (violation == null) {
                    return Outcome.pass();
                }
                if (focus == null || violation.clause() == focus || config.failFast()) {
                    return failed(choices, checked);
                }
                // Another clause's violation: keep the simplest one for later shrinking, keep looking for ours.
                seen.put(choices.scenarioIndex(), new Seen(checked.result().exercised(),
                        new SideFinding(violation.clause(), new SuiteReport.SideCandidate(name, choices.recorded()))));
                return Outcome.pass();
            };
            int threads = executor.allowsConcurrentRuns() ? config.parallelism() : 1;
            RunResult<Scenario> result = runner(name, perProperty, scenarios(name), threads, null)
                    .run(generator(name, focus, geometry), property);
            // Only what the scenarios up to the first failure saw: those after it ran or not by timing.
            long last = result.failure().map(Failure::scenarioIndex).orElse(Long.MAX_VALUE);
            seen.forEach((index, facts) -> {
                if (index <= last) {
                    facts.exercised().forEach(clause -> checks.merge(clause, 1L, Long::sum));
                    if (facts.side() != null) {
                        sideFindings.merge(facts.side().clause(), facts.side().candidate(),
                                (kept, found) -> simpler(kept, found, SuiteReport.SideCandidate::choices));
                    }
                }
            });
            stats.put(name, new SuiteReport.PropertyStats(result.examplesRun(), result.passed(), result.discarded(),
                    result.elapsed(), result.labels().toString()));
            Optional<Failure<Scenario>> shrunk = result.failure().flatMap(failure -> shrinkOnce(name, focus, failure));
            long done = stats.values().stream().mapToLong(SuiteReport.PropertyStats::scenarios).sum();
            long failedClauses = java.util.stream.Stream.concat(findings.keySet().stream(), sideFindings.keySet().stream())
                    .distinct().count();
            progress.accept(String.format("%-14s %5d scenarios  %-22s (%d ms; %d scenarios done, %d failures so far)%s", name,
                    result.examplesRun(), result.failure().map(f -> "FAIL " + f.key()).orElse("ok"),
                    result.elapsed().toMillis(), done, failedClauses,
                    result.failure().isEmpty() ? "" : shrunk.map(f -> String.format("; shrunk in %d ms, %d replays, %s",
                            f.timeToShrink().toMillis(), f.shrinkAttempts(), f.shrinkStop().name().toLowerCase().replace('_', ' ')))
                            .orElse(shrinkingOff() ? "" : "; not shrunk: a further witness, or not reproduced")));
        }

        /**
         * A property's failure: the first of its clause is shrunk and becomes the finding; a clause
         * found already (by a property earlier in the plan) keeps this one as a witness, as found.
         * Either way the failure as found is kept in {@link #firstFailures}, so a merge of shards can
         * tell which property found the clause first in the whole run. Returns the shrink, if any.
         */
        private Optional<Failure<Scenario>> shrinkOnce(String name, Clause focus, Failure<Scenario> found) {
            ScenarioCheck.Checked asFound = checkedAt(found.key(), found.originalChoices(), found.originalValue());
            if (asFound == null || asFound.violation() == null) {
                return Optional.empty(); // flaky, or the adapter broke: nothing we could replay
            }
            Clause clause = asFound.violation().clause();
            Witness witness = witness(name, found.originalChoices(), asFound);
            if (findings.containsKey(clause)) {
                witnesses.merge(clause, List.of(witness), (kept, more) -> Witness.simplest(kept, more, WITNESSES_KEPT));
                return Optional.empty();
            }
            Optional<Failure<Scenario>> shrunk = shrinkingOff() ? Optional.empty()
                    : runner(name, perProperty, scenarios(name), 1, shrinkBudgetLeft())
                            .shrink(generator(name, focus, geometry), keyed(), found.originalChoices())
                            .filter(failure -> failure.key().equals(found.key()));
            long recordStart = System.nanoTime();
            Clause recorded = record(shrunk.orElse(found), name, found.timeToFirstFailure());
            shrunk.ifPresent(failure -> shrunk(failure, System.nanoTime() - recordStart));
            if (recorded == clause) {
                firstFailures.put(clause, witness);
            }
            return shrunk;
        }

        /** The run at {@code choices}: the one captured while searching when it is that one, else run again; null if it cannot run. */
        private ScenarioCheck.Checked checkedAt(String key, ChoiceSequence choices, Scenario value) {
            Failing captured = failing.get(key);
            if (captured != null && captured.choices().equals(choices)) {
                return captured.checked();
            }
            try {
                return scenarioCheck.run(executor, value);
            } catch (AdapterFailure e) {
                return null;
            }
        }

        /** Fails on any violation, keyed by clause; counts no checks (those are the search's). */
        private Property<Scenario> keyed() {
            return (scenario, choices) -> {
                ScenarioCheck.Checked checked = scenarioCheck.run(executor, scenario);
                return checked.violation() == null ? Outcome.pass() : failed(choices, checked);
            };
        }

        /** Books one shrink: the engine's time plus {@code extraNanos} spent confirming and trimming it. */
        private void shrunk(Failure<Scenario> failure, long extraNanos) {
            if (failure.shrinkStop() == ShrinkStop.OFF) {
                return;
            }
            shrinks++;
            shrinkNanos += failure.timeToShrink().toNanos() + extraNanos;
            shrinkBudgetSpent |= failure.shrinkStop() == ShrinkStop.TIME_BUDGET;
        }

        private Outcome failed(Choices choices, ScenarioCheck.Checked checked) {
            Violation violation = checked.violation();
            failing.merge(violation.key(), new Failing(choices.recorded(), checked),
                    (kept, found) -> simpler(kept, found, Failing::choices));
            return Outcome.fail(violation.key(), violation.toString());
        }

        private void shrinkSideFinding(Clause clause, SuiteReport.SideCandidate side) {
            if (shrinkingOff()) {
                recordUnshrunk(clause, side);
                return;
            }
            long shrinkStart = System.nanoTime();
            runner(side.property(), perProperty, scenarios(side.property()), 1, shrinkBudgetLeft())
                    .shrink(generator(side.property(), plan.get(side.property()), geometry), keyed(), side.choices())
                    .filter(failure -> failure.key().equals(clause.id()))
                    .ifPresent(failure -> {
                        long recordStart = System.nanoTime();
                        if (record(failure, side.property(), failure.timeToFirstFailure()) == clause) {
                            fromSide.add(clause);
                        }
                        shrunk(failure, System.nanoTime() - recordStart);
                    });
            progress.accept(String.format("shrunk %s found by %s (%d ms)", clause.id(), side.property(),
                    (System.nanoTime() - shrinkStart) / 1_000_000));
        }

        private boolean shrinkingOff() {
            return !config.shrinking();
        }

        /** With shrinking off, a side violation is recorded as found: its scenario is run once more. */
        private void recordUnshrunk(Clause clause, SuiteReport.SideCandidate side) {
            Scenario scenario = generator(side.property(), plan.get(side.property()), geometry).replay(side.choices());
            ScenarioCheck.Checked checked = checkedAt(clause.id(), side.choices(), scenario);
            if (checked != null && checked.violation() != null && checked.violation().clause() == clause
                    && findings.putIfAbsent(clause, new ClauseFinding(checked.violation(), checked.scenario(), checked.replies(),
                            side.choices(), side.property(), 0, 0, ShrinkStop.OFF, List.of())) == null) {
                fromSide.add(clause);
            }
        }

        /**
         * Records the shrunk failure, from the captured run when it is the one the engine kept (else by
         * running it once more), and drops the calls after the departing one when that changes nothing.
         * Returns the clause it recorded a finding for, or null when it recorded none (not reproduced,
         * or the clause already had one).
         */
        private Clause record(Failure<Scenario> failure, String property, Duration timeToFind) {
            if (failure.shrunkValue() == null || failure.cause().isPresent()) {
                // The kit itself broke (a generator or checker bug): never report that as the implementation's fault.
                throw new IllegalStateException("vmck internal error in property " + property + ": " + failure.describe(),
                        failure.cause().orElse(null));
            }
            ScenarioCheck.Checked checked = checkedAt(failure.key(), failure.shrunkChoices(), failure.shrunkValue());
            if (checked == null || checked.violation() == null) {
                return null; // a flaky implementation: the shrunk scenario no longer fails; keep nothing we cannot replay
            }
            // The call-level pass gets what the engine's shrink left of the budget.
            long deadline = System.nanoTime() + config.shrinkBudget().toNanos() - shrinkNanos - failure.timeToShrink().toNanos();
            checked = truncated(checked);
            if (failure.shrinkStop() != ShrinkStop.TIME_BUDGET && failure.shrinkStop() != ShrinkStop.OFF) {
                checked = withoutNeedlessCalls(checked, deadline);
            }
            ClauseFinding finding = new ClauseFinding(checked.violation(), checked.scenario(),
                    checked.replies(), failure.shrunkChoices(), property,
                    timeToFind.toMillis(), failure.timeToShrink().toMillis(), failure.shrinkStop(), List.of());
            return findings.putIfAbsent(checked.violation().clause(), finding) == null ? checked.violation().clause() : null;
        }

        /** Calls after the departing one cannot matter to it: drop them when the shorter scenario fails the same way. */
        private ScenarioCheck.Checked truncated(ScenarioCheck.Checked checked) {
            Violation violation = checked.violation();
            if (violation.callIndex() + 1 >= checked.scenario().calls().size() || stopRequested.getAsBoolean()) {
                return checked;
            }
            Scenario truncated = new Scenario(checked.scenario().calls().subList(0, violation.callIndex() + 1));
            try {
                ScenarioCheck.Checked again = scenarioCheck.run(executor, truncated);
                return again.violation() != null && again.violation().clause() == violation.clause() ? again : checked;
            } catch (AdapterFailure e) {
                return checked; // keep the longer scenario: it was seen to fail
            }
        }

        /**
         * A last pass on the calls themselves (the language-neutral form a trace keeps): drop each call
         * whose removal leaves the same clause violated by the last call. Shrinking the choice sequence
         * gets close; this removes what the generator's structure kept (a no-op copy, a spare write).
         */
        private ScenarioCheck.Checked withoutNeedlessCalls(ScenarioCheck.Checked checked, long deadlineNanos) {
            Clause clause = checked.violation().clause();
            AtomicReference<ScenarioCheck.Checked> best = new AtomicReference<>(checked);
            AtomicBoolean broken = new AtomicBoolean();
            checked.scenario().withoutNeedlessCalls(shorter -> {
                if (broken.get() || stopRequested.getAsBoolean()) {
                    return false;
                }
                if (System.nanoTime() - deadlineNanos >= 0) {
                    shrinkBudgetSpent = true;
                    return false;
                }
                try {
                    ScenarioCheck.Checked run = scenarioCheck.runAsIs(executor, shorter);
                    boolean same = run.violation() != null && run.violation().clause() == clause
                            && run.violation().callIndex() == shorter.calls().size() - 1;
                    if (same) {
                        best.set(run);
                    }
                    return same;
                } catch (AdapterFailure e) {
                    broken.set(true); // keep what was seen to fail
                    return false;
                }
            });
            return best.get();
        }
    }

    private SuiteReport report(Executor executor, Geometry geometry, Map<Clause, Long> checks,
                               Map<Clause, ClauseFinding> findings, Map<String, SuiteReport.PropertyStats> stats,
                               String adapterFailure, Duration elapsed, SuiteReport.Shrinking shrinking,
                               SuiteReport.ShardFacts facts) {
        return new SuiteReport(executor.name(), profile, geometry, config, stopRequested.getAsBoolean(),
                statuses(profile, findings, checks),
                Collections.unmodifiableSortedMap(new TreeMap<>(findings)),
                Collections.unmodifiableSortedMap(new TreeMap<>(checks)), Collections.unmodifiableMap(stats),
                adapterFailure, elapsed, shrinking, facts);
    }

    /** Every clause's status from what was found and how often each clause was checked. */
    public static java.util.SortedMap<Clause, ClauseStatus> statuses(Profile profile, Map<Clause, ClauseFinding> findings,
                                                                Map<Clause, Long> checks) {
        TreeMap<Clause, ClauseStatus> statuses = new TreeMap<>();
        for (Clause clause : Clause.values()) {
            ClauseStatus status;
            if (findings.containsKey(clause)) {
                status = ClauseStatus.FAIL;
            } else if (clause.kind() == Clause.Kind.UNTESTABLE) {
                status = ClauseStatus.UNTESTABLE;
            } else if (!applies(profile, clause)) {
                status = ClauseStatus.NOT_APPLICABLE;
            } else if (checks.getOrDefault(clause, 0L) > 0) {
                status = ClauseStatus.PASS;
            } else {
                status = ClauseStatus.NOT_EXERCISED;
            }
            statuses.put(clause, status);
        }
        return Collections.unmodifiableSortedMap(statuses);
    }
}
