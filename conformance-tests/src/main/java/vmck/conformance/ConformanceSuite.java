package vmck.conformance;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import vmck.engine.ChoiceSequence;
import vmck.engine.Choices;
import vmck.engine.Failure;
import vmck.engine.Outcome;
import vmck.engine.Property;
import vmck.engine.PropertyRunner;
import vmck.engine.RunConfig;
import vmck.engine.RunResult;
import vmck.scenario.AdapterFailure;
import vmck.scenario.Executor;
import vmck.scenario.Reply;
import vmck.spec.Clause;
import vmck.spec.Geometry;
import vmck.spec.Profile;

/**
 * The conformance suite: runs the differential stateful property and one focused property per
 * testable clause against an implementation, shrinks what fails, and gives every clause a status.
 */
public final class ConformanceSuite {

    /** The name of the general differential property (every clause, balanced generation). */
    public static final String DIFFERENTIAL = "differential";
    /** Long scenarios (dozens of copies in one task), for bugs that appear only after many calls. */
    public static final String LONG_RUN = "long-run";
    private static final int LONG_RUN_STEPS = 100;

    private final Profile profile;
    private final SuiteConfig config;

    public ConformanceSuite(Profile profile, SuiteConfig config) {
        this.profile = profile;
        this.config = config;
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
        long start = System.nanoTime();
        Geometry geometry = executor.geometry();
        Map<String, Clause> plan = new LinkedHashMap<>();
        plan.put(DIFFERENTIAL, null);
        plan.put(LONG_RUN, null);
        for (Clause clause : focusedClauses(profile)) {
            plan.put(clause.id(), clause);
        }
        Duration perProperty = config.budget().dividedBy(plan.size());
        AtomicReference<String> adapterFailure = new AtomicReference<>();
        Map<Clause, Long> checks = new ConcurrentHashMap<>();
        Map<Clause, SideFinding> sideFindings = new ConcurrentHashMap<>();
        Map<Clause, ClauseFinding> findings = new EnumMap<>(Clause.class);
        Map<String, SuiteReport.PropertyStats> stats = new LinkedHashMap<>();

        for (Map.Entry<String, Clause> entry : plan.entrySet()) {
            if (adapterFailure.get() != null) {
                break;
            }
            String name = entry.getKey();
            Clause focus = entry.getValue();
            ScenarioGenerator generator = generator(name, focus, geometry);
            Property<Scenario> property = (scenario, choices) -> {
                if (adapterFailure.get() != null) {
                    return Outcome.discard("the implementation could not be run");
                }
                TraceChecker.Result result;
                try {
                    result = check(executor, geometry, scenario);
                } catch (AdapterFailure failure) {
                    adapterFailure.compareAndSet(null, failure.getMessage());
                    return Outcome.discard("the implementation could not be run");
                }
                result.exercised().forEach(clause -> checks.merge(clause, 1L, Long::sum));
                Violation violation = result.violation();
                if (violation == null) {
                    return Outcome.pass();
                }
                if (focus == null || violation.clause() == focus) {
                    return Outcome.fail(violation.key(), violation.toString());
                }
                // Another clause's violation: keep the simplest one for later shrinking, keep looking for ours.
                sideFindings.merge(violation.clause(), new SideFinding(name, choices.recorded()),
                        (kept, found) -> kept.choices().compareTo(found.choices()) <= 0 ? kept : found);
                return Outcome.pass();
            };
            RunResult<Scenario> result = runner(name, perProperty, scenarios(name)).run(generator, property);
            stats.put(name, new SuiteReport.PropertyStats(result.examplesRun(), result.passed(), result.discarded(),
                    result.elapsed(), result.labels().toString()));
            result.failure().ifPresent(failure -> record(findings, failure, name, executor, geometry));
            progress.accept(String.format("%-14s %5d scenarios  %s  (%d ms)", name, result.examplesRun(),
                    result.failure().map(f -> "FAIL " + f.key()).orElse("ok"), result.elapsed().toMillis()));
        }

        // Shrink what the focused properties found on the side, unless a property found it as its own.
        for (Map.Entry<Clause, SideFinding> side : new TreeMap<>(sideFindings).entrySet()) {
            if (findings.containsKey(side.getKey()) || adapterFailure.get() != null) {
                continue;
            }
            String name = side.getValue().property();
            Clause key = side.getKey();
            ScenarioGenerator generator = generator(name, plan.get(name), geometry);
            Property<Scenario> keyed = (scenario, choices) -> {
                TraceChecker.Result result = check(executor, geometry, scenario);
                Violation violation = result.violation();
                return violation == null ? Outcome.pass() : Outcome.fail(violation.key(), violation.toString());
            };
            long shrinkStart = System.nanoTime();
            runner(name, perProperty, scenarios(name)).shrink(generator, keyed, side.getValue().choices())
                    .filter(failure -> failure.key().equals(key.id()))
                    .ifPresent(failure -> record(findings, failure, name, executor, geometry));
            progress.accept(String.format("shrunk %s found by %s (%d ms)", key.id(), name,
                    (System.nanoTime() - shrinkStart) / 1_000_000));
        }
        return report(executor, geometry, checks, findings, stats, adapterFailure.get(), Duration.ofNanos(System.nanoTime() - start));
    }

