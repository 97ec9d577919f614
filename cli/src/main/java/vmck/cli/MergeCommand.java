package vmck.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import vmck.conformance.ShardMerge;
import vmck.conformance.SuiteReport;
import vmck.report.ReportWriter;
import vmck.report.ShardFile;

/**
 * {@code vmck merge}: combines the report folders of the N shards of one run ({@code check --shard K/N
 * --report DIR}) into the report the unsharded run gives, and exits with its exit code.
 */
@Command(name = "merge", mixinStandardHelpOptions = true,
        description = "Combine the reports of the shards of one run (check --shard K/N --report DIR) into one.")
final class MergeCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "DIR", description = "The shards' report folders (all N of them).")
    List<Path> shards;

    @Option(names = "--report", required = true, paramLabel = "OUT",
            description = "Write the merged report.md, report.json, junit.xml, traces and shard.json here.")
    Path reportDirectory;

    @Override
    public Integer call() throws IOException {
        // Errors become exit 2 with one line in the one place that does so for every command (Failures).
        Inputs.prepareReportDirectory(reportDirectory);
        List<SuiteReport> reports = new ArrayList<>();
        for (Path shard : shards) {
            reports.add(ShardFile.read(shard));
        }
        SuiteReport merged = ShardMerge.merge(reports);
        CheckCommand.printSummary(merged, System.out);
        ReportWriter.write(merged, reportDirectory);
        System.out.println("report written to " + reportDirectory.toAbsolutePath());
        return merged.verdict().exitCode();
    }
}
