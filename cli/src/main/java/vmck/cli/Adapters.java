package vmck.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import vmck.adapter.ExecutorPool;
import vmck.adapter.ProcessExecutor;
import vmck.model.ReferenceVm;
import vmck.samples.MachMapVm;
import vmck.samples.Mutant;
import vmck.scenario.AdapterFailure;
import vmck.scenario.Executor;
import vmck.scenario.InProcessExecutor;
import vmck.spec.Geometry;
import vmck.spec.MachVm;
import vmck.spec.Profile;

/**
 * Turns an {@code --adapter} value into an executor: a built-in name, or a command line for a
 * protocol v1 adapter (split like a shell would, never run through a shell).
 */
final class Adapters {

    /** The bundled broken implementation the README's first command shows. */
    static final Mutant DEMO_MUTANT = Mutant.FORWARD_MEMCPY_ON_OVERLAP;

    private Adapters() {
    }

    static String builtIns() {
        return "reference (the model, in process), machmap (the worked example), mutant:NAME (a broken example),"
                + " demo (mutant " + name(DEMO_MUTANT) + " served through the protocol by a child vmck), gnumach (the real"
                + " GNU Mach 1.8 kernel under qemu), or any adapter command line";
    }

    /**
     * An executor for {@code adapter}; {@code jobs} above 1 starts that many instances of an
     * out-of-process adapter (for gnumach: one qemu each) that serve scenarios at once. In-process
     * implementations need no instances: they run concurrently anyway (the suite's parallelism).
     * The in-process built-ins run on {@code builtInGeometry} (an adapter brings its own).
     */
    static Executor open(String adapter, Profile profile, Geometry builtInGeometry, Duration requestTimeout,
            Duration startTimeout, int jobs) throws AdapterFailure {
        if (jobs > 1 && !isInProcess(adapter)) {
            return ExecutorPool.start(jobs, () -> open(adapter, profile, builtInGeometry, requestTimeout, startTimeout, 1));
        }
        ProcessExecutor.Limits limits = ProcessExecutor.Limits.DEFAULT
                .withRequestTimeout(requestTimeout).withStartTimeout(startTimeout);
        switch (adapter) {
            case "reference":
                return new InProcessExecutor(() -> new ReferenceVm(profile, builtInGeometry));
            case "machmap":
                return new InProcessExecutor(() -> new MachMapVm(profile, builtInGeometry));
            case "demo":
                return ProcessExecutor.start(selfCommand("serve", "--impl", "mutant:" + name(DEMO_MUTANT)), limits);
            case "gnumach":
                return ProcessExecutor.start(List.of(home().resolve("adapters/gnumach/vmck-gnumach").toString()), limits);
            default:
                if (adapter.startsWith("mutant:")) {
                    Mutant mutant = mutant(adapter.substring("mutant:".length()));
                    return new InProcessExecutor(() -> mutant.create(builtInGeometry));
                }
                return ProcessExecutor.start(vmck.adapter.ShellWords.split(adapter), limits);
        }
    }

    static boolean isInProcess(String adapter) {
        return adapter.equals("reference") || adapter.equals("machmap") || adapter.startsWith("mutant:");
    }

    /** A Java implementation for {@code vmck serve --impl}. */
    static MachVm implementation(String name, Profile profile, Geometry geometry) {
        if (name.equals("reference")) {
            return new ReferenceVm(profile, geometry);
        }
        if (name.equals("machmap")) {
            return new MachMapVm(profile, geometry);
        }
        if (name.startsWith("mutant:")) {
            return mutant(name.substring("mutant:".length())).create(geometry);
        }
        throw new IllegalArgumentException("unknown implementation '" + name + "': use reference, machmap or mutant:NAME");
    }

    static Mutant mutant(String name) {
        for (Mutant mutant : Mutant.values()) {
            if (name(mutant).equals(name) || mutant.name().equals(name)) {
                return mutant;
            }
        }
        List<String> names = new ArrayList<>();
        for (Mutant mutant : Mutant.values()) {
            names.add(name(mutant));
        }
        throw new IllegalArgumentException("unknown mutant '" + name + "'; known: " + String.join(", ", names));
    }

    static String name(Mutant mutant) {
        return mutant.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Where the repository is: the launcher passes it; tests run from a module directory. */
    static Path home() {
        String property = System.getProperty("vmck.home");
        if (property != null) {
            return Path.of(property);
        }
        Path here = Path.of("").toAbsolutePath();
        for (Path dir = here; dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("vmck")) && Files.exists(dir.resolve("spec"))) {
                return dir;
            }
        }
        return here;
    }

    /** This very vmck, started again as a child: the same java, the same class path. */
    static List<String> selfCommand(String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(Main.class.getName());
        command.addAll(List.of(args));
        return command;
    }
}
