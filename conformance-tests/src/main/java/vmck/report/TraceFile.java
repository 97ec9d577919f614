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
import vmck.conformance.Scenario;
import vmck.scenario.Call;
import vmck.scenario.CallJson;
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
                        String expected, String observed, List<Call> calls, List<Reply> replies) {
        public Scenario scenario() {
            return new Scenario(calls);
        }
    }

    /** A trace file that cannot be read; names the line and the field at fault. */
    public static final class TraceFormatException extends Exception {
        public TraceFormatException(Path file, int line, String message) {
            super(file + ":" + line + ": " + message);
        }
    }

    public static String fileName(Clause clause) {
        return "trace-" + clause.id() + ".jsonl";
    }

    /** The trace of the n-th (from 1) further witness of a clause, kept as found. */
    public static String witnessFileName(Clause clause, int n) {
        return "trace-" + clause.id() + "-witness-" + n + ".jsonl";
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
        header.set("geometry", JSON.createObjectNode()
                .put("page_size", geometry.pageSize()).put("address_bits", geometry.addressBits())
                .put("min_address", Geometry.hex(geometry.minAddress())).put("max_address", Geometry.hex(geometry.maxAddress())));
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

    public static Trace read(Path file) throws IOException, TraceFormatException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.isEmpty()) {
            throw new TraceFormatException(file, 1, "empty file: a trace starts with its header line");
        }
        JsonNode header = parse(file, 1, lines.get(0));
        String format = field(file, 1, header, "format").asText();
        if (!FORMAT.equals(format)) {
            throw new TraceFormatException(file, 1, "field \"format\": expected \"" + FORMAT + "\", got \"" + format + "\"");
        }
        JsonNode version = field(file, 1, header, "version");
        if (!version.isInt() || version.intValue() != VERSION) {
            throw new TraceFormatException(file, 1, "field \"version\": this vmck reads version " + VERSION + ", got " + version);
        }
        Geometry geometry = geometry(file, field(file, 1, header, "geometry"));
        String clauseId = field(file, 1, header, "clause").asText();
        Clause clause = Clause.byId(clauseId).orElseThrow(() ->
                new TraceFormatException(file, 1, "field \"clause\": unknown clause \"" + clauseId + "\""));
        List<Call> calls = new ArrayList<>();
        List<Reply> replies = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            int lineNumber = i + 1;
            if (lines.get(i).isBlank()) {
                continue;
            }
            JsonNode line = parse(file, lineNumber, lines.get(i));
            try {
                calls.add(CallJson.fromJson(field(file, lineNumber, line, "call")));
                if (line.has("reply")) {
                    replies.add(CallJson.replyFromJson(line.get("reply")));
                }
            } catch (CallJson.FieldException e) {
                throw new TraceFormatException(file, lineNumber, e.getMessage());
            }
        }
        if (calls.isEmpty()) {
            throw new TraceFormatException(file, lines.size(), "the trace has no calls (truncated?)");
        }
        return new Trace(field(file, 1, header, "profile").asText(), geometry,
                header.path("implementation").asText(""), clause, header.path("call_index").asInt(-1),
                header.path("expected").asText(""), header.path("observed").asText(""), calls, replies);
    }

    private static Geometry geometry(Path file, JsonNode node) throws TraceFormatException {
        try {
            JsonNode pageSize = field(file, 1, node, "page_size");
            JsonNode bits = field(file, 1, node, "address_bits");
            return new Geometry(pageSize.asInt(), bits.asInt(),
                    CallJson.parseHex("geometry.min_address", field(file, 1, node, "min_address").asText()),
                    CallJson.parseHex("geometry.max_address", field(file, 1, node, "max_address").asText()));
        } catch (CallJson.FieldException | IllegalArgumentException e) {
            throw new TraceFormatException(file, 1, "field \"geometry\": " + e.getMessage());
        }
    }

    private static JsonNode parse(Path file, int line, String text) throws TraceFormatException {
        try {
            JsonNode node = JSON.readTree(text);
            if (node == null || !node.isObject()) {
                throw new TraceFormatException(file, line, "expected a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new TraceFormatException(file, line, "not JSON: " + e.getOriginalMessage());
        }
    }

    private static JsonNode field(Path file, int line, JsonNode node, String name) throws TraceFormatException {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            throw new TraceFormatException(file, line, "field \"" + name + "\" is missing");
        }
        return value;
    }
}
