package vmck.report;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import vmck.conformance.ClauseFinding;
import vmck.conformance.ClauseStatus;
import vmck.conformance.SuiteReport;
import vmck.conformance.Violation;
import vmck.model.AddressSpace;
import vmck.model.ReferenceModel;
import vmck.scenario.Call;
import vmck.scenario.Reply;
import vmck.spec.Clause;
import vmck.spec.Geometry;

/**
 * report.html: one self-contained page (inline style and SVG; no script, font or network) with
 * the verdict, the per-clause table and, for every failure, a picture of its minimal scenario
 * ({@link ScenarioPicture}), its listing and every profile's decision ({@link Explanation}).
 */
public final class HtmlReport {

    private static final String STYLE = """
            body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:24px;color:#1b1b1b;max-width:1200px}
            h1{font-size:22px}h2{font-size:18px;margin-top:28px}h3{font-size:16px;margin-top:24px}
            table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:3px 8px;text-align:left}
            th{background:#f0f0f0}.status-fail{background:#fbd5d5;font-weight:bold}.status-pass{background:#dcf5dc}
            .status-not-exercised{background:#fff3c4}.status-not-applicable,.status-untestable{color:#666}
            pre{background:#f6f6f6;padding:8px;overflow-x:auto;font-size:12px;white-space:pre-wrap}
            .picture{overflow-x:auto;border:1px solid #ddd;padding:4px;background:#fff}
            .legend span{display:inline-block;padding:0 6px;margin-right:6px;border:1px solid #333;font-size:12px}
            .verdict{font-weight:bold}
            """;

    private HtmlReport() {
    }

