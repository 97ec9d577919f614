package vmck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Ctrl-C, for real: a check runs as a child process against the demo adapter (itself a child
 * vmck), gets SIGINT mid-run, and must exit 130 having written a complete report of what it
 * found, leaving no adapter process behind.
 */
class InterruptTest {

    @Test
    void sigintMidRunExits130WithACompleteReportAndNoAdapterLeft(@TempDir Path dir) throws Exception {
        Path report = dir.resolve("report");
        Path out = dir.resolve("out.txt");
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "check", "--adapter", "demo", "--scenarios", "100000", "--budget", "600", "--report", report.toString());
        Process check = new ProcessBuilder(command).redirectOutput(out.toFile()).start();
        List<String> progress = new ArrayList<>();
        List<ProcessHandle> adapters;
        try (BufferedReader err = new BufferedReader(new InputStreamReader(check.getErrorStream(), StandardCharsets.UTF_8))) {
            // Wait until the run has found something: a property reported failures, so there is something to keep.
            for (String line = err.readLine(); line != null; line = err.readLine()) {
                progress.add(line);
                if (line.matches(".*[1-9]\\d* failures so far.*")) {
                    break;
                }
            }
            assertThat(check.isAlive()).as("the check is still running; stderr: %s", progress).isTrue();
            adapters = check.descendants().toList();
            assertThat(adapters).as("the demo adapter runs as a child process").isNotEmpty();
            Process kill = new ProcessBuilder("kill", "-INT", Long.toString(check.pid())).start();
            assertThat(kill.waitFor()).isZero();
            err.lines().forEach(progress::add); // drain until the check exits
        }
        assertThat(check.waitFor(60, TimeUnit.SECONDS)).as("the check exits after SIGINT").isTrue();
        assertThat(check.exitValue()).as("exit code after Ctrl-C; stderr: %s", progress).isEqualTo(130);
        assertThat(String.join("\n", progress)).contains("interrupted; writing what was found so far");

        JsonNode json = new ObjectMapper().readTree(report.resolve("report.json").toFile());
        assertThat(json.path("interrupted").asBoolean()).as("report.json says interrupted").isTrue();
        assertThat(json.has("adapter_failure")).as("an adapter killed by Ctrl-C is not a failed adapter").isFalse();
        List<String> failed = new ArrayList<>();
        json.path("clauses").forEach(clause -> {
            if (clause.path("status").asText().equals("fail")) {
                failed.add(clause.path("id").asText());
            }
        });
        assertThat(failed).as("what was found before the interrupt").contains("VMC-COPY-1");
        for (String clause : failed) {
            assertThat(report.resolve("trace-" + clause + ".jsonl")).exists();
        }
        assertThat(report.resolve("report.md")).content().contains("interrupted");
        assertThat(report.resolve("report.html")).content().contains("interrupted").contains("<svg class=\"scenario\"");
        assertThat(report.resolve("junit.xml")).exists();
        assertThat(Files.readString(out)).contains("FAIL VMC-COPY-1").contains("(interrupted)");

        for (ProcessHandle adapter : adapters) {
            adapter.onExit().get(10, TimeUnit.SECONDS);
            assertThat(adapter.isAlive()).as("adapter process %d after the interrupt", adapter.pid()).isFalse();
        }
    }
}
