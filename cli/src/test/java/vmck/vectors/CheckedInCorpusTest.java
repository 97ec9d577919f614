package vmck.vectors;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import vmck.spec.Geometry;

/**
 * The checked-in corpus is exactly what the model generates, so it cannot drift from the model.
 * Run with {@code -Dvmck.vectors.regenerate=true} to rewrite it (see vectors/README.md).
 */
class CheckedInCorpusTest {

    static final Path I386_FILE = Path.of(System.getProperty("basedir", "."))
            .resolve("..").resolve(VectorCorpus.I386_FILE).normalize();

    private static final String REGENERATE = "the checked-in corpus " + I386_FILE + " differs from generate(Geometry.I386);"
            + " if the model changed on purpose, regenerate it with: mvn -B -o -pl cli -am test"
            + " -Dtest=CheckedInCorpusTest -Dsurefire.failIfNoSpecifiedTests=false -Dvmck.failIfNoTests=false"
            + " -Dvmck.vectors.regenerate=true  (then review and commit the diff)";

    @Test
    void theCheckedInCorpusIsWhatTheModelGenerates() throws IOException {
        String generated = VectorCorpus.generate(Geometry.I386).toJson();
        if (Boolean.getBoolean("vmck.vectors.regenerate")) {
            Files.writeString(I386_FILE, generated, StandardCharsets.UTF_8);
        }
        assertThat(Files.exists(I386_FILE)).as(REGENERATE).isTrue();
        String checkedIn = Files.readString(I386_FILE, StandardCharsets.UTF_8);
        assertThat(checkedIn.equals(generated)).as(REGENERATE + "; first difference at " + firstDifference(checkedIn, generated)).isTrue();
    }

    /** "line N: checked in «…», generated «…»" for the first line that differs. */
    private static String firstDifference(String checkedIn, String generated) {
        String[] left = checkedIn.split("\n", -1);
        String[] right = generated.split("\n", -1);
        for (int i = 0; i < Math.max(left.length, right.length); i++) {
            String a = i < left.length ? left[i] : "(end of file)";
            String b = i < right.length ? right[i] : "(end of file)";
            if (!a.equals(b)) {
                return "line " + (i + 1) + ": checked in «" + a.strip() + "», generated «" + b.strip() + "»";
            }
        }
        return "nowhere";
    }

    @Test
    void generationIsDeterministic() {
        assertThat(VectorCorpus.generate(Geometry.I386).toJson()).isEqualTo(VectorCorpus.generate(Geometry.I386).toJson());
    }

    @Test
    void readingTheCheckedInCorpusAndWritingItAgainGivesTheSameBytes() throws IOException {
        VectorCorpus corpus = VectorCorpus.read(I386_FILE);

        assertThat(corpus.geometry()).isEqualTo(Geometry.I386);
        assertThat(corpus.toJson()).isEqualTo(Files.readString(I386_FILE, StandardCharsets.UTF_8));
    }

    @Test
    void otherGeometriesGenerateToo() {
        for (Geometry geometry : new Geometry[] {Geometry.X86_64, Geometry.ARM64}) {
            VectorCorpus corpus = VectorCorpus.generate(geometry);
            assertThat(corpus.tests()).as(geometry.toString()).hasSizeGreaterThan(200);
        }
    }
}
