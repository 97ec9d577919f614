package vmck.report;

import java.util.Map;

import vmck.conformance.ClauseFinding;
import vmck.conformance.ClauseStatus;
import vmck.conformance.SuiteReport;
import vmck.spec.Clause;
import vmck.spec.Geometry;

/** report.md: the verdict, a per-clause table, and each failure with its minimal scenario. */
public final class MarkdownReport {

    private MarkdownReport() {
    }

    public static String render(SuiteReport report) {
        StringBuilder out = new StringBuilder();
        Geometry geometry = report.geometry();
        out.append("# vmck conformance report\n\n");
        out.append("- **Implementation:** ").append(report.implementation()).append('\n');
        out.append("- **Profile:** ").append(report.profile().name()).append(" — ").append(report.profile().summary()).append('\n');
        out.append(String.format("- **Geometry:** %d-byte pages, %d-bit addresses, user range [%s, %s)%n",
                geometry.pageSize(), geometry.addressBits(), Geometry.hex(geometry.minAddress()), Geometry.hex(geometry.maxAddress())));
        out.append(String.format("- **Run:** seed %d, %d scenarios, %.1f s%s%n", report.config().seed(), report.scenarios(),
                report.elapsed().toMillis() / 1000.0, report.interrupted() ? " (interrupted: what was found so far)" : ""));
        out.append("- **Shrinking:** ").append(report.shrinking().describe()).append('\n');
        out.append("- **Verdict:** **").append(report.verdict()).append("** (exit code ").append(report.verdict().exitCode()).append(")\n");
        if (report.adapterFailure() != null) {
            out.append("\n## The implementation could not be run to the end\n\n```\n").append(report.adapterFailure()).append("\n```\n");
        }
        out.append("\n## Clauses\n\n| Clause | Title | Status | Checks | Detail |\n|---|---|---|---|---|\n");
        for (Map.Entry<Clause, ClauseStatus> entry : report.statuses().entrySet()) {
            Clause clause = entry.getKey();
            ClauseFinding finding = report.findings().get(clause);
            String detail = finding == null ? "" : (finding.violation().prerequisite() ? "harness prerequisite: " : "")
                    + "[minimal scenario](#" + clause.id().toLowerCase() + ")";
            out.append(String.format("| %s | %s | %s | %d | %s |%n", clause.id(), clause.title(), word(entry.getValue()),
                    report.checks().getOrDefault(clause, 0L), detail));
        }
        if (!report.findings().isEmpty()) {
            out.append("\n## Failures\n");
            for (ClauseFinding finding : report.findings().values()) {
                Clause clause = finding.violation().clause();
                out.append("\n### ").append(clause.id()).append("\n\n");
                out.append(clause.title()).append(". Found by property `").append(finding.property()).append("` in ")
                        .append(finding.timeToFindMillis()).append(" ms, shrunk in ").append(finding.timeToShrinkMillis()).append(" ms")
                        .append(finding.violation().prerequisite() ? " — a **harness prerequisite** (helper call), not a vm_copy clause" : "")
                        .append(".\n\n");
                out.append("- **Expected:** ").append(finding.violation().expected()).append('\n');
                out.append("- **Observed:** ").append(finding.violation().observed()).append('\n');
                out.append("- **At call:** #").append(finding.violation().callIndex()).append('\n');
                out.append("- **Trace:** `").append(TraceFile.fileName(clause)).append("` (replay with `vmck replay`)\n\n");
                out.append("```\n").append(finding.scenario().listing()).append("```\n");
                for (int i = 0; i < finding.witnesses().size(); i++) {
                    var witness = finding.witnesses().get(i);
                    out.append(i == 0 ? "\nFurther witnesses, kept as found (not shrunk again):\n\n" : "")
                            .append("- `").append(TraceFile.witnessFileName(clause, i + 1)).append("`: property `")
                            .append(witness.property()).append("`, ").append(witness.scenario().calls().size())
                            .append(" calls, ").append(witness.violation()).append('\n');
                }
            }
        }
        return out.toString();
    }

    static String word(ClauseStatus status) {
        return switch (status) {
            case PASS -> "pass";
            case FAIL -> "**FAIL**";
            case NOT_APPLICABLE -> "not applicable";
            case UNTESTABLE -> "untestable";
            case NOT_EXERCISED -> "not exercised";
        };
    }
}
