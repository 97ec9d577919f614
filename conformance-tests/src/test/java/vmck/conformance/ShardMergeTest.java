package vmck.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import vmck.model.ReferenceVm;
import vmck.samples.Mutant;
import vmck.scenario.InProcessExecutor;
import vmck.spec.Geometry;
import vmck.spec.Profile;
import vmck.spec.Profiles;

/**
 * Sharding loses and invents nothing: the N shards of a run, merged, give exactly the statuses,
 * checks, findings (violation, minimal scenario, replies, choices, property) and per-property
 * counts of one unsharded run with the same seed. One thread per run, so the counts of the runs
 * being compared are themselves exact.
 */
class ShardMergeTest {

    private static final SuiteConfig CONFIG = SuiteConfig.defaults().withScenarios(25).withParallelism(1)
            .withBudget(Duration.ofHours(1)).withSeed(7);

    @ParameterizedTest(name = "{0} in {1} shards")
    @CsvSource({"ERRORS_BY_KIND, 3", "FORWARD_MEMCPY_ON_OVERLAP, 2", "DEAD_TASK_SUCCEEDS, 5", "SOURCE_READABILITY_UNCHECKED, 4"})
    void mergedShardsOfAMutantEqualTheUnshardedRun(Mutant mutant, int shards) {
        assertMergeEqualsWhole(mutant.profile(), () -> new InProcessExecutor(() -> mutant.create(Geometry.I386)), shards);
    }

    @Test
    void mergedShardsOfTheModelEqualTheUnshardedRun() {
        assertMergeEqualsWhole(Profiles.GNUMACH,
                () -> new InProcessExecutor(() -> new ReferenceVm(Profiles.GNUMACH, Geometry.I386)), 3);
    }

    @Test
    void mergeRefusesAnIncompleteOrMixedSetOfShards() {
        Mutant mutant = Mutant.ERRORS_BY_KIND;
        SuiteReport shard0 = run(mutant.profile(), () -> new InProcessExecutor(() -> mutant.create(Geometry.I386)),
                new Shard(0, 2), CONFIG.withScenarios(5));
        SuiteReport otherSeed = run(mutant.profile(), () -> new InProcessExecutor(() -> mutant.create(Geometry.I386)),
                new Shard(1, 2), CONFIG.withScenarios(5).withSeed(8));
        assertThatThrownBy(() -> ShardMerge.merge(List.of(shard0))).hasMessageContaining("shard 1/2 is missing");
        assertThatThrownBy(() -> ShardMerge.merge(List.of(shard0, shard0))).hasMessageContaining("given twice");
        assertThatThrownBy(() -> ShardMerge.merge(List.of(shard0, otherSeed))).hasMessageContaining("seed");
    }

    private interface Opener {
        InProcessExecutor open();
    }

    private static void assertMergeEqualsWhole(Profile profile, Opener opener, int count) {
        SuiteReport whole = run(profile, opener, Shard.ALL, CONFIG);
        List<SuiteReport> parts = new ArrayList<>();
        for (int k = count - 1; k >= 0; k--) { // any order
            parts.add(run(profile, opener, new Shard(k, count), CONFIG));
        }
        SuiteReport merged = ShardMerge.merge(parts);

        assertThat(merged.verdict()).isEqualTo(whole.verdict());
        assertThat(merged.statuses()).isEqualTo(whole.statuses());
        assertThat(merged.checks()).isEqualTo(whole.checks());
        assertThat(merged.scenarios()).isEqualTo(whole.scenarios());
        assertThat(counts(merged)).isEqualTo(counts(whole));
        assertThat(merged.findings().keySet()).isEqualTo(whole.findings().keySet());
        whole.findings().forEach((clause, finding) -> {
            ClauseFinding other = merged.findings().get(clause);
            assertThat(other.violation()).as(clause.id()).isEqualTo(finding.violation());
            assertThat(other.scenario()).as(clause.id()).isEqualTo(finding.scenario());
            assertThat(other.replies()).as(clause.id()).isEqualTo(finding.replies());
            assertThat(other.choices()).as(clause.id()).isEqualTo(finding.choices());
            assertThat(other.property()).as(clause.id()).isEqualTo(finding.property());
        });
        assertThat(merged.shardFacts().sideCandidates()).isEqualTo(whole.shardFacts().sideCandidates());
        assertThat(merged.shardFacts().fromSide()).isEqualTo(whole.shardFacts().fromSide());
    }

    /** Per property: scenarios, passed, discarded (not the times). */
    private static Map<String, List<Long>> counts(SuiteReport report) {
        Map<String, List<Long>> counts = new LinkedHashMap<>();
        report.properties().forEach((name, stats) -> counts.put(name, List.of(stats.scenarios(), stats.passed(), stats.discarded())));
        return counts;
    }

    private static SuiteReport run(Profile profile, Opener opener, Shard shard, SuiteConfig config) {
        try (InProcessExecutor executor = opener.open()) {
            return new ConformanceSuite(profile, config).inShard(shard).run(executor, line -> { });
        }
    }
}
