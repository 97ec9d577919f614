package vmck.vectors;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vmck.scenario.Call;
import vmck.json.CallJson;
import vmck.json.JsonFields;
import vmck.json.JsonFormatException;
import vmck.spec.Geometry;

/** The vectors file format (see vectors/README.md): writing, and strict reading. */
final class CorpusJson {

    static final String FORMAT = "vmck-vectors";
    static final int VERSION = 2;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> TOP_FIELDS = Set.of("format", "version", "geometry", "layout", "tests");
    private static final Set<String> GEOMETRY_FIELDS = Set.of("page_size", "address_bits", "min_address", "max_address");
    private static final Set<String> TEST_FIELDS = Set.of("id", "comment", "flags", "call", "observe", "expected");
    private static final Set<String> EXPECTATION_FIELDS = Set.of("result", "kr", "clause", "reads", "read_kr");

    private CorpusJson() {
    }

    // ------------------------------------------------------------------ writing

    static String write(Geometry geometry, List<Call> layout, List<VectorTest> tests) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT).put("version", VERSION);
        CallJson.putGeometry(root.putObject("geometry"), geometry);
        ArrayNode layoutNode = root.putArray("layout");
        layout.forEach(call -> layoutNode.add(CallJson.toJson(call)));
        ArrayNode testsNode = root.putArray("tests");
        for (VectorTest test : tests) {
            ObjectNode node = testsNode.addObject().put("id", test.id()).put("comment", test.comment());
            test.flags().forEach(node.putArray("flags")::add);
            node.set("call", CallJson.toJson(test.call()));
            ArrayNode observe = node.putArray("observe");
            test.observe().forEach(read -> observe.add(CallJson.toJson(read)));
            ObjectNode expected = node.putObject("expected");
            test.expected().forEach((profile, expectation) -> {
                ObjectNode entry = expected.putObject(profile).put("result", expectation.result().jsonName());
                expectation.kr().forEach(entry.putArray("kr")::add);
                entry.put("clause", expectation.clause());
                ArrayNode reads = entry.putArray("reads");
                for (List<String> hashes : expectation.reads()) {
                    if (hashes == null) {
                        reads.addNull();
                    } else if (hashes.size() == 1) {
                        reads.add(hashes.get(0));
                    } else {
                        hashes.forEach(reads.addArray()::add);
                    }
                }
                expectation.readKr().forEach(entry.putArray("read_kr")::add);
            });
        }
        List<Boolean> scalarArrays = new ArrayList<>();
        collectScalarArrays(root, scalarArrays);
        CompactArrayPrinter printer = new CompactArrayPrinter(scalarArrays);
        try {
            return JSON.writer(printer).writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain values always serializes", e);
        }
    }

    /** For every array in document order: true when it holds only scalars (printed on one line). */
    private static void collectScalarArrays(JsonNode node, List<Boolean> out) {
        if (node.isArray()) {
            boolean scalars = true;
            for (JsonNode item : node) {
                scalars &= item.isValueNode();
            }
            out.add(scalars);
        }
        for (JsonNode child : node) {
            collectScalarArrays(child, out);
        }
    }

    /**
     * Two-space indentation, {@code "key": value}, and arrays of scalars on one line (so a test's
     * kr, reads and flags stay readable); told in advance which arrays, in document order, hold scalars.
     */
    private static final class CompactArrayPrinter extends DefaultPrettyPrinter {
        private static final DefaultIndenter BLOCK = new DefaultIndenter("  ", "\n");
        private final java.util.ArrayDeque<Boolean> scalarArrays;
        private final java.util.ArrayDeque<Indenter> enclosing = new java.util.ArrayDeque<>();

        CompactArrayPrinter(List<Boolean> scalarArrays) {
            super(DefaultPrettyPrinter.DEFAULT_ROOT_VALUE_SEPARATOR);
            this.scalarArrays = new java.util.ArrayDeque<>(scalarArrays);
            _separators = Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER);
            _objectFieldValueSeparatorWithSpaces = ": ";
            indentObjectsWith(BLOCK);
            indentArraysWith(BLOCK);
        }

        @Override
        public DefaultPrettyPrinter createInstance() {
            return this; // single use: made afresh for each write
        }

        @Override
        public void writeStartArray(com.fasterxml.jackson.core.JsonGenerator g) throws java.io.IOException {
            enclosing.push(_arrayIndenter);
            _arrayIndenter = Boolean.TRUE.equals(scalarArrays.poll()) ? FixedSpaceIndenter.instance : BLOCK;
            super.writeStartArray(g);
        }

        @Override
        public void writeEndArray(com.fasterxml.jackson.core.JsonGenerator g, int nrOfValues) throws java.io.IOException {
            super.writeEndArray(g, nrOfValues);
            _arrayIndenter = enclosing.pop();
        }
    }

    // ------------------------------------------------------------------ reading

    static VectorCorpus read(String text) throws JsonFormatException {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new JsonFormatException("not JSON: " + e.getOriginalMessage());
        }
        JsonFields top = JsonFields.of(root, "").allowOnly(TOP_FIELDS);
        if (!FORMAT.equals(top.text("format"))) {
            throw top.error("format", "expected \"" + FORMAT + "\"");
        }
        if (top.integer("version") != VERSION) {
            throw top.error("version", "only version " + VERSION + " is known");
        }
        Geometry geometry = CallJson.geometry(top.object("geometry").allowOnly(GEOMETRY_FIELDS));
        List<Call> layout = new ArrayList<>();
        JsonNode layoutNode = top.array("layout");
        for (int i = 0; i < layoutNode.size(); i++) {
            layout.add(CallJson.fromJson(top.nested("layout[" + i + "]", layoutNode.get(i))));
        }
        List<VectorTest> tests = new ArrayList<>();
        Set<Integer> ids = new java.util.HashSet<>();
        JsonNode testsNode = top.array("tests");
        for (int i = 0; i < testsNode.size(); i++) {
            JsonNode node = testsNode.get(i);
            JsonNode idNode = node.path("id");
            boolean named = idNode.isIntegralNumber() && idNode.canConvertToInt();
            JsonFields fields = JsonFields.of(node, named ? "test " + idNode.intValue() : "tests[" + i + "]").allowOnly(TEST_FIELDS);
            int id = fields.integer("id");
            if (!ids.add(id)) {
                throw fields.error("id", "duplicate id " + id);
            }
            tests.add(test(fields, id));
        }
        return new VectorCorpus(geometry, layout, tests);
    }

    private static VectorTest test(JsonFields fields, int id) throws JsonFormatException {
        String comment = fields.text("comment");
        List<String> flags = new ArrayList<>();
        JsonNode flagsNode = fields.array("flags");
        for (int i = 0; i < flagsNode.size(); i++) {
            if (!flagsNode.get(i).isTextual()) {
                throw fields.error("flags[" + i + "]", "expected a string");
            }
            flags.add(flagsNode.get(i).textValue());
        }
        if (!(CallJson.fromJson(fields.object("call")) instanceof Call.VmCopy copy)) {
            throw fields.error("call", "expected a vm_copy");
        }
        List<Call.VmRead> observe = new ArrayList<>();
        JsonNode observeNode = fields.array("observe");
        for (int i = 0; i < observeNode.size(); i++) {
            if (!(CallJson.fromJson(fields.nested("observe[" + i + "]", observeNode.get(i))) instanceof Call.VmRead read)) {
                throw fields.error("observe[" + i + "]", "expected a vm_read");
            }
            observe.add(read);
        }
        Map<String, Expectation> expected = new LinkedHashMap<>();
        JsonNode expectedNode = fields.object("expected").node();
        if (expectedNode.isEmpty()) {
            throw fields.error("expected", "expected at least one profile");
        }
        Iterator<Map.Entry<String, JsonNode>> profiles = expectedNode.fields();
        while (profiles.hasNext()) {
            Map.Entry<String, JsonNode> entry = profiles.next();
            JsonFields entryFields = fields.nested("expected." + entry.getKey(), entry.getValue()).allowOnly(EXPECTATION_FIELDS);
            expected.put(entry.getKey(), expectation(entryFields, observe.size()));
        }
        return new VectorTest(id, comment, flags, copy, observe, expected);
    }

    private static Expectation expectation(JsonFields fields, int reads) throws JsonFormatException {
        String resultName = fields.text("result");
        Expectation.Result result = Expectation.Result.byJsonName(resultName);
        if (result == null) {
            throw fields.error("result", "expected valid, invalid or acceptable, got \"" + resultName + "\"");
        }
        List<Integer> kr = fields.integers("kr");
        if (kr.isEmpty()) {
            throw fields.error("kr", "expected at least one code");
        }
        if (Expectation.Result.of(Set.copyOf(kr)) != result) {
            throw fields.error("result", "\"" + resultName + "\" does not fit kr " + kr);
        }
        String clause = fields.text("clause");
        if (!clause.matches("VM[CH]-[A-Z]+-[0-9]+")) {
            throw fields.error("clause", "expected a clause id like VMC-ALIGN-1, got \"" + clause + "\"");
        }
        List<Integer> readKr = fields.integers("read_kr");
        if (readKr.size() != reads) {
            throw fields.error("read_kr", "expected " + reads + " codes, one per observe read, got " + readKr.size());
        }
        JsonNode readsNode = fields.array("reads");
        if (readsNode.size() != reads) {
            throw fields.error("reads", "expected " + reads + " entries, one per observe read, got " + readsNode.size());
        }
        List<List<String>> hashes = new ArrayList<>();
        for (int i = 0; i < reads; i++) {
            JsonNode hash = readsNode.get(i);
            String field = "reads[" + i + "]";
            if (hash.isNull()) {
                if (readKr.get(i) == 0) {
                    throw fields.error(field, "null, but read_kr[" + i + "] is 0: a successful read needs its hash");
                }
                hashes.add(null);
                continue;
            }
            List<String> allowed = new ArrayList<>();
            for (JsonNode one : hash.isArray() ? hash : JSON.createArrayNode().add(hash)) {
                if (!one.isTextual() || !one.textValue().matches("[0-9a-f]{64}")) {
                    throw fields.error(field, "expected null, 64 lower-case hex digits or an array of them, got " + hash);
                }
                allowed.add(one.textValue());
            }
            if (allowed.size() < (hash.isArray() ? 2 : 1)) {
                throw fields.error(field, "an array of hashes lists at least two (one hash is written as a string)");
            }
            if (readKr.get(i) != 0) {
                throw fields.error(field, "a hash, but read_kr[" + i + "] is " + readKr.get(i) + ": a failing read has null");
            }
            hashes.add(allowed);
        }
        return new Expectation(result, kr, clause, hashes, readKr);
    }
}
