package vmck.vectors;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import vmck.scenario.Call;
import vmck.spec.Geometry;

/**
 * A corpus of vm_copy regression vectors for one geometry (the format is described in
 * {@code vectors/README.md}): a shared layout of setup calls and the tests run after it, each
 * with its expected outcome under every profile.
 */
public final class VectorCorpus {

    /** Where the checked-in corpus of {@link Geometry#I386} lives, relative to the repository root. */
    public static final String I386_FILE = "vectors/vm_copy_i386.json";

    private final Geometry geometry;
    private final List<Call> layout;
    private final List<VectorTest> tests;

    VectorCorpus(Geometry geometry, List<Call> layout, List<VectorTest> tests) {
        this.geometry = geometry;
        this.layout = List.copyOf(layout);
        this.tests = List.copyOf(tests);
    }

    /** The corpus the reference model implies for {@code geometry}, under every profile; deterministic. */
    public static VectorCorpus generate(Geometry geometry) {
        CorpusGenerator generator = new CorpusGenerator(geometry);
        return new VectorCorpus(geometry, generator.layoutCalls(), generator.tests());
    }

    /**
     * Reads a vectors file strictly: unknown or missing fields, wrong types and inconsistent
     * entries are rejected with a message naming the test id and the field.
     */
    public static VectorCorpus read(Path file) throws IOException {
        return CorpusJson.read(Files.readString(file, StandardCharsets.UTF_8));
    }

    /** The corpus as pretty JSON with a stable key order, ending in a newline; deterministic. */
    public String toJson() {
        return CorpusJson.write(geometry, layout, tests);
    }

    public Geometry geometry() {
        return geometry;
    }

    /** The setup calls every test runs first. */
    public List<Call> layout() {
        return layout;
    }

    public List<VectorTest> tests() {
        return tests;
    }

    /**
     * Regenerates the checked-in corpus: {@code VectorCorpus [file]} writes
     * {@code generate(Geometry.I386).toJson()} to {@code file} (default {@value #I386_FILE}).
     */
    public static void main(String[] args) throws IOException {
        Path file = Path.of(args.length > 0 ? args[0] : I386_FILE);
        Files.writeString(file, generate(Geometry.I386).toJson(), StandardCharsets.UTF_8);
        System.out.println("wrote " + file);
    }
}
