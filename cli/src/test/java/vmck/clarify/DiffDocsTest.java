package vmck.clarify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/**
 * The checked-in {@code docs/diff-*.md} are exactly what the diff produces now (deterministic seed
 * and order). Run with {@code -Dvmck.regenerateDocs=true} to rewrite them after a deliberate change.
 */
class DiffDocsTest {

    static Path docs() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("spec/SPEC.md"))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("repository root (holding spec/SPEC.md)").isNotNull();
        return dir.resolve("docs");
    }

    @Test
    void checkedInDiffsAreRegeneratedByteForByte() throws IOException {
        boolean regenerate = Boolean.getBoolean("vmck.regenerateDocs");
        for (DiffDocs.Doc doc : DiffDocs.CHECKED_IN) {
            String text = doc.render();
            Path file = docs().resolve(doc.file());
            if (regenerate) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, text, StandardCharsets.UTF_8);
            }
            assertThat(file).as(doc.file() + " (regenerate with -Dvmck.regenerateDocs=true)").exists();
            assertThat(Files.readString(file, StandardCharsets.UTF_8)).as(doc.file()).isEqualTo(text);
        }
    }

    @Test
    void theDiffIsDeterministic() {
        DiffDocs.Doc doc = DiffDocs.CHECKED_IN.get(0);
        assertThat(doc.render()).isEqualTo(doc.render());
    }
}
