package vmck.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code vmck} command. Exit codes: 0 conformant, 1 nonconformant (a clause violated),
 * 2 usage error or unreadable input, 3 the adapter failed (would not start, crashed, hung, broke
 * the protocol), 4 inconclusive (interrupted, or a clause no scenario reached).
 */
@Command(name = "vmck", mixinStandardHelpOptions = true, version = "vmck 0.1.0",
        description = "The vm_copy conformance kit: check an implementation against the specification.",
        subcommands = {CheckCommand.class, ServeCommand.class, ReplayCommand.class, ProfilesCommand.class, DiffCommand.class,
                FingerprintCommand.class, BenchCommand.class, MergeCommand.class,
                CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:conformant", "1:nonconformant: a clause is violated",
                "2:usage error, or an unreadable trace", "3:the adapter failed (start, crash, hang, protocol)",
                "4:inconclusive: interrupted, or a clause was never exercised"})
public final class Main {

    /** Exit code for an adapter that could not be run. */
    static final int ADAPTER_FAILED = 3;
    /** Exit code for usage errors and unreadable input. */
    static final int USAGE = 2;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit code (for tests). */
    public static int run(String... args) {
        return new CommandLine(new Main()).execute(args);
    }
}
