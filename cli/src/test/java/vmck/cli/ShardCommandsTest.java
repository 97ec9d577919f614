package vmck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code check --shard K/N} and {@code merge} through their files: the merged report folder has the
 * unsharded run's report.json (times aside), the same traces byte for byte, and its exit code.
 */
class ShardCommandsTest {

    private static final String[] RUN = {"check", "--adapter", "mutant:errors-by-kind", "--profile", "mach3",
            "--seed", "3", "--scenarios", "15", "--jobs", "1", "--budget", "3600"};

    @Test
    void threeShardsMergedGiveTheUnshardedReportAndExitCode(@TempDir Path dir) throws IOException {
        MainTest.Run whole = MainTest.vmck(with(RUN, "--report", dir.resolve("whole").toString()));
        List<String> merge = new ArrayList<>(List.of("merge"));
        for (int k = 0; k < 3; k++) {
            Path shard = dir.resolve("shard-" + k);
            MainTest.Run part = MainTest.vmck(with(RUN, "--shard", k + "/3", "--report", shard.toString()));
            assertThat(part.exitCode()).as(part.out() + part.err()).isIn(0, 1);
            merge.add(shard.toString());
        }
        merge.addAll(List.of("--report", dir.resolve("merged").toString()));
        MainTest.Run merged = MainTest.vmck(merge.toArray(String[]::new));

        assertThat(whole.exitCode()).isEqualTo(1);
        assertThat(merged.exitCode()).as(merged.err()).isEqualTo(whole.exitCode());
        assertThat(withoutTimes(dir.resolve("merged/report.json"))).isEqualTo(withoutTimes(dir.resolve("whole/report.json")));
        assertThat(traces(dir.resolve("merged"))).isNotEmpty().isEqualTo(traces(dir.resolve("whole")));
        for (String trace : traces(dir.resolve("whole"))) {
            assertThat(Files.readString(dir.resolve("merged").resolve(trace)))
                    .isEqualTo(Files.readString(dir.resolve("whole").resolve(trace)));
        }
    }

    @Test
    void mergeOfAnIncompleteSetIsAUsageErrorNamingTheMissingShard(@TempDir Path dir) {
        MainTest.Run part = MainTest.vmck("check", "--adapter", "mutant:errors-by-kind", "--scenarios", "3", "--jobs", "1",
                "--shard", "0/2", "--report", dir.resolve("a").toString());
        assertThat(part.exitCode()).isIn(0, 1);
        MainTest.Run merged = MainTest.vmck("merge", dir.resolve("a").toString(), "--report", dir.resolve("m").toString());
        assertThat(merged.exitCode()).isEqualTo(2);
        assertThat(merged.err()).contains("shard 1/2 is missing");
        MainTest.Run notAReport = MainTest.vmck("merge", dir.toString(), "--report", dir.resolve("m").toString());
        assertThat(notAReport.exitCode()).isEqualTo(2);
        assertThat(notAReport.err()).contains("shard.json");
    }

    @Test
    void aShardThatIsNotKOfNIsAUsageError() {
        assertThat(MainTest.vmck(with(RUN, "--shard", "3/3")).exitCode()).isEqualTo(2);
        assertThat(MainTest.vmck(with(RUN, "--shard", "x")).exitCode()).isEqualTo(2);
    }

    private static String[] with(String[] base, String... more) {
        return Stream.concat(Stream.of(base), Stream.of(more)).toArray(String[]::new);
    }

    private static JsonNode withoutTimes(Path reportJson) throws IOException {
        JsonNode root = new ObjectMapper().readTree(reportJson.toFile());
        ((ObjectNode) root).remove("elapsed_ms");
        ((ObjectNode) root.path("shrinking")).remove("spent_ms");
        root.path("properties").forEach(property -> ((ObjectNode) property).remove("elapsed_ms"));
        return root;
    }

    private static List<String> traces(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("trace-")).sorted().toList();
        }
    }
}
