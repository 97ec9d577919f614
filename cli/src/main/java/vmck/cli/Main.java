package vmck.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code vmck} command. Exit codes: 0 conformant, 1 nonconformant (a clause violated),
 * 2 usage error or unusable input, 3 the adapter failed (would not start, crashed, hung, broke
 * the protocol), 4 inconclusive (a clause no scenario reached), 130 interrupted. Every error a
 * command throws becomes 2 or 3 in one place, {@link Failures}.
 */
@Command(name = "vmck", mixinStandardHelpOptions = true, version = "vmck 0.1.0",
        description = "The vm_copy conformance kit: check an implementation against the specification.",
        subcommands = {CheckCommand.class, ServeCommand.class, ReplayCommand.class, ExplainCommand.class, ProfilesCommand.class, DiffCommand.class,
                FingerprintCommand.class, BenchCommand.class, MergeCommand.class,
                CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:conformant", "1:nonconformant: a clause is violated",
                "2:usage error, or unusable input (missing, unreadable, malformed)",
                "3:the adapter failed (start, crash, hang, protocol); wins over 1, see the summary line",
                "4:inconclusive: a clause was never exercised",
                "130:interrupted (Ctrl-C); what was found so far is reported"})
public final class Main {

    /** Exit code for an adapter that could not be run. */
    static final int ADAPTER_FAILED = 3;
    /** Exit code for usage errors and unreadable input. */
    static final int USAGE = 2;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Exit code after Ctrl-C (128 + SIGINT), set by the JVM once the report is written. */
    static final int INTERRUPTED = 130;

    /** Runs the command line and returns its exit code (for tests). */
    public static int run(String... args) {
        CommandLine commandLine = new CommandLine(new Main())
                .setExecutionExceptionHandler(Failures::onExecutionException)
                .setParameterExceptionHandler(Failures::onParameterException);
        try {
            return commandLine.execute(args);
        } catch (StackOverflowError | OutOfMemoryError error) {
            // picocli hands only Exceptions to the handler; these come from absurd input, not from a verdict.
            return Failures.report(null, error, commandLine.getErr());
        }
    }
}
