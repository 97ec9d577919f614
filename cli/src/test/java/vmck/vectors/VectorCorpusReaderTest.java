package vmck.vectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vmck.json.JsonFormatException;
import vmck.spec.Geometry;

/** The reader is strict, and its errors say which test and which field. */
class VectorCorpusReaderTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String GENERATED = VectorCorpus.generate(Geometry.I386).toJson();

    @TempDir
    Path directory;

    @Test
    void aWellFormedFileReadsBackToTheSameCorpus() throws IOException {
        Path file = directory.resolve("ok.json");
        Files.writeString(file, GENERATED);

        VectorCorpus corpus = VectorCorpus.read(file);

        assertThat(corpus.toJson()).isEqualTo(GENERATED);
        assertThat(corpus.tests().get(0).expected().get("mach3").result()).isEqualTo(Expectation.Result.VALID);
    }

    @Test
    void aWrongTypeInAnExpectationNamesTheTestAndTheField() {
        assertRejected(root -> test(root, 7).with("expected").with("mach3").put("kr", "four"),
                "test 7: ", "field \"expected.mach3.kr\"", "array");
    }

    @Test
    void aMissingFieldIsNamed() {
        assertRejected(root -> test(root, 12).remove("comment"), "test 12 lacks field \"comment\"");
    }

    @Test
    void anUnknownFieldIsRejected() {
        assertRejected(root -> test(root, 3).put("note", "extra"), "test 3: ", "field \"note\"", "unknown");
    }

    @Test
    void aResultThatDoesNotFitTheCodesIsRejected() {
        assertRejected(root -> test(root, 1).with("expected").with("gnumach").put("result", "invalid"),
                "test 1: ", "field \"expected.gnumach.result\"", "does not fit");
    }

    @Test
    void anUnknownResultIsRejected() {
        assertRejected(root -> test(root, 1).with("expected").with("mach3").put("result", "maybe"),
                "test 1: ", "field \"expected.mach3.result\"", "maybe");
    }

    @Test
    void aMalformedHashIsRejected() {
        assertRejected(root -> ((ArrayNode) test(root, 2).with("expected").with("mach3").get("reads")).set(0, "abc"),
                "test 2: ", "field \"expected.mach3.reads[0]\"");
    }

    @Test
    void aReadCountMismatchIsRejected() {
        assertRejected(root -> ((ArrayNode) test(root, 2).with("expected").with("mach3").get("read_kr")).add(0),
                "test 2: ", "field \"expected.mach3.read_kr\"", "one per observe read");
    }

    @Test
    void aBadAddressInTheCallNamesTheCallField() {
        assertRejected(root -> test(root, 5).with("call").put("count", "4096"),
                "test 5: ", "field \"call.count\"", "0x-prefixed hex");
    }

    @Test
    void aCallThatIsNotAVmCopyIsRejected() {
        assertRejected(root -> test(root, 5).set("call", test(root, 5).get("observe").get(0).deepCopy()),
                "test 5: ", "field \"call\"", "vm_copy");
    }

    @Test
    void aDuplicateIdIsRejected() {
        assertRejected(root -> test(root, 9).put("id", 8), "field \"id\"", "duplicate id 8");
    }

    @Test
    void aWrongFormatOrVersionIsRejected() {
        assertRejected(root -> root.put("format", "wycheproof"), "field \"format\"");
        assertRejected(root -> root.put("version", 1), "field \"version\"");
    }

    @Test
    void aBadGeometryIsRejected() {
        assertRejected(root -> root.with("geometry").put("page_size", 1000), "geometry", "power of two");
        assertRejected(root -> root.with("geometry").remove("max_address"), "lacks field \"geometry.max_address\"");
    }

    @Test
    void notJsonIsRejected() throws IOException {
        Path file = directory.resolve("broken.json");
        Files.writeString(file, GENERATED.substring(0, 500));

        assertThatThrownBy(() -> VectorCorpus.read(file)).isInstanceOf(JsonFormatException.class).hasMessageContaining("not JSON");
    }

    private static ObjectNode test(ObjectNode root, int id) {
        for (var node : root.get("tests")) {
            if (node.get("id").intValue() == id) {
                return (ObjectNode) node;
            }
        }
        throw new AssertionError("no test " + id);
    }

    private void assertRejected(Consumer<ObjectNode> edit, String... messageParts) {
        Path file = directory.resolve("malformed.json");
        try {
            ObjectNode root = (ObjectNode) JSON.readTree(GENERATED);
            edit.accept(root);
            Files.writeString(file, JSON.writeValueAsString(root));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        assertThatThrownBy(() -> VectorCorpus.read(file))
                .isInstanceOf(JsonFormatException.class)
                .satisfies(e -> assertThat(e.getMessage()).contains(messageParts));
    }
}