    private record SideFinding(String property, ChoiceSequence choices) {
    }

    private TraceChecker.Result check(Executor executor, Geometry geometry, Scenario scenario) throws AdapterFailure {
        List<Reply> replies = executor.run(scenario.calls());
        return TraceChecker.check(profile, geometry, scenario.calls(), replies);
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

    private PropertyRunner runner(String name, Duration budget, long scenarios) {
        RunConfig runConfig = RunConfig.defaults()
                .withSeed(config.seed() * 31 + name.hashCode())
                .withMaxScenarios(scenarios)
                .withTimeBudget(budget)
                .withParallelism(config.parallelism())
                .withShrinking(config.shrinking());
        return new PropertyRunner(runConfig);
    }

    /** Re-checks the shrunk scenario once more so the finding carries its exact violation. */
    private void record(Map<Clause, ClauseFinding> findings, Failure<Scenario> failure, String property,
                        Executor executor, Geometry geometry) {
        Scenario scenario = failure.shrunkValue();
        if (scenario == null || failure.cause().isPresent()) {
            // The kit itself broke (a generator or checker bug): never report that as the implementation's fault.
            throw new IllegalStateException("vmck internal error in property " + property + ": " + failure.describe(),
                    failure.cause().orElse(null));
        }
        List<Reply> replies;
        Violation violation;
        try {
            replies = executor.run(scenario.calls());
            violation = TraceChecker.check(profile, geometry, scenario.calls(), replies).violation();
        } catch (AdapterFailure e) {
            return;
        }
        if (violation == null) {
            return; // a flaky implementation: the shrunk scenario no longer fails; keep nothing we cannot replay
        }
        // Calls after the departing one cannot matter to it: drop them when the shorter scenario fails the same way.
        if (violation.callIndex() + 1 < scenario.calls().size()) {
            Scenario truncated = new Scenario(scenario.calls().subList(0, violation.callIndex() + 1));
            try {
                List<Reply> truncatedReplies = executor.run(truncated.calls());
                Violation again = TraceChecker.check(profile, geometry, truncated.calls(), truncatedReplies).violation();
                if (again != null && again.clause() == violation.clause()) {
                    scenario = truncated;
                    replies = truncatedReplies;
                    violation = again;
                }
            } catch (AdapterFailure e) {
                return;
            }
        }
        findings.putIfAbsent(violation.clause(), new ClauseFinding(violation, scenario, replies, failure.shrunkChoices(), property,
                failure.timeToFirstFailure().toMillis(), failure.timeToShrink().toMillis()));
    }

    private SuiteReport report(Executor executor, Geometry geometry, Map<Clause, Long> checks,
                               Map<Clause, ClauseFinding> findings, Map<String, SuiteReport.PropertyStats> stats,
                               String adapterFailure, Duration elapsed) {
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
        return new SuiteReport(executor.name(), profile, geometry, config, Collections.unmodifiableSortedMap(statuses),
                Collections.unmodifiableSortedMap(new TreeMap<>(findings)),
                Collections.unmodifiableSortedMap(new TreeMap<>(checks)), Collections.unmodifiableMap(stats),
                adapterFailure, elapsed);
    }
}
