package vmck.vectors;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import vmck.spec.Geometry;
import vmck.spec.Profile;
import vmck.spec.Profiles;

/** What the corpus must contain to be worth running. */
class CorpusCoverageTest {

    private static final VectorCorpus CORPUS = VectorCorpus.generate(Geometry.I386);

    @Test
    void aFewHundredTestsWithStableConsecutiveIds() {
        List<VectorTest> tests = CORPUS.tests();

        assertThat(tests).hasSizeBetween(200, 600);
        assertThat(tests.stream().map(VectorTest::id).toList())
                .isEqualTo(IntStream.rangeClosed(1, tests.size()).boxed().toList());
    }

    @Test
    void commentsAreDistinct() {
        Set<String> comments = CORPUS.tests().stream().map(VectorTest::comment).collect(Collectors.toSet());

        assertThat(comments).hasSameSizeAs(CORPUS.tests());
    }

    @Test
    void everyProfileHasEveryResultKind() {
        for (Profile profile : Profiles.all()) {
            Set<Expectation.Result> kinds = CORPUS.tests().stream()
                    .map(test -> test.expected().get(profile.name()).result()).collect(Collectors.toSet());

            assertThat(kinds).as(profile.name()).containsExactlyInAnyOrder(Expectation.Result.values());
        }
    }

    @Test
    void everyTestHasAnExpectationForEveryProfile() {
        List<String> names = Profiles.all().stream().map(Profile::name).toList();
        for (VectorTest test : CORPUS.tests()) {
            assertThat(test.expected().keySet()).as("test " + test.id()).containsExactlyElementsOf(names);
        }
    }

    @Test
    void profilesDisagreeIsFlaggedExactlyWhenTheExpectationsDiffer() {
        List<VectorTest> flagged = CORPUS.tests().stream().filter(test -> test.flags().contains("ProfilesDisagree")).toList();

        assertThat(flagged).hasSizeGreaterThan(20);
        for (VectorTest test : CORPUS.tests()) {
            long distinct = test.expected().values().stream().map(e -> List.of(e.kr(), e.reads())).distinct().count();
            assertThat(test.flags().contains("ProfilesDisagree")).as("test " + test.id()).isEqualTo(distinct > 1);
        }
    }

    @Test
    void theXnuEdgeValuesAndTheInterestingCasesAreThere() {
        Set<String> flags = CORPUS.tests().stream().flatMap(test -> test.flags().stream()).collect(Collectors.toSet());

        assertThat(flags).contains("CountZero", "UnalignedSource", "UnalignedCount", "UnalignedDest", "Overlap",
                "SameAddress", "SourceWraps", "DestWraps", "SourceHole", "SourceUnreadable", "DestHole", "DestUnwritable",
                "SourceOutsideUserRange", "DestOutsideUserRange", "DeadTask", "LargeCount");
        assertThat(CORPUS.tests()).anySatisfy(test -> {
            assertThat(test.call().sourceAddress()).isEqualTo(0xFFFF_F000L - 2); // -ps-2
            assertThat(test.call().count()).isEqualTo(0xFFFF_FFFFL);             // -1
        });
    }

    @Test
    void successfulCopiesAreObservedAtTheDestination() {
        for (VectorTest test : CORPUS.tests()) {
            if (test.call().count() != 0 && test.expected().values().stream().anyMatch(e -> e.kr().contains(0))) {
                assertThat(test.observe()).as("test " + test.id())
                        .anySatisfy(read -> assertThat(read.address()).isEqualTo(test.call().destAddress()));
            }
        }
    }
}