    public static String render(SuiteReport report) {
        StringBuilder out = new StringBuilder();
        Geometry geometry = report.geometry();
        out.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">")
                .append("<title>vmck report: ").append(esc(report.implementation())).append("</title><style>")
                .append(STYLE).append("</style></head><body>\n");
        out.append("<h1>vmck conformance report</h1>\n<ul>\n");
        out.append("<li><b>Implementation:</b> ").append(esc(report.implementation())).append("</li>\n");
        out.append("<li><b>Profile:</b> ").append(esc(report.profile().name())).append(" &mdash; ")
                .append(esc(report.profile().summary())).append("</li>\n");
        out.append(String.format("<li><b>Geometry:</b> %d-byte pages, %d-bit addresses, user range [%s, %s)</li>%n",
                geometry.pageSize(), geometry.addressBits(), Geometry.hex(geometry.minAddress()), Geometry.hex(geometry.maxAddress())));
        out.append(String.format("<li><b>Run:</b> seed %d, %d scenarios, %.1f s%s</li>%n", report.config().seed(), report.scenarios(),
                report.elapsed().toMillis() / 1000.0, report.interrupted() ? " (interrupted: what was found so far)" : ""));
        out.append("<li class=\"verdict\" id=\"verdict\">Verdict: ").append(report.verdict()).append(" (exit code ")
                .append(report.verdict().exitCode()).append(")</li>\n</ul>\n");
        if (report.adapterFailure() != null) {
            out.append("<h2>The implementation could not be run to the end</h2>\n<pre class=\"adapter-failure\">")
                    .append(esc(report.adapterFailure())).append("</pre>\n");
        }
        // The failures first: the failing scenario is what a reader came for.
        if (!report.findings().isEmpty()) {
            out.append("<h2>Failures</h2>\n<p class=\"legend\">Pages: <span style=\"background:#9fd89f\">rw-</span>"
                    + "<span style=\"background:#f3e08a\">r--</span><span style=\"background:#f5b97a\">-w-</span>"
                    + "<span style=\"background:#f09a9a\">---</span><span style=\"border-style:dashed\">hole</span>"
                    + "<span style=\"background:#cfcfcf\">outside the user range</span> &nbsp; ranges: "
                    + "<span style=\"background:#2a6fdb;color:#fff\">source</span><span style=\"background:#e07b00;color:#fff\">"
                    + "destination</span><span style=\"background:#d8c6e4\">overlap</span><span style=\"background:#555;color:#fff\">"
                    + "observation</span>; &#8943; elided pages</p>\n");
            for (ClauseFinding finding : report.findings().values()) {
                failure(out, report, finding);
            }
        }
        out.append("<h2>Clauses</h2>\n<table class=\"clauses\"><thead><tr><th>Clause</th><th>Title</th><th>Status</th>"
                + "<th>Checks</th><th>Detail</th></tr></thead><tbody>\n");
        for (Map.Entry<Clause, ClauseStatus> entry : report.statuses().entrySet()) {
            Clause clause = entry.getKey();
            ClauseFinding finding = report.findings().get(clause);
            String status = entry.getValue().name().toLowerCase().replace('_', '-');
            out.append("<tr data-clause=\"").append(clause.id()).append("\"><td>").append(clause.id()).append("</td><td>")
                    .append(esc(clause.title())).append("</td><td class=\"status-").append(status).append("\">")
                    .append(status.replace('-', ' ')).append("</td><td>").append(report.checks().getOrDefault(clause, 0L))
                    .append("</td><td>").append(finding == null ? "" : "<a href=\"#" + anchor(clause) + "\">"
                            + (finding.violation().prerequisite() ? "harness prerequisite: " : "") + "minimal scenario</a>")
                    .append("</td></tr>\n");
        }
        out.append("</tbody></table>\n");
        out.append("</body></html>\n");
        return out.toString();
    }

    private static void failure(StringBuilder out, SuiteReport report, ClauseFinding finding) {
        Violation violation = finding.violation();
        Clause clause = violation.clause();
        List<Call> calls = finding.scenario().calls();
        List<Reply> replies = finding.replies();
        out.append("<section class=\"failure\" id=\"").append(anchor(clause)).append("\" data-clause=\"").append(clause.id())
                .append("\">\n<h3>").append(clause.id()).append(": ").append(esc(clause.title())).append("</h3>\n");
        out.append("<p>Found by property <code>").append(esc(finding.property())).append("</code> in ")
                .append(finding.timeToFindMillis()).append(" ms, shrunk in ").append(finding.timeToShrinkMillis()).append(" ms")
                .append(violation.prerequisite() ? "; a <b>harness prerequisite</b> (helper call), not a vm_copy clause" : "")
                .append(". At call #").append(violation.callIndex()).append(": expected <b>").append(esc(violation.expected()))
                .append("</b>, observed <b>").append(esc(violation.observed())).append("</b>. Trace: <code>")
                .append(TraceFile.fileName(clause)).append("</code> (<code>vmck replay</code>, <code>vmck explain</code>).</p>\n");
        out.append("<div class=\"picture\">\n").append(picture(report, finding)).append("</div>\n");
        out.append("<pre class=\"listing\">").append(esc(finding.scenario().listing())).append("</pre>\n");
        out.append("<h4>Every profile's decision</h4>\n<pre class=\"explain\">")
                .append(esc(Explanation.render(report.geometry(), calls, replies, violation.callIndex(),
                        "checked under " + report.profile().name() + ": " + violation)))
                .append("</pre>\n</section>\n");
    }

    /** The picture of one failure: the memory before the vm_copy it is about, the ranges, the wrong byte. */
    static String picture(SuiteReport report, ClauseFinding finding) {
        Violation violation = finding.violation();
        List<Call> calls = finding.scenario().calls();
        List<Reply> replies = finding.replies();
        int index = Math.min(violation.callIndex(), calls.size() - 1);
        int focus = ModelReplay.focusCopy(calls, index);
        Call.VmCopy copy = focus < 0 ? null : (Call.VmCopy) calls.get(focus);
        Call observation = focus == index ? null : calls.get(index);
        AddressSpace before = ModelReplay.before(report.profile(), report.geometry(), calls, replies, focus < 0 ? index : focus);
        Long wrongByte = firstWrongByte(report, calls, replies, index);
        String caption = "before call #" + (focus < 0 ? index : focus) + ": "
                + (copy != null ? copy.describe() : calls.get(index).describe())
                + (observation == null ? "" : "\nfailing call #" + index + ": " + observation.describe());
        return ScenarioPicture.render(report.geometry(), before, copy, observation, wrongByte, caption,
                violation.expected(), violation.observed(), violation.clause().id());
    }

    /** For a failing vm_read, the address of the first byte that differs from the model's; else null. */
    private static Long firstWrongByte(SuiteReport report, List<Call> calls, List<Reply> replies, int index) {
        if (!(calls.get(index) instanceof Call.VmRead read) || index >= replies.size() || replies.get(index).data() == null) {
            return null;
        }
        AddressSpace state = ModelReplay.before(report.profile(), report.geometry(), calls, replies, index);
        ReferenceModel.Read expected = new ReferenceModel(report.profile(), report.geometry())
                .read(state, read.address(), read.size());
        if (expected.data() == null) {
            return null;
        }
        int at = Arrays.mismatch(expected.data(), replies.get(index).data());
        return at < 0 ? null : read.address() + at;
    }

    private static String anchor(Clause clause) {
        return clause.id().toLowerCase();
    }

    private static String esc(String text) {
        return ScenarioPicture.esc(text);
    }
}
