package vmck.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import vmck.clarify.ProfileDiff;
import vmck.spec.Geometry;
import vmck.spec.Profile;

/** {@code vmck diff A B}: the smallest scenarios on which two profiles allow no common outcome. */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = "Find, shrink and group the scenarios that tell two profiles apart; each group names its "
                + "ambiguity-register row. Exit 0 when every difference is registered, 1 otherwise.")
final class DiffCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "PROFILE_A", converter = ProfileConverter.class)
    Profile a;

    @Parameters(index = "1", paramLabel = "PROFILE_B", converter = ProfileConverter.class)
    Profile b;

    @Option(names = "--geometry", defaultValue = "i386", paramLabel = "NAME",
            description = "i386 (4 KiB, 32-bit), x86_64 (4 KiB, 64-bit) or arm64 (16 KiB, 64-bit); default ${DEFAULT-VALUE}.")
    String geometryName;

    @Option(names = "--seed", defaultValue = "" + ProfileDiff.DEFAULT_SEED, description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--scenarios", defaultValue = "" + ProfileDiff.DEFAULT_SCENARIOS, paramLabel = "N",
            description = "Scenarios per search round (default: ${DEFAULT-VALUE}).")
    int scenarios;

    @Option(names = "--report", paramLabel = "DIR", description = "Also write the result as DIR/diff-A-B.md.")
    Path reportDirectory;

    @Override
    public Integer call() throws IOException {
        Geometry geometry = switch (geometryName) {
            case "i386" -> Geometry.I386;
            case "x86_64" -> Geometry.X86_64;
            case "arm64" -> Geometry.ARM64;
            default -> null;
        };
        if (geometry == null) {
            throw new UsageException("unknown geometry '" + geometryName + "'; known: i386, x86_64, arm64");
        }
        if (scenarios < 1) {
            throw new UsageException("--scenarios must be at least 1, got " + scenarios);
        }
        if (reportDirectory != null) {
            Inputs.prepareReportDirectory(reportDirectory);
        }
        ProfileDiff.DiffResult result = ProfileDiff.diff(a, b, geometry, seed, scenarios);
        String text = result.render();
        System.out.print(text);
        if (reportDirectory != null) {
            Path file = reportDirectory.resolve("diff-" + a.name() + "-" + b.name() + ".md");
            Files.writeString(file, text, StandardCharsets.UTF_8);
            System.err.println("written to " + file.toAbsolutePath());
        }
        return result.unregistered().isEmpty() ? 0 : 1;
    }
}
