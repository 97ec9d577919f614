package vmck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The command's contract: exit codes, messages that name the cause, reports and traces kept. */
class MainTest {

    private static final Path MISBEHAVING = Path.of("src/test/resources/adapters/misbehaving.py").toAbsolutePath();

    record Run(int exitCode, String out, String err) {
    }

    static Run vmck(String... args) {
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = Main.run(args);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
    }

    @Test
    void theModelIsConformantUnderEveryProfileItServes() {
        Run run = vmck("check", "--adapter", "reference", "--profile", "gnumach", "--scenarios", "40");
        assertThat(run.exitCode()).as(run.out()).isEqualTo(0);
        assertThat(run.out()).contains("verdict: CONFORMANT");
    }

    @Test
    void aBuiltInRunsOnTheGeometryOfTheProfilesSystem(@TempDir Path reports) {
        // xnu is x86_64: the model checked under it gets a 64-bit task, as vmck serve gives it
        Run run = vmck("check", "--adapter", "reference", "--profile", "xnu", "--scenarios", "5",
                "--report", reports.toString());
        assertThat(run.exitCode()).as(run.out()).isEqualTo(0);
        assertThat(reports.resolve("report.md")).content().contains("64-bit addresses, user range [0x1000, 0x800000000000)");
        Run i386 = vmck("check", "--adapter", "reference", "--profile", "gnumach", "--scenarios", "40",
                "--report", reports.resolve("gnumach").toString());
        assertThat(i386.exitCode()).as(i386.out()).isEqualTo(0);
        assertThat(reports.resolve("gnumach/report.md")).content().contains("32-bit addresses, user range [0x0, 0xc0000000)");
    }

    @Test
    void aBrokenImplementationIsNonconformantAndItsTraceReplays(@TempDir Path reports) {
        Run run = vmck("check", "--adapter", "mutant:forward-memcpy-on-overlap", "--scenarios", "60",
                "--report", reports.toString());
        assertThat(run.exitCode()).as(run.out()).isEqualTo(1);
        assertThat(run.out()).contains("FAIL VMC-COPY-1");
        Path trace = reports.resolve("trace-VMC-COPY-1.jsonl");
        assertThat(reports.resolve("report.md")).exists();
        assertThat(reports.resolve("report.html")).content().contains("<svg class=\"scenario\" data-clause=\"VMC-COPY-1\"");
        assertThat(reports.resolve("junit.xml")).content().contains("VMC-COPY-1").contains("<failure");
        assertThat(trace).exists();
        assertThat(vmck("replay", trace.toString(), "--adapter", "mutant:forward-memcpy-on-overlap").exitCode()).isEqualTo(1);
        assertThat(vmck("replay", trace.toString(), "--adapter", "reference").exitCode()).isEqualTo(0);
        Run explain = vmck("explain", trace.toString());
        assertThat(explain.exitCode()).isZero();
        assertThat(explain.out()).contains("mach3: REJECTS it: VMC-COPY-1").contains("gnumach: REJECTS it: VMC-COPY-1")
                .contains("allowed: KERN_SUCCESS (0) by VMC-COPY-1");
    }

    @Test
    void failFastStopsAtTheFirstConfirmedViolationAndReportsIt(@TempDir Path reports) throws Exception {
        Run run = vmck("check", "--adapter", "mutant:forward-memcpy-on-overlap", "--fail-fast", "--report", reports.toString());
        assertThat(run.exitCode()).as(run.out()).isEqualTo(1);
        assertThat(run.out()).contains("FAIL VMC-COPY-1").contains("stopped at the first failure (--fail-fast)")
                .contains("shrinking").contains("of a 60 s budget");
        JsonNode report = new ObjectMapper().readTree(reports.resolve("report.json").toFile());
        assertThat(report.path("shrinking").path("stopped_at_first_failure").asBoolean()).isTrue();
        assertThat(report.path("clauses").findValues("status").stream().map(JsonNode::asText).filter("fail"::equals)).hasSize(1);
    }

