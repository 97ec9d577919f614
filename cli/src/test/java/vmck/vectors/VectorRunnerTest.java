package vmck.vectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import vmck.model.ReferenceVm;
import vmck.samples.Mutant;
import vmck.scenario.AdapterFailure;
import vmck.scenario.Call;
import vmck.scenario.Executor;
import vmck.scenario.InProcessExecutor;
import vmck.scenario.Reply;
import vmck.spec.Geometry;
import vmck.spec.Profile;
import vmck.spec.Profiles;

class VectorRunnerTest {

    private static final VectorCorpus CORPUS = VectorCorpus.generate(Geometry.I386);

    @Test
    void theReferenceModelPassesEveryVectorOfItsProfile() throws AdapterFailure {
        for (Profile profile : Profiles.all()) {
            VectorResult result = run(() -> new ReferenceVm(profile, Geometry.I386), profile);

            assertThat(result.failures()).as(profile.name()).isEmpty();
            assertThat(result.passed()).isEqualTo(CORPUS.tests().size());
            assertThat(result.summary()).contains(profile.name(), CORPUS.tests().size() + " passed, 0 failed");
        }
    }

    @Test
    void theGnuMachModelFailsTheMach3VectorsWhereTheProfilesDisagree() throws AdapterFailure {
        VectorResult result = run(() -> new ReferenceVm(Profiles.GNUMACH, Geometry.I386), Profiles.MACH3);

        assertThat(result.failures()).isNotEmpty()
                .allSatisfy(failure -> assertThat(failure.test().flags()).contains("ProfilesDisagree"));
    }

    @Test
    void anImplementationAcceptingUnalignedSourcesFailsTheAlignmentVectors() throws AdapterFailure {
        Mutant mutant = Mutant.UNALIGNED_SOURCE_ACCEPTED;
        VectorResult result = run(() -> mutant.create(Geometry.I386), mutant.profile());

        assertThat(result.failed()).isPositive();
        assertThat(result.failures()).allSatisfy(failure -> assertThat(failure.test().flags()).contains("UnalignedSource"));
        assertThat(result.failures()).anySatisfy(failure -> {
            assertThat(failure.clause()).isEqualTo("VMC-ALIGN-1");
            assertThat(failure.expected()).contains("KERN_INVALID_ARGUMENT");
            assertThat(failure.observed()).contains("KERN_SUCCESS");
        });
    }

    @Test
    void anImplementationTestingCountZeroBeforeAlignmentFailsTheUnalignedEmptyCopies() throws AdapterFailure {
        Mutant mutant = Mutant.COUNT_ZERO_BEFORE_ALIGNMENT;
        VectorResult result = run(() -> mutant.create(Geometry.I386), mutant.profile());

        assertThat(result.failed()).isPositive();
        assertThat(result.failures()).allSatisfy(failure -> {
            assertThat(failure.test().flags()).contains("CountZero");
            assertThat(failure.test().flags()).containsAnyOf("UnalignedSource", "UnalignedDest");
            assertThat(failure.toString()).contains("#" + failure.test().id(), failure.test().comment(), "VMC-ALIGN-");
        });
    }

    @Test
    void wrongBytesAreCaughtByTheReadHashes() throws AdapterFailure {
        Executor reference = new InProcessExecutor(() -> new ReferenceVm(Profiles.MACH3, Geometry.I386));
        Executor flipsReadBytes = new DelegatingExecutor(reference) {
            @Override
            public List<Reply> run(List<Call> calls) throws AdapterFailure {
                List<Reply> replies = new ArrayList<>(reference.run(calls));
                Reply last = replies.get(replies.size() - 1);
                if (last.data() != null && last.data().length > 0) {
                    byte[] data = last.data().clone();
                    data[0] ^= 1;
                    replies.set(replies.size() - 1, Reply.read(last.kr(), data));
                }
                return replies;
            }
        };

        VectorResult result = VectorRunner.run(CORPUS, flipsReadBytes, Profiles.MACH3);

        assertThat(result.failures()).isNotEmpty()
                .allSatisfy(failure -> assertThat(failure.expected()).contains("sha256"));
    }

    @Test
    void aFailingLayoutCallIsReportedNotIgnored() throws AdapterFailure {
        Executor reference = new InProcessExecutor(() -> new ReferenceVm(Profiles.MACH3, Geometry.I386));
        Executor brokenAllocate = new DelegatingExecutor(reference) {
            @Override
            public List<Reply> run(List<Call> calls) throws AdapterFailure {
                List<Reply> replies = new ArrayList<>(reference.run(calls));
                replies.set(0, Reply.allocated(3, 0));
                return replies;
            }
        };

        VectorResult result = VectorRunner.run(CORPUS, brokenAllocate, Profiles.MACH3);

        assertThat(result.passed()).isZero();
        assertThat(result.failures().get(0).expected()).contains("layout call vm_allocate");
    }

    @Test
    void anAdapterFailurePropagates() {
        Executor crashing = new DelegatingExecutor(new InProcessExecutor(() -> new ReferenceVm(Profiles.MACH3, Geometry.I386))) {
            @Override
            public List<Reply> run(List<Call> calls) throws AdapterFailure {
                throw new AdapterFailure("adapter exited with status 139");
            }
        };

        assertThatThrownBy(() -> VectorRunner.run(CORPUS, crashing, Profiles.MACH3))
                .isInstanceOf(AdapterFailure.class).hasMessageContaining("139");
    }

    @Test
    void aGeometryMismatchIsRejectedWithBothGeometriesNamed() {
        Executor x86_64 = new InProcessExecutor(() -> new ReferenceVm(Profiles.MACH3, Geometry.X86_64));

        assertThatThrownBy(() -> VectorRunner.run(CORPUS, x86_64, Profiles.MACH3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("32-bit").hasMessageContaining("64-bit").hasMessageContaining("0xc0000000");
    }

    @Test
    void aProfileTheCorpusDoesNotKnowIsRejected() {
        Profile unknown = Profiles.GNUMACH.toBuilder().name("xnu-test")
                .summary("a profile the corpus was not generated for").build();
        Executor reference = new InProcessExecutor(() -> new ReferenceVm(Profiles.MACH3, Geometry.I386));

        assertThatThrownBy(() -> VectorRunner.run(CORPUS, reference, unknown))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("xnu-test").hasMessageContaining("test 1");
    }

    private static VectorResult run(java.util.function.Supplier<? extends vmck.spec.MachVm> implementation, Profile profile)
            throws AdapterFailure {
        try (Executor executor = new InProcessExecutor(implementation)) {
            return VectorRunner.run(CORPUS, executor, profile);
        }
    }

    /** An executor that forwards to another; tests override {@link #run}. */
    private abstract static class DelegatingExecutor implements Executor {
        private final Executor delegate;

        DelegatingExecutor(Executor delegate) {
            this.delegate = delegate;
        }

        @Override
        public String name() {
            return delegate.name();
        }

        @Override
        public Geometry geometry() {
            return delegate.geometry();
        }

        @Override
        public void close() {
            delegate.close();
        }
    }
}
