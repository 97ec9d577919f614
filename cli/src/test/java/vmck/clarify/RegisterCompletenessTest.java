package vmck.clarify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import vmck.scenario.Scenario;
import vmck.model.CopyDecision;
import vmck.model.Finding;
import vmck.spec.Ambiguity;
import vmck.spec.Clause;
import vmck.spec.Geometry;
import vmck.spec.Profile;
import vmck.spec.Profile.Check;
import vmck.spec.Profiles;

/**
 * The ambiguity register is complete by construction: every group of scenarios telling two known
 * profiles apart maps to a register row. An unregistered difference fails the build.
 */
class RegisterCompletenessTest {

    static Stream<Arguments> pairs() {
        List<Arguments> pairs = new ArrayList<>();
        List<Profile> all = Profiles.all();
        for (Geometry geometry : List.of(Geometry.I386, Geometry.ARM64)) {
            for (int i = 0; i < all.size(); i++) {
                for (int j = i + 1; j < all.size(); j++) {
                    pairs.add(Arguments.of(all.get(i).name(), all.get(j).name(), geometry));
                }
            }
        }
        return pairs.stream();
    }

    @ParameterizedTest(name = "{0} vs {1} on {2}")
    @MethodSource("pairs")
    void everyDifferenceIsARegisterRow(String a, String b, Geometry geometry) {
        ProfileDiff.DiffResult diff = ProfileDiff.diff(Profiles.byName(a).orElseThrow(), Profiles.byName(b).orElseThrow(),
                geometry, ProfileDiff.DEFAULT_SEED, ProfileDiff.DEFAULT_SCENARIOS);
        assertThat(diff.groups()).as("profiles that differ in traits must be told apart").isNotEmpty();
        assertThat(diff.unregistered()).as(diff.render()).isEmpty();
        for (ProfileDiff.Group group : diff.groups()) {
            // the shrunk scenario really distinguishes the two, at its last call
            ProfileDiff.Difference again = ProfileDiff.firstDifference(diff.a(), diff.b(), geometry, group.scenario().calls());
            assertThat(again).isNotNull();
            assertThat(again.callIndex()).isEqualTo(group.scenario().calls().size() - 1);
            assertThat(again.clause()).isEqualTo(group.clause());
            assertThat(group.primaryRow().orElseThrow().clauses()).contains(group.clause());
        }
    }

    @Test
    void aDifferenceNoRowNamesIsReportedAsUnregistered() {
        // No register row is about VMC-FRAME-3 (the allocation map), so a divergence there is unregistered.
        assertThat(Divergence.rows(Clause.VMC_FRAME_3, Profiles.MACH3, Profiles.GNUMACH)).isEmpty();
        // xnu and xnu-arm64 differ only in bufferedCopyLimit: a difference on VMC-ALIGN-1 between them would be
        // unregistered (the rows naming it belong to traits they share) ...
        assertThat(Divergence.rows(Clause.VMC_ALIGN_1, Profiles.XNU, Profiles.XNU_ARM64)).isEmpty();
        // ... while mach3 and gnumach differ in whether the order within a range is open (AMB-07).
        assertThat(Divergence.rows(Clause.VMC_DST_2, Profiles.MACH3, Profiles.GNUMACH)).containsExactly(Ambiguity.AMB_07);
        assertThat(Divergence.rows(Clause.VMC_SRC_2, Profiles.MACH3, Profiles.XNU)).startsWith(Ambiguity.AMB_18);
        CopyDecision decision = new CopyDecision(List.of(new CopyDecision.Outcome(0, Clause.VMC_COPY_1, 0)), List.of());
        ProfileDiff.Group fake = new ProfileDiff.Group(Clause.VMC_FRAME_3,
                Divergence.rows(Clause.VMC_FRAME_3, Profiles.MACH3, Profiles.GNUMACH),
                new Scenario(List.of(new vmck.scenario.Call.VmCopy(0, 0, 0, 0))), 0, decision, decision);
        ProfileDiff.DiffResult result = new ProfileDiff.DiffResult(Profiles.MACH3, Profiles.GNUMACH, Geometry.I386, 0, 0,
                List.of(fake), 0, vmck.engine.StopReason.MAX_SCENARIOS);
        assertThat(result.unregistered()).containsExactly(fake);
        assertThat(result.render()).contains("not in the ambiguity register").contains("**none (unregistered)**");
    }

    @Test
    void theGroupingRuleNamesThePrecedenceClause() {
        Finding align = new Finding(Check.ALIGNMENT, 4, Clause.VMC_ALIGN_1, 0x10001, "unaligned");
        Finding zero = new Finding(Check.COUNT_ZERO, 0, Clause.VMC_ZERO_1, 0, "count 0");
        Finding hole = new Finding(Check.SOURCE, 1, Clause.VMC_SRC_1, 0x10000, "hole");
        Finding bounds = new Finding(Check.SOURCE, 1, Clause.VMC_RANGE_2, 0x10000, "outside");
        Finding unreadable = new Finding(Check.SOURCE, 2, Clause.VMC_SRC_2, 0x10000, "---");
        assertThat(Divergence.clause(Profiles.MACH3, decision(align), Profiles.GNUMACH, decision(zero)))
                .isEqualTo(Clause.VMC_ORDER_4);
        assertThat(Divergence.clause(Profiles.MACH3, decision(align), Profiles.GNUMACH, decision(hole)))
                .isEqualTo(Clause.VMC_ORDER_3);
        assertThat(Divergence.clause(Profiles.MACH3, decision(align), Profiles.XNU, decision(hole)))
                .isEqualTo(Clause.VMC_ALIGN_1);
        assertThat(Divergence.clause(Profiles.MACH3, decision(align), Profiles.XNU, decision()))
                .isEqualTo(Clause.VMC_ALIGN_1);
        assertThat(Divergence.clause(Profiles.MACH3, decision(bounds), Profiles.GNUMACH, decision(unreadable)))
                .isEqualTo(Clause.VMC_RANGE_2);
        assertThat(Divergence.clause(Profiles.MACH3, decision(unreadable), Profiles.XNU, decision(unreadable)))
                .isEqualTo(Clause.VMC_SRC_2);
        assertThat(Divergence.primaryRow(Clause.VMC_ORDER_3, Profiles.MACH3, Profiles.GNUMACH)).contains(Ambiguity.AMB_09);
        assertThat(Divergence.primaryRow(Clause.VMC_ORDER_4, Profiles.MACH3, Profiles.GNUMACH)).contains(Ambiguity.AMB_10);
        assertThat(Divergence.primaryRow(Clause.VMC_DST_2, Profiles.MACH3, Profiles.XNU)).contains(Ambiguity.AMB_18);
    }

    private static CopyDecision decision(Finding... findings) {
        Finding first = findings.length == 0 ? null : findings[0];
        CopyDecision.Outcome outcome = first == null ? new CopyDecision.Outcome(0, Clause.VMC_COPY_1, 1)
                : new CopyDecision.Outcome(first.kr(), first.clause(), 0);
        return new CopyDecision(List.of(outcome), List.of(findings));
    }
}
