package vmck.conformance;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import vmck.spec.Clause;

/**
 * Rebuilds the report of a whole run from the reports of its shards ({@link Shard}): the same
 * statuses, checks, findings and per-property counts the unsharded run with the same seed gives.
 *
 * <p>Why that is exact: a shard runs whole properties, each with the seed, scenarios and shrinking
 * of the whole run; what the whole run decides across properties is replayed here in the same
 * order: a clause's finding comes from the first property in plan order that recorded it as its
 * own, and a clause no property found as its own gets the simplest side violation over all
 * properties, which the shard that saw it has already shrunk (a shard shrinks its simplest side
 * violation of every clause it did not find as its own, so it shrinks the overall simplest too).
 */
public final class ShardMerge {

    private ShardMerge() {
    }

    /**
     * Merges one report per shard of one run.
     *
     * @throws IllegalArgumentException when the reports are not the N shards of one run (different
     *                                  seed, profile, settings or shard count; a shard missing or twice)
     */
    public static SuiteReport merge(List<SuiteReport> shards) {
        if (shards.isEmpty()) {
            throw new IllegalArgumentException("no shard reports to merge");
        }
        List<SuiteReport> ordered = new ArrayList<>(shards);
        ordered.sort(Comparator.comparingInt(report -> report.shardFacts().shard().index()));
        SuiteReport first = ordered.get(0);
        int count = first.shardFacts().shard().count();
        for (int i = 0; i < ordered.size(); i++) {
            SuiteReport shard = ordered.get(i);
            Shard which = shard.shardFacts().shard();
            if (which.count() != count) {
                throw new IllegalArgumentException("shard " + which + " belongs to a run of " + which.count()
                        + " shards, not " + count);
            }
            if (which.index() != i) {
                throw new IllegalArgumentException(which.index() < i ? "shard " + which + " is given twice"
                        : "shard " + i + "/" + count + " is missing");
            }
            requireSame("profile", first.profile().name(), shard.profile().name(), which);
            requireSame("seed", first.config().seed(), shard.config().seed(), which);
            requireSame("scenarios per property", first.config().scenariosPerProperty(),
                    shard.config().scenariosPerProperty(), which);
            requireSame("maximum steps", first.config().maxSteps(), shard.config().maxSteps(), which);
            requireSame("shrinking", first.config().shrinking(), shard.config().shrinking(), which);
            requireSame("budget", first.config().budget(), shard.config().budget(), which);
            requireSame("implementation", first.implementation(), shard.implementation(), which);
            requireSame("shrink budget", first.config().shrinkBudget(), shard.config().shrinkBudget(), which);
            // Each shard would stop at its own first violation: no whole run gives that report.
            if (shard.config().failFast()) {
                throw new IllegalArgumentException("shard " + which + " was run with --fail-fast: its shards cannot be merged into one run");
            }
            requireSame("geometry", first.geometry(), shard.geometry(), which);
        }
        if (ordered.size() != count) {
            throw new IllegalArgumentException("shard " + ordered.size() + "/" + count + " is missing");
        }

        List<String> plan = ConformanceSuite.propertyNames(first.profile());
        Comparator<String> planOrder = Comparator.comparingInt(name -> {
            int position = plan.indexOf(name);
            return position < 0 ? Integer.MAX_VALUE : position;
        });

        Map<String, SuiteReport.PropertyStats> properties = new LinkedHashMap<>();
        Map<Clause, Long> checks = new TreeMap<>();
        Map<Clause, ClauseFinding> own = new TreeMap<>();
        Map<Clause, SuiteReport.SideCandidate> side = new TreeMap<>();
        for (String name : plan) {
            for (SuiteReport shard : ordered) {
                SuiteReport.PropertyStats stats = shard.properties().get(name);
                if (stats != null) {
                    properties.put(name, stats);
                }
            }
        }
        Map<Clause, List<Witness>> asFound = new TreeMap<>();
        for (SuiteReport shard : ordered) {
            shard.checks().forEach((clause, n) -> checks.merge(clause, n, Long::sum));
            shard.findings().forEach((clause, finding) -> {
                if (!shard.shardFacts().fromSide().contains(clause)) {
                    own.merge(clause, finding, (a, b) -> planOrder.compare(a.property(), b.property()) <= 0 ? a : b);
                    asFound.merge(clause, finding.witnesses(), ShardMerge::concat);
                }
            });
            shard.shardFacts().firstFailures().forEach((clause, found) -> asFound.merge(clause, List.of(found), ShardMerge::concat));
            shard.shardFacts().sideCandidates().forEach((clause, candidate) -> side.merge(clause, candidate,
                    (a, b) -> {
                        int simpler = a.choices().compareTo(b.choices());
                        return simpler < 0 || (simpler == 0 && planOrder.compare(a.property(), b.property()) <= 0) ? a : b;
                    }));
        }
        // The whole run shrinks the first property's failure of a clause and keeps every later one as a
        // witness, as found: here, every shard's failure as found but the winner's own.
        Map<Clause, Witness> firstFailures = new TreeMap<>();
        own.replaceAll((clause, finding) -> {
            List<Witness> others = new ArrayList<>();
            for (Witness witness : asFound.getOrDefault(clause, List.of())) {
                if (witness.property().equals(finding.property())) {
                    firstFailures.put(clause, witness);
                } else {
                    others.add(witness);
                }
            }
            return finding.withWitnesses(Witness.simplest(others, List.of(), ConformanceSuite.WITNESSES_KEPT));
        });
        Map<Clause, ClauseFinding> findings = new TreeMap<>(own);
        EnumSet<Clause> fromSide = EnumSet.noneOf(Clause.class);
        side.forEach((clause, candidate) -> {
            if (findings.containsKey(clause)) {
                return;
            }
            for (SuiteReport shard : ordered) {
                ClauseFinding finding = shard.findings().get(clause);
                if (finding != null && shard.shardFacts().fromSide().contains(clause)
                        && candidate.equals(shard.shardFacts().sideCandidates().get(clause))) {
                    findings.put(clause, finding);
                    fromSide.add(clause);
                    return;
                }
            }
        });

        String adapterFailure = ordered.stream().map(SuiteReport::adapterFailure)
                .filter(java.util.Objects::nonNull).findFirst().orElse(null);
        boolean interrupted = ordered.stream().anyMatch(SuiteReport::interrupted);
        Duration longest = ordered.stream().map(SuiteReport::elapsed).max(Comparator.naturalOrder()).orElse(Duration.ZERO);
        // The whole run shrinks each kept finding once; shards may have shrunk more (failures the whole
        // run keeps as witnesses), so count and time the kept findings' shrinks.
        List<ClauseFinding> shrunk = findings.values().stream()
                .filter(finding -> finding.shrinkStop() != vmck.engine.ShrinkStop.OFF).toList();
        SuiteReport.Shrinking shrinking = new SuiteReport.Shrinking(
                Duration.ofMillis(shrunk.stream().mapToLong(ClauseFinding::timeToShrinkMillis).sum()),
                first.shrinking().budget(), shrunk.size(),
                ordered.stream().anyMatch(r -> r.shrinking().budgetSpent()),
                ordered.stream().anyMatch(r -> r.shrinking().stoppedAtFirstFailure()));
        SuiteReport.ShardFacts facts = new SuiteReport.ShardFacts(Shard.ALL,
                Collections.unmodifiableSortedMap(new TreeMap<>(side)), Collections.unmodifiableSet(fromSide),
                Collections.unmodifiableSortedMap(new TreeMap<>(firstFailures)));
        return new SuiteReport(first.implementation(), first.profile(), first.geometry(), first.config(), interrupted,
                ConformanceSuite.statuses(first.profile(), findings, checks),
                Collections.unmodifiableSortedMap(new TreeMap<>(findings)),
                Collections.unmodifiableSortedMap(new TreeMap<>(checks)), Collections.unmodifiableMap(properties),
                adapterFailure, longest, shrinking, facts);
    }

    private static void requireSame(String what, Object expected, Object actual, Shard shard) {
        if (!expected.equals(actual)) {
            throw new IllegalArgumentException("shard " + shard + " was run with " + what + " " + actual + ", shard 0 with "
                    + expected + ": not shards of one run");
        }
    }

    private static <T> List<T> concat(List<T> some, List<T> more) {
        List<T> all = new ArrayList<>(some);
        all.addAll(more);
        return all;
    }
}
