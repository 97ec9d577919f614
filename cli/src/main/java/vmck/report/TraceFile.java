package vmck.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vmck.conformance.ClauseFinding;
import vmck.scenario.Scenario;
import vmck.scenario.Call;
import vmck.json.CallJson;
import vmck.json.JsonFields;
import vmck.json.JsonFormatException;
import vmck.scenario.Reply;
import vmck.spec.Clause;
import vmck.spec.Geometry;

/**
 * A saved failure: the minimal scenario with the expected and observed outcomes, in a versioned,
 * line-oriented JSON format that {@code vmck replay} reads (documented in spec/PROTOCOL.md,
 * section "Trace files"). Line 1 is a header object; each further line is one call with the
 * reply the implementation gave: {@code {"call": {...}, "reply": {...}}}. One call per line keeps
 * traces diffable and lets a parse error name its line.
 */
public final class TraceFile {

    public static final String FORMAT = "vmck-trace";
    public static final int VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper();

    private TraceFile() {
    }

    /** A parsed trace. */
    public record Trace(String profile, Geometry geometry, String implementation, Clause clause, int callIndex,
                        String expected, String observed, boolean prerequisite, List<Call> calls, List<Reply> replies) {
        public Scenario scenario() {
            return new Scenario(calls);
        }

        /** The violation the trace was saved for. */
        public vmck.conformance.Violation violation() {
            return new vmck.conformance.Violation(callIndex, clause, prerequisite, expected, observed);
        }
    }

    public static String fileName(Clause clause) {
        return "trace-" + clause.id() + ".jsonl";
    }

    /** The trace of the n-th (from 1) further witness of a clause, kept as found. */
    public static String witnessFileName(Clause clause, int n) {
        return "trace-" + clause.id() + "-witness-" + n + ".jsonl";
    }

    /** A shard's trace of a finding's failure as its property first found it, before shrinking (for {@code vmck merge}). */
    public static String asFoundFileName(Clause clause) {
        return "trace-" + clause.id() + "-as-found.jsonl";
    }

    /** Renders the trace of one finding; {@code replies} are the implementation's answers to its calls. */
    public static String render(String profile, Geometry geometry, String implementation, long seed,
                                ClauseFinding finding, List<Reply> replies) {
        ObjectNode header = JSON.createObjectNode()
                .put("format", FORMAT).put("version", VERSION)
                .put("profile", profile)
                .put("implementation", implementation)
                .put("clause", finding.violation().clause().id())
                .put("prerequisite", finding.violation().prerequisite())
                .put("call_index", finding.violation().callIndex())
                .put("expected", finding.violation().expected())
                .put("observed", finding.violation().observed())
                .put("seed", seed)
                .put("property", finding.property())
                .put("choices", finding.choices().toCompactString());
        header.set("geometry", CallJson.putGeometry(JSON.createObjectNode(), geometry));
        StringBuilder out = new StringBuilder(header.toString()).append('\n');
        List<Call> calls = finding.scenario().calls();
        for (int i = 0; i < calls.size(); i++) {
            ObjectNode line = JSON.createObjectNode();
            line.set("call", CallJson.toJson(calls.get(i)));
            if (i < replies.size()) {
                line.set("reply", CallJson.toJson(replies.get(i)));
            }
            out.append(line).append('\n');
        }
        return out.toString();
    }

    public static void write(Path file, String content) throws IOException {
        AtomicFiles.write(file, content);
    }

    /** Reads a trace strictly; a malformed one is a {@link JsonFormatException} naming the file, the line and the field. */
    public static Trace read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.isEmpty()) {
            throw new JsonFormatException(file + ":1: empty file: a trace starts with its header line");
        }
        JsonFields header = line(file, 1, lines.get(0));
        String format = header.text("format");
        if (!FORMAT.equals(format)) {
            throw header.error("format", "expected \"" + FORMAT + "\", got \"" + format + "\"");
        }
        if (header.integer("version") != VERSION) {
            throw header.error("version", "this vmck reads version " + VERSION + ", got " + header.node().get("version"));
        }
        Geometry geometry = CallJson.geometry(header.object("geometry"));
        String clauseId = header.text("clause");
        Clause clause = Clause.byId(clauseId).orElseThrow(() -> header.error("clause", "unknown clause \"" + clauseId + "\""));
        List<Call> calls = new ArrayList<>();
        List<Reply> replies = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            JsonFields line = line(file, i + 1, lines.get(i));
            calls.add(CallJson.fromJson(line.object("call")));
            if (line.has("reply")) {
                replies.add(CallJson.replyFromJson(line.object("reply")));
            }
        }
        if (calls.isEmpty()) {
            throw new JsonFormatException(file + ":" + lines.size() + ": the trace has no calls (truncated?)");
        }
        JsonNode node = header.node();
        return new Trace(header.text("profile"), geometry, node.path("implementation").asText(""), clause,
                node.path("call_index").asInt(-1), node.path("expected").asText(""), node.path("observed").asText(""),
                node.path("prerequisite").asBoolean(), calls, replies);
    }

    /** One line of the file as a JSON object, named {@code file:line} in messages. */
    private static JsonFields line(Path file, int line, String text) throws JsonFormatException {
        try {
            return JsonFields.of(JSON.readTree(text), file + ":" + line);
        } catch (JsonProcessingException e) {
            throw new JsonFormatException(file + ":" + line + ": not JSON: " + e.getOriginalMessage());
        }
    }
}
