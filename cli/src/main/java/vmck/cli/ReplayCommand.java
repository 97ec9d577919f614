package vmck.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import vmck.conformance.TraceChecker;
import vmck.conformance.Violation;
import vmck.json.JsonFormatException;
import vmck.report.TraceFile;
import vmck.scenario.Executor;
import vmck.scenario.Reply;
import vmck.spec.Profile;
import vmck.spec.Profiles;

/** {@code vmck replay}: re-runs a saved trace exactly and says whether it still fails. */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = "Re-run a saved trace exactly against an adapter; exit 1 while it still fails, 0 once it passes.")
final class ReplayCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "TRACE", description = "A trace file written by vmck check --report.")
    Path trace;

    @Mixin
    AdapterOptions adapterOptions;

    @Override
    public Integer call() throws Exception {
        adapterOptions.checkOptions();
        TraceFile.Trace saved = Inputs.read("trace", trace, TraceFile::read);
        Profile checkedProfile = adapterOptions.profile;
        if (checkedProfile == null) {
            checkedProfile = Profiles.byName(saved.profile()).orElseThrow(() -> new UsageException(
                    trace + ":1: field \"profile\": unknown profile \"" + saved.profile() + "\""));
        }
        try (Executor executor = adapterOptions.open(checkedProfile, saved.geometry())) {
            if (!executor.geometry().equals(saved.geometry())) {
                throw new UsageException("the trace was recorded on " + saved.geometry() + " but the adapter has "
                        + executor.geometry());
            }
            List<Reply> replies = executor.run(saved.calls());
            Violation violation = TraceChecker.check(checkedProfile, executor.geometry(), saved.calls(), replies).violation();
            System.out.printf("replayed %d calls of %s (recorded: %s at call #%d) against %s under %s%n",
                    saved.calls().size(), trace, saved.clause().id(), saved.callIndex(), executor.name(), checkedProfile.name());
            if (violation == null) {
                System.out.println("passes now: no clause is violated");
                return 0;
            }
            System.out.println("still fails: " + violation);
            return 1;
        }
    }
}
