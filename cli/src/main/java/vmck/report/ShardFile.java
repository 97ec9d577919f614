package vmck.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vmck.conformance.ClauseFinding;
import vmck.conformance.Shard;
import vmck.conformance.SuiteConfig;
import vmck.conformance.SuiteReport;
import vmck.conformance.Violation;
import vmck.engine.ChoiceSequence;
import vmck.spec.Clause;
import vmck.spec.Geometry;
import vmck.spec.Profile;
import vmck.spec.Profiles;

/**
 * shard.json: everything {@code vmck merge} needs from a report folder beyond its traces (which
 * hold each finding's calls and replies) to rebuild the run's {@link SuiteReport} exactly: the
 * shard, settings, per-property counts, checks per clause, each finding's violation, choices and
 * origin, and the side violations waiting to be shrunk. Written next to report.json by every
 * {@code check --report}, so any report folder can be merged.
 */
public final class ShardFile {

    public static final String FILE = "shard.json";
    public static final String FORMAT = "vmck-shard";
    public static final int VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ShardFile() {
    }

    /** A shard file that cannot be read; names the file and the field at fault. */
    public static final class ShardFormatException extends Exception {
        ShardFormatException(Path file, String message) {
            super(file + ": " + message);
        }
    }

    public static String render(SuiteReport report) {
        SuiteConfig config = report.config();
        ObjectNode root = JSON.createObjectNode().put("format", FORMAT).put("version", VERSION)
                .put("shard", report.shardFacts().shard().toString())
                .put("implementation", report.implementation())
                .put("profile", report.profile().name())
                .put("seed", config.seed())
                .put("scenarios_per_property", config.scenariosPerProperty())
                .put("budget_ms", config.budget().toMillis())
                .put("parallelism", config.parallelism())
                .put("shrinking", config.shrinking())
                .put("max_steps", config.maxSteps())
                .put("interrupted", report.interrupted())
                .put("elapsed_ms", report.elapsed().toMillis());
        Geometry geometry = report.geometry();
        root.set("geometry", JSON.createObjectNode().put("page_size", geometry.pageSize())
                .put("address_bits", geometry.addressBits())
                .put("min_address", Geometry.hex(geometry.minAddress()))
                .put("max_address", Geometry.hex(geometry.maxAddress())));
        if (report.adapterFailure() != null) {
            root.put("adapter_failure", report.adapterFailure());
        }
        ObjectNode properties = root.putObject("properties");
        report.properties().forEach((name, stats) -> properties.putObject(name)
                .put("scenarios", stats.scenarios()).put("passed", stats.passed()).put("discarded", stats.discarded())
                .put("elapsed_ms", stats.elapsed().toMillis()).put("labels", stats.labels()));
        ObjectNode checks = root.putObject("checks");
        report.checks().forEach((clause, n) -> checks.put(clause.id(), n));
        ObjectNode side = root.putObject("side_candidates");
        report.shardFacts().sideCandidates().forEach((clause, candidate) -> side.putObject(clause.id())
                .put("property", candidate.property()).put("choices", candidate.choices().toCompactString()));
        ObjectNode findings = root.putObject("findings");
        report.findings().forEach((clause, finding) -> findings.putObject(clause.id())
                .put("from_side", report.shardFacts().fromSide().contains(clause))
                .put("property", finding.property())
                .put("choices", finding.choices().toCompactString())
                .put("time_to_find_ms", finding.timeToFindMillis())
                .put("time_to_shrink_ms", finding.timeToShrinkMillis())
                .put("trace", TraceFile.fileName(clause)));
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not render " + FILE, e);
        }
    }

    /** Reads {@code directory}/shard.json and the traces it names back into the run's report. */
    public static SuiteReport read(Path directory) throws IOException, ShardFormatException {
        Path file = directory.resolve(FILE);
        JsonNode root;
        try {
            root = JSON.readTree(Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new ShardFormatException(file, "missing: is " + directory + " a folder written by vmck check --report?");
        } catch (JsonProcessingException e) {
            throw new ShardFormatException(file, "not JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject() || !FORMAT.equals(root.path("format").asText())) {
            throw new ShardFormatException(file, "field \"format\": expected \"" + FORMAT + "\"");
        }
        if (root.path("version").asInt(-1) != VERSION) {
            throw new ShardFormatException(file, "field \"version\": this vmck reads version " + VERSION);
        }
        try {
            Shard shard = Shard.parse(text(file, root, "shard"));
            Profile profile = Profiles.byName(text(file, root, "profile"))
                    .orElseThrow(() -> new ShardFormatException(file, "field \"profile\": unknown profile"));
            SuiteConfig config = new SuiteConfig(number(file, root, "seed"), (int) number(file, root, "scenarios_per_property"),
                    Duration.ofMillis(number(file, root, "budget_ms")), (int) number(file, root, "parallelism"),
                    field(file, root, "shrinking").asBoolean(), (int) number(file, root, "max_steps"));
            JsonNode g = field(file, root, "geometry");
            Geometry geometry = new Geometry((int) number(file, g, "page_size"), (int) number(file, g, "address_bits"),
                    vmck.json.CallJson.parseHex("geometry.min_address", text(file, g, "min_address")),
                    vmck.json.CallJson.parseHex("geometry.max_address", text(file, g, "max_address")));
            Map<String, SuiteReport.PropertyStats> properties = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = field(file, root, "properties").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> p = it.next();
                properties.put(p.getKey(), new SuiteReport.PropertyStats(number(file, p.getValue(), "scenarios"),
                        number(file, p.getValue(), "passed"), number(file, p.getValue(), "discarded"),
                        Duration.ofMillis(number(file, p.getValue(), "elapsed_ms")), p.getValue().path("labels").asText("")));
            }
            TreeMap<Clause, Long> checks = new TreeMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = field(file, root, "checks").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> c = it.next();
                checks.put(clause(file, c.getKey()), c.getValue().asLong());
            }
            TreeMap<Clause, SuiteReport.SideCandidate> side = new TreeMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = field(file, root, "side_candidates").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> c = it.next();
                side.put(clause(file, c.getKey()), new SuiteReport.SideCandidate(text(file, c.getValue(), "property"),
                        ChoiceSequence.parse(text(file, c.getValue(), "choices"))));
            }
            TreeMap<Clause, ClauseFinding> findings = new TreeMap<>();
            EnumSet<Clause> fromSide = EnumSet.noneOf(Clause.class);
            for (Iterator<Map.Entry<String, JsonNode>> it = field(file, root, "findings").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                Clause clause = clause(file, f.getKey());
                JsonNode node = f.getValue();
                TraceFile.Trace trace;
                try {
                    trace = TraceFile.read(directory.resolve(text(file, node, "trace")));
                } catch (TraceFile.TraceFormatException e) {
                    throw new ShardFormatException(file, "its trace for " + clause.id() + " is unreadable: " + e.getMessage());
                }
                boolean prerequisite = traceHeader(directory.resolve(text(file, node, "trace"))).path("prerequisite").asBoolean();
                findings.put(clause, new ClauseFinding(
                        new Violation(trace.callIndex(), clause, prerequisite, trace.expected(), trace.observed()),
                        trace.scenario(), trace.replies(), ChoiceSequence.parse(text(file, node, "choices")),
                        text(file, node, "property"), number(file, node, "time_to_find_ms"), number(file, node, "time_to_shrink_ms")));
                if (field(file, node, "from_side").asBoolean()) {
                    fromSide.add(clause);
                }
            }
            String adapterFailure = root.hasNonNull("adapter_failure") ? root.get("adapter_failure").asText() : null;
            return new SuiteReport(text(file, root, "implementation"), profile, geometry, config,
                    field(file, root, "interrupted").asBoolean(),
                    vmck.conformance.ConformanceSuite.statuses(profile, findings, checks), findings, checks, properties,
                    adapterFailure, Duration.ofMillis(number(file, root, "elapsed_ms")),
                    new SuiteReport.ShardFacts(shard, side, fromSide));
        } catch (IllegalArgumentException | vmck.json.CallJson.FieldException e) {
            throw new ShardFormatException(file, e.getMessage());
        }
    }

    private static JsonNode traceHeader(Path trace) throws IOException {
        String first = Files.readAllLines(trace).get(0);
        return JSON.readTree(first);
    }

    private static Clause clause(Path file, String id) throws ShardFormatException {
        return Clause.byId(id).orElseThrow(() -> new ShardFormatException(file, "unknown clause \"" + id + "\""));
    }

    private static JsonNode field(Path file, JsonNode node, String name) throws ShardFormatException {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            throw new ShardFormatException(file, "field \"" + name + "\" is missing");
        }
        return value;
    }

    private static String text(Path file, JsonNode node, String name) throws ShardFormatException {
        JsonNode value = field(file, node, name);
        if (!value.isTextual()) {
            throw new ShardFormatException(file, "field \"" + name + "\" must be a string");
        }
        return value.asText();
    }

    private static long number(Path file, JsonNode node, String name) throws ShardFormatException {
        JsonNode value = field(file, node, name);
        if (!value.isIntegralNumber()) {
            throw new ShardFormatException(file, "field \"" + name + "\" must be a whole number");
        }
        return value.asLong();
    }
}
