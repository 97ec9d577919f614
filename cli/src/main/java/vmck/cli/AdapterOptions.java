package vmck.cli;

import java.time.Duration;

import picocli.CommandLine.Option;
import vmck.scenario.AdapterFailure;
import vmck.scenario.Executor;
import vmck.spec.Geometry;
import vmck.spec.Profile;

/** The options every command that drives an implementation shares (a picocli mixin). */
final class AdapterOptions {

    @Option(names = "--adapter", required = true, paramLabel = "ADAPTER",
            description = "The implementation: an adapter command line, or a built-in: reference, machmap, "
                    + "mutant:NAME, demo, gnumach.")
    String adapter;

    @Option(names = "--profile", converter = ProfileConverter.class,
            description = "The profile the implementation promises (check: mach3 unless given).")
    Profile profile;

    @Option(names = "--timeout", defaultValue = "10", paramLabel = "SECONDS",
            description = "Per-request timeout for a protocol adapter (default: ${DEFAULT-VALUE}).")
    long requestTimeoutSeconds;

    @Option(names = "--start-timeout", defaultValue = "90", paramLabel = "SECONDS",
            description = "How long an adapter may take to answer hello, e.g. to boot a kernel (default: ${DEFAULT-VALUE}).")
    long startTimeoutSeconds;

    /** The longest timeout accepted, in seconds: a day. */
    static final long MAX_TIMEOUT_SECONDS = 24 * 3600;

    /** An empty adapter or an out-of-range timeout is a usage error, found before anything starts. */
    void checkOptions() {
        if (adapter.isBlank()) {
            throw new UsageException("--adapter is empty; give " + Adapters.builtIns());
        }
        checkSeconds("--timeout", requestTimeoutSeconds);
        checkSeconds("--start-timeout", startTimeoutSeconds);
    }

    private static void checkSeconds(String option, long seconds) {
        if (seconds < 1 || seconds > MAX_TIMEOUT_SECONDS) {
            throw new UsageException(option + " must be between 1 and " + MAX_TIMEOUT_SECONDS + " seconds, got " + seconds);
        }
    }

    /**
     * The adapter, checked under {@code checkedProfile}; a built-in in process runs on
     * {@code builtInGeometry} (what the profile's system has, or what a trace or vectors were made on).
     */
    Executor open(Profile checkedProfile, Geometry builtInGeometry) throws AdapterFailure {
        return open(checkedProfile, builtInGeometry, 1);
    }

    /** With {@code jobs} instances of an out-of-process adapter serving at once. */
    Executor open(Profile checkedProfile, Geometry builtInGeometry, int jobs) throws AdapterFailure {
        checkOptions();
        return Adapters.open(adapter, checkedProfile, builtInGeometry, Duration.ofSeconds(requestTimeoutSeconds),
                Duration.ofSeconds(startTimeoutSeconds), jobs);
    }
}
