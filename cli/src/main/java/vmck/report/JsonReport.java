package vmck.report;

import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vmck.conformance.ClauseFinding;
import vmck.conformance.ClauseStatus;
import vmck.conformance.SuiteReport;
import vmck.json.CallJson;
import vmck.spec.Clause;
import vmck.spec.Geometry;

/** report.json: the same facts as report.md, for tools. */
public final class JsonReport {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonReport() {
    }

    public static String render(SuiteReport report) {
        ObjectNode root = JSON.createObjectNode()
                .put("format", "vmck-report").put("version", 1)
                .put("implementation", report.implementation())
                .put("profile", report.profile().name())
                .put("verdict", report.verdict().name())
                .put("exit_code", report.verdict().exitCode())
                .put("seed", report.config().seed())
                .put("interrupted", report.interrupted())
                .put("scenarios", report.scenarios())
                .put("elapsed_ms", report.elapsed().toMillis());
        putRunFacts(root, report);
        ArrayNode clauses = root.putArray("clauses");
        for (Map.Entry<Clause, ClauseStatus> entry : report.statuses().entrySet()) {
            Clause clause = entry.getKey();
            ObjectNode node = clauses.addObject().put("id", clause.id()).put("title", clause.title())
                    .put("kind", clause.kind().word()).put("status", entry.getValue().name().toLowerCase())
                    .put("checks", report.checks().getOrDefault(clause, 0L));
            ClauseFinding finding = report.findings().get(clause);
            if (finding != null) {
                node.putObject("failure")
                        .put("prerequisite", finding.violation().prerequisite())
                        .put("expected", finding.violation().expected())
                        .put("observed", finding.violation().observed())
                        .put("call_index", finding.violation().callIndex())
                        .put("property", finding.property())
                        .put("calls", finding.scenario().calls().size())
                        .put("trace", TraceFile.fileName(clause))
                        .put("listing", finding.scenario().listing())
                        .put("shrink_stop", finding.shrinkStop().name().toLowerCase());
                ArrayNode witnesses = node.putArray("witnesses");
                for (int i = 0; i < finding.witnesses().size(); i++) {
                    var witness = finding.witnesses().get(i);
                    witnesses.addObject().put("property", witness.property()).put("calls", witness.scenario().calls().size())
                            .put("call_index", witness.violation().callIndex())
                            .put("trace", TraceFile.witnessFileName(clause, i + 1));
                }
            }
        }
        ObjectNode properties = root.putObject("properties");
        report.properties().forEach((name, stats) -> properties.putObject(name)
                .put("scenarios", stats.scenarios()).put("passed", stats.passed())
                .put("discarded", stats.discarded()).put("elapsed_ms", stats.elapsed().toMillis()));
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not render report.json", e);
        }
    }

    /** The run's shrinking, geometry and adapter failure, as report.json and shard.json both carry them. */
    static void putRunFacts(ObjectNode root, SuiteReport report) {
        SuiteReport.Shrinking shrinking = report.shrinking();
        root.putObject("shrinking").put("spent_ms", shrinking.spent().toMillis())
                .put("budget_ms", shrinking.budget().toMillis()).put("shrinks", shrinking.shrinks())
                .put("budget_spent", shrinking.budgetSpent())
                .put("stopped_at_first_failure", shrinking.stoppedAtFirstFailure());
        CallJson.putGeometry(root.putObject("geometry"), report.geometry());
        if (report.adapterFailure() != null) {
            root.put("adapter_failure", report.adapterFailure());
        }
    }
}
