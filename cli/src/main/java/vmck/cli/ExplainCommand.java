package vmck.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import vmck.report.Explanation;
import vmck.report.TraceFile;

/** {@code vmck explain TRACE}: the failing call, decided step by step under every profile. */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = "For a saved trace's failing call, every profile's decision step by step: which check ran, "
                + "which clause decided, which outcomes are allowed, and whether the profile accepts the trace.")
final class ExplainCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "TRACE", description = "A trace file written by vmck check --report.")
    Path trace;

    @Override
    public Integer call() throws Exception {
        TraceFile.Trace saved = Inputs.read("trace", trace, TraceFile::read);
        System.out.print(Explanation.render(saved));
        return 0;
    }
}
