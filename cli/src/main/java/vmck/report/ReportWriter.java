package vmck.report;

import java.io.IOException;
import java.nio.file.Path;

import vmck.conformance.ClauseFinding;
import vmck.conformance.SuiteReport;
import vmck.conformance.Witness;

/**
 * Writes report.md, report.html, report.json, junit.xml, one trace per failure and shard.json (what
 * {@code vmck merge} reads) into a directory, each atomically.
 */
public final class ReportWriter {

    private ReportWriter() {
    }

    public static void write(SuiteReport report, Path directory) throws IOException {
        for (ClauseFinding finding : report.findings().values()) {
            TraceFile.write(directory.resolve(TraceFile.fileName(finding.violation().clause())),
                    TraceFile.render(report.profile().name(), report.geometry(), report.implementation(),
                            report.config().seed(), finding, finding.replies()));
            for (int i = 0; i < finding.witnesses().size(); i++) {
                writeWitness(report, directory.resolve(TraceFile.witnessFileName(finding.violation().clause(), i + 1)),
                        finding.witnesses().get(i));
            }
        }
        if (!report.shardFacts().shard().isWhole()) {
            // What the merge needs to keep a failure as found when another shard's property found the clause first.
            for (Witness asFound : report.shardFacts().firstFailures().values()) {
                writeWitness(report, directory.resolve(TraceFile.asFoundFileName(asFound.violation().clause())), asFound);
            }
        }
        AtomicFiles.write(directory.resolve("report.json"), JsonReport.render(report));
        AtomicFiles.write(directory.resolve("junit.xml"), JunitXmlReport.render(report));
        AtomicFiles.write(directory.resolve("report.md"), MarkdownReport.render(report));
        AtomicFiles.write(directory.resolve("report.html"), HtmlReport.render(report));
        AtomicFiles.write(directory.resolve(ShardFile.FILE), ShardFile.render(report));
    }

    private static void writeWitness(SuiteReport report, Path file, Witness witness) throws IOException {
        ClauseFinding asFinding = witness.asFinding();
        TraceFile.write(file, TraceFile.render(report.profile().name(), report.geometry(), report.implementation(),
                report.config().seed(), asFinding, asFinding.replies()));
    }
}
