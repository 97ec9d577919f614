package vmck.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vmck.conformance.ClauseFinding;
import vmck.conformance.ConformanceSuite;
import vmck.conformance.Shard;
import vmck.conformance.SuiteConfig;
import vmck.conformance.SuiteReport;
import vmck.conformance.Witness;
import vmck.engine.ChoiceSequence;
import vmck.engine.ShrinkStop;
import vmck.json.CallJson;
import vmck.json.JsonFields;
import vmck.json.JsonFormatException;
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
                .put("shrinking_enabled", config.shrinking())
                .put("max_steps", config.maxSteps())
                .put("shrink_budget_ms", config.shrinkBudget().toMillis())
                .put("fail_fast", config.failFast())
                .put("interrupted", report.interrupted())
                .put("elapsed_ms", report.elapsed().toMillis());
        JsonReport.putRunFacts(root, report);
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
        report.findings().forEach((clause, finding) -> {
            ObjectNode node = findings.putObject(clause.id())
                    .put("from_side", report.shardFacts().fromSide().contains(clause))
                    .put("property", finding.property())
                    .put("choices", finding.choices().toCompactString())
                    .put("time_to_find_ms", finding.timeToFindMillis())
                    .put("time_to_shrink_ms", finding.timeToShrinkMillis())
                    .put("shrink_stop", finding.shrinkStop().name())
                    .put("trace", TraceFile.fileName(clause));
            var witnesses = node.putArray("witnesses");
            for (int i = 0; i < finding.witnesses().size(); i++) {
                putWitness(witnesses.addObject(), finding.witnesses().get(i), TraceFile.witnessFileName(clause, i + 1));
            }
            Witness asFound = report.shardFacts().firstFailures().get(clause);
            if (asFound != null && !report.shardFacts().shard().isWhole()) {
                putWitness(node.putObject("as_found"), asFound, TraceFile.asFoundFileName(clause));
            }
        });
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not render " + FILE, e);
        }
    }

    /** Reads {@code directory}/shard.json and the traces it names back into the run's report. */
    public static SuiteReport read(Path directory) throws IOException {
        Path file = directory.resolve(FILE);
        JsonFields root;
        try {
            root = JsonFields.of(JSON.readTree(Files.readString(file)), file.toString());
        } catch (NoSuchFileException e) {
            throw new JsonFormatException(file + ": missing: is " + directory + " a folder written by vmck check --report?");
        } catch (JsonProcessingException e) {
            throw new JsonFormatException(file + ": not JSON: " + e.getOriginalMessage());
        }
        if (!FORMAT.equals(root.text("format"))) {
            throw root.error("format", "expected \"" + FORMAT + "\"");
        }
        if (root.integer("version") != VERSION) {
            throw root.error("version", "this vmck reads version " + VERSION);
        }
        Shard shard;
        try {
            shard = Shard.parse(root.text("shard"));
        } catch (IllegalArgumentException e) {
            throw root.error("shard", e.getMessage());
        }
        Profile profile = Profiles.byName(root.text("profile")).orElseThrow(() -> root.error("profile", "unknown profile"));
        SuiteConfig config = new SuiteConfig(root.longInteger("seed"), root.integer("scenarios_per_property"),
                Duration.ofMillis(root.longInteger("budget_ms")), root.integer("parallelism"),
                root.bool("shrinking_enabled"), root.integer("max_steps"), Duration.ofMillis(root.longInteger("shrink_budget_ms")),
                root.bool("fail_fast"));
        Geometry geometry = CallJson.geometry(root.object("geometry"));
        JsonFields s = root.object("shrinking");
        SuiteReport.Shrinking shrinking = new SuiteReport.Shrinking(Duration.ofMillis(s.longInteger("spent_ms")),
                Duration.ofMillis(s.longInteger("budget_ms")), s.integer("shrinks"), s.bool("budget_spent"),
                s.bool("stopped_at_first_failure"));
        Map<String, SuiteReport.PropertyStats> properties = new LinkedHashMap<>();
        JsonFields propertyFields = root.object("properties");
        for (String name : names(propertyFields)) {
            JsonFields p = propertyFields.object(name);
            properties.put(name, new SuiteReport.PropertyStats(p.longInteger("scenarios"), p.longInteger("passed"),
                    p.longInteger("discarded"), Duration.ofMillis(p.longInteger("elapsed_ms")), p.text("labels")));
        }
        TreeMap<Clause, Long> checks = new TreeMap<>();
        JsonFields checkFields = root.object("checks");
        for (String id : names(checkFields)) {
            checks.put(clause(checkFields, id), checkFields.longInteger(id));
        }
        TreeMap<Clause, SuiteReport.SideCandidate> side = new TreeMap<>();
        JsonFields sideFields = root.object("side_candidates");
        for (String id : names(sideFields)) {
            JsonFields candidate = sideFields.object(id);
            side.put(clause(sideFields, id), new SuiteReport.SideCandidate(candidate.text("property"), choices(candidate)));
        }
        TreeMap<Clause, ClauseFinding> findings = new TreeMap<>();
        TreeMap<Clause, Witness> firstFailures = new TreeMap<>();
        EnumSet<Clause> fromSide = EnumSet.noneOf(Clause.class);
        JsonFields findingFields = root.object("findings");
        for (String id : names(findingFields)) {
            Clause clause = clause(findingFields, id);
            JsonFields node = findingFields.object(id);
            Path tracePath = directory.resolve(node.text("trace"));
            TraceFile.Trace trace = TraceFile.read(tracePath);
            List<Witness> witnesses = new ArrayList<>();
            JsonNode witnessNodes = node.array("witnesses");
            for (int i = 0; i < witnessNodes.size(); i++) {
                witnesses.add(witness(directory, node.nested("witnesses[" + i + "]", witnessNodes.get(i))));
            }
            if (node.has("as_found")) {
                firstFailures.put(clause, witness(directory, node.object("as_found")));
            }
            ShrinkStop stop;
            try {
                stop = ShrinkStop.valueOf(node.text("shrink_stop"));
            } catch (IllegalArgumentException e) {
                throw node.error("shrink_stop", "unknown: " + e.getMessage());
            }
            findings.put(clause, new ClauseFinding(trace.violation(),
                    trace.scenario(), trace.replies(), choices(node), node.text("property"),
                    node.longInteger("time_to_find_ms"), node.longInteger("time_to_shrink_ms"), stop, List.copyOf(witnesses)));
            if (node.bool("from_side")) {
                fromSide.add(clause);
            }
        }
        String adapterFailure = root.has("adapter_failure") ? root.text("adapter_failure") : null;
        return new SuiteReport(root.text("implementation"), profile, geometry, config, root.bool("interrupted"),
                ConformanceSuite.statuses(profile, findings, checks), findings, checks, properties,
                adapterFailure, Duration.ofMillis(root.longInteger("elapsed_ms")), shrinking,
                new SuiteReport.ShardFacts(shard, side, fromSide, firstFailures));
    }

    private static void putWitness(ObjectNode node, Witness witness, String trace) {
        node.put("property", witness.property()).put("choices", witness.choices().toCompactString()).put("trace", trace);
    }

    private static Witness witness(Path directory, JsonFields fields) throws IOException {
        Path tracePath = directory.resolve(fields.text("trace"));
        TraceFile.Trace found = TraceFile.read(tracePath);
        return new Witness(fields.text("property"), found.violation(), found.scenario(), found.replies(),
                choices(fields));
    }

    private static List<String> names(JsonFields object) {
        List<String> names = new ArrayList<>();
        object.node().fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Clause clause(JsonFields object, String id) throws JsonFormatException {
        return Clause.byId(id).orElseThrow(() -> object.error(id, "unknown clause"));
    }

    private static ChoiceSequence choices(JsonFields node) throws JsonFormatException {
        try {
            return ChoiceSequence.parse(node.text("choices"));
        } catch (IllegalArgumentException e) {
            throw node.error("choices", e.getMessage());
        }
    }
}
