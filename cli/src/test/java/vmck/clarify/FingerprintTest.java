package vmck.clarify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import vmck.model.ReferenceVm;
import vmck.samples.MachMapVm;
import vmck.scenario.AdapterFailure;
import vmck.scenario.Call;
import vmck.scenario.Executor;
import vmck.scenario.InProcessExecutor;
import vmck.scenario.Reply;
import vmck.spec.Geometry;
import vmck.spec.Profile;
import vmck.spec.Profiles;

class FingerprintTest {

    private static List<Fingerprint.Probe> probes;

    @BeforeAll
    static void computeProbesOnce() {
        probes = Fingerprint.probes(Profiles.all(), Geometry.I386);
    }

    static List<Profile> profiles() {
        return Profiles.all();
    }

    @Test
    void probesAreFewAndDeterministic() {
        assertThat(probes).hasSizeBetween(5, 60);
        assertThat(Fingerprint.probes(Profiles.all(), Geometry.I386)).extracting(p -> p.group().scenario())
                .isEqualTo(probes.stream().map(p -> p.group().scenario()).toList());
    }

    @ParameterizedTest
    @MethodSource("profiles")
    void theReferenceModelFingerprintsAsItsOwnProfile(Profile profile) throws AdapterFailure {
        try (InProcessExecutor executor = new InProcessExecutor(() -> new ReferenceVm(profile, Geometry.I386))) {
            Fingerprint.FingerprintResult result = Fingerprint.run(executor, Profiles.all(), probes);
            assertThat(result.bestMatch()).as(result.render()).isEqualTo(profile);
            assertThat(result.rows()).as(result.render()).allSatisfy(row -> assertThat(row.matching()).contains(profile.name()));
            assertThat(result.render()).endsWith("best match: " + profile.name() + "\n");
        }
    }

    @Test
    void machMapVmUnderGnumachFingerprintsAsGnumach() throws AdapterFailure {
        try (InProcessExecutor executor = new InProcessExecutor(() -> new MachMapVm(Profiles.GNUMACH, Geometry.I386))) {
            Fingerprint.FingerprintResult result = Fingerprint.run(executor, Profiles.all(), probes);
            System.out.println(result.render());
            assertThat(result.bestMatch()).isEqualTo(Profiles.GNUMACH);
            assertThat(result.rows()).allSatisfy(row -> assertThat(row.matching()).contains("gnumach"));
        }
    }

    @Test
    void machMapVmUnderMach3FingerprintsAsMach3AndSaysOnlyTheLooseProfileMatches() throws AdapterFailure {
        try (InProcessExecutor executor = new InProcessExecutor(() -> new MachMapVm(Profiles.MACH3, Geometry.I386))) {
            Fingerprint.FingerprintResult result = Fingerprint.run(executor, Profiles.all(), probes);
            assertThat(result.bestMatch()).isEqualTo(Profiles.MACH3);
            assertThat(result.onlyLooseMatches()).isTrue();
            assertThat(result.render()).contains("only the loose profile mach3 matches");
        }
    }

    @Test
    void theTightestOfEquallyMatchingProfilesWins() throws AdapterFailure {
        // probes that only tell gnumach from xnu: the loose mach3 allows gnumach's answers there too,
        // so both agree on every row; the kernel profile, which decides every order, is preferred.
        List<Fingerprint.Probe> gnumachVsXnu = Fingerprint.probes(List.of(Profiles.GNUMACH, Profiles.XNU), Geometry.I386);
        try (InProcessExecutor executor = new InProcessExecutor(() -> new MachMapVm(Profiles.GNUMACH, Geometry.I386))) {
            Fingerprint.FingerprintResult result = Fingerprint.run(executor, List.of(Profiles.MACH3, Profiles.GNUMACH), gnumachVsXnu);
            assertThat(result.scores().get("mach3")).as(result.render()).isEqualTo(result.scores().get("gnumach"));
            assertThat(result.bestMatch()).isEqualTo(Profiles.GNUMACH);
            assertThat(result.onlyLooseMatches()).isFalse();
            assertThat(result.render()).contains("agreeing on as many rows: mach3, gnumach").endsWith("best match: gnumach\n");
        }
        assertThat(Fingerprint.looseness(Profiles.MACH3)).isGreaterThan(Fingerprint.looseness(Profiles.GNUMACH));
    }

    @Test
    void anImplementationNoProfileExplainsGetsNeitherWithTheObservedAnswer() throws AdapterFailure {
        // answers every call with KERN_FAILURE (5): no profile allows that for vm_allocate, let alone vm_copy
        Executor failing = new FixedExecutor(calls -> calls.stream().map(call -> Reply.of(5)).toList());
        Fingerprint.FingerprintResult result = Fingerprint.run(failing, Profiles.all(), probes);
        assertThat(result.rows()).allSatisfy(row -> {
            assertThat(row.neither()).isTrue();
            assertThat(row.observed()).allSatisfy(line -> assertThat(line).startsWith("vm_copy(").endsWith("KERN_FAILURE (5)"));
        });
        assertThat(result.render()).contains("neither (observed: vm_copy(").endsWith("best match: none\n");
    }

    @Test
    void anAdapterFailurePropagates() {
        Executor broken = new FixedExecutor(calls -> {
            throw new AdapterFailure("adapter crashed");
        });
        assertThatThrownBy(() -> Fingerprint.run(broken, Profiles.all(), probes)).isInstanceOf(AdapterFailure.class)
                .hasMessageContaining("adapter crashed");
    }

    /** An executor whose replies come from a function. */
    private record FixedExecutor(Answer answer) implements Executor {
        interface Answer {
            List<Reply> apply(List<Call> calls) throws AdapterFailure;
        }

        public String name() {
            return "fixed";
        }

        public Geometry geometry() {
            return Geometry.I386;
        }

        public List<Reply> run(List<Call> calls) throws AdapterFailure {
            return answer.apply(calls);
        }

        public void close() {
        }
    }
}