    @Test
    void furtherWitnessesAreSavedAsTracesThatReplay(@TempDir Path reports) throws Exception {
        Run run = vmck("check", "--adapter", "mutant:forward-memcpy-on-overlap", "--report", reports.toString());
        assertThat(run.exitCode()).as(run.out()).isEqualTo(1);
        assertThat(run.out()).contains("further witnesses, kept unshrunk");
        Path witness = reports.resolve("trace-VMC-COPY-1-witness-1.jsonl");
        assertThat(witness).exists();
        JsonNode report = new ObjectMapper().readTree(reports.resolve("report.json").toFile());
        assertThat(report.path("clauses").findValues("witnesses").get(0).get(0).path("trace").asText())
                .isEqualTo("trace-VMC-COPY-1-witness-1.jsonl");
        assertThat(vmck("replay", witness.toString(), "--adapter", "mutant:forward-memcpy-on-overlap").exitCode()).isEqualTo(1);
        assertThat(vmck("replay", witness.toString(), "--adapter", "reference").exitCode()).isEqualTo(0);
    }

    @ParameterizedTest(name = "adapter that {0} fails the run with exit 3 naming \"{1}\"")
    @CsvSource({
        "hang, no response within 2 s",
        "exit, exited with status 7",
        "nonjson, not JSON",
        "hugeline, line",
        "wrongid, id",
        "krstring, kr"
    })
    void aBrokenAdapterEndsTheRunWithExitThreeAndTheCause(String mode, String cause) {
        Run run = vmck("check", "--adapter", "python3 " + MISBEHAVING + " " + mode, "--timeout", "2", "--scenarios", "5");
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(3);
        assertThat(run.out() + run.err()).contains("ADAPTER FAILED").contains("vm_copy").containsIgnoringCase(cause);
    }

    @Test
    void findingsMadeBeforeAnAdapterCrashAreKept(@TempDir Path reports) throws Exception {
        Run run = vmck("check", "--adapter", "python3 " + MISBEHAVING + " liethenexit", "--timeout", "2",
                "--scenarios", "20", "--report", reports.toString());
        assertThat(run.exitCode()).as(run.out()).isEqualTo(3);
        assertThat(run.out()).as("the summary line says both").containsPattern(
                "verdict: ADAPTER_FAILED \\(exit 3\\) after finding \\d+ violated clauses? \\(VM[CH]-[A-Z0-9-]+.*\\): NONCONFORMANT, and the run is incomplete");
        JsonNode report = new ObjectMapper().readTree(reports.resolve("report.json").toFile());
        assertThat(report.path("adapter_failure").asText()).contains("exited with status 9");
        List<String> failed = report.path("clauses").findValues("status").stream().map(JsonNode::asText)
                .filter("fail"::equals).toList();
        assertThat(failed).as("clauses failed before the crash").isNotEmpty();
    }

    @Test
    void anAdapterThatCannotStartIsExitThree() {
        Run run = vmck("check", "--adapter", "/nonexistent/adapter --flag", "--scenarios", "1");
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).contains("/nonexistent/adapter");
    }

    @Test
    void aMalformedTraceIsExitTwoNamingLineAndField(@TempDir Path dir) throws Exception {
        Path trace = dir.resolve("bad.jsonl");
        Files.writeString(trace, "{\"format\":\"vmck-trace\",\"version\":1,\"profile\":\"mach3\",\"clause\":\"VMC-COPY-1\","
                + "\"geometry\":{\"page_size\":4096,\"address_bits\":32,\"min_address\":\"0x0\",\"max_address\":\"0xc0000000\"}}\n"
                + "{\"call\":{\"op\":\"vm_copy\",\"task\":0,\"source_address\":\"0x1000\",\"count\":\"twelve\",\"dest_address\":\"0x0\"}}\n");
        Run run = vmck("replay", trace.toString(), "--adapter", "reference");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("bad.jsonl:2").contains("\"call.count\"");
    }

    @Test
    void aTruncatedTraceIsExitTwo(@TempDir Path dir) throws Exception {
        Path trace = dir.resolve("cut.jsonl");
        Files.writeString(trace, "{\"format\":\"vmck-trace\",\"vers");
        Run run = vmck("replay", trace.toString(), "--adapter", "reference");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("cut.jsonl:1");
    }

    @Test
    void anUnknownProfileIsAUsageError() {
        Run run = vmck("check", "--adapter", "reference", "--profile", "plan9");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("unknown profile 'plan9'").contains("mach3");
    }

    @Test
    void profilesListsEveryProfileWithItsTraits() {
        Run run = vmck("profiles");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("mach3 (default)").contains("gnumach").contains("check order:");
    }
}
