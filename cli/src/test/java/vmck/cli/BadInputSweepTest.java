package vmck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input never looks like a verdict: every command, fed each class of bad input, exits 2 (or 3
 * when the adapter itself cannot run) with one line naming the cause, and prints no stack trace.
 * Exit 1 is a verdict only; a sweep finding it here would be a lie.
 */
class BadInputSweepTest {

    /** A valid trace's first line: mach3, i386. */
    private static final String TRACE_HEADER = "{\"format\":\"vmck-trace\",\"version\":1,\"profile\":\"mach3\",\"clause\":\"VMC-COPY-1\","
                + "\"geometry\":{\"page_size\":4096,\"address_bits\":32,\"min_address\":\"0x0\",\"max_address\":\"0xc0000000\"}}\n";

    /** {@code args} with the placeholder TRACE replaced by {@code trace}. */
    private static List<String> withTrace(List<String> args, Path trace) {
        return args.stream().map(arg -> arg.equals("TRACE") ? trace.toString() : arg).toList();
    }


    @TempDir
    static Path dir;
    private static Path report;

    /** The classes of bad input file, each made once. */
    enum BadFile {
        MISSING, DIRECTORY, UNREADABLE, NOT_UTF8, BINARY, HUGE_LINE, DEEP_NESTING, EMPTY
    }

    @BeforeAll
    static void makeBadFiles() throws IOException {
        Files.writeString(dir.resolve("MISSING.txt.absent"), "");
        Files.delete(dir.resolve("MISSING.txt.absent"));
        Files.createDirectories(dir.resolve("DIRECTORY"));
        Path unreadable = Files.writeString(dir.resolve("UNREADABLE"), "{\"format\":\"vmck-trace\"}\n");
        unreadable.toFile().setReadable(false, false);
        Files.write(dir.resolve("NOT_UTF8"), new byte[] {'{', '"', (byte) 0xff, (byte) 0xfe, '"', '}', '\n'});
        byte[] random = new byte[8192];
        new Random(12).nextBytes(random);
        Files.write(dir.resolve("BINARY"), random);
        Files.writeString(dir.resolve("HUGE_LINE"), "{\"format\":\"" + "a".repeat(50 << 20) + "\"}\n");
        Files.writeString(dir.resolve("DEEP_NESTING"), "[".repeat(200_000) + "\n");
        Files.writeString(dir.resolve("EMPTY"), "");
        report = Files.writeString(dir.resolve("report-is-a-file"), "not a directory");
    }

    /** A file of the class; root reads any file whatever its mode, so then the unreadable one is a file that fails on read. */
    static String file(BadFile kind) {
        if (kind == BadFile.MISSING) {
            return dir.resolve("no-such-file.jsonl").toString();
        }
        if (kind == BadFile.UNREADABLE && "root".equals(System.getProperty("user.name"))) {
            return "/proc/self/mem"; // exists, is a regular file, and any read of it at offset 0 fails (EIO)
        }
        return dir.resolve(kind.name()).toString();
    }

    static Stream<Arguments> badFiles() {
        List<Arguments> cases = new ArrayList<>();
        for (BadFile kind : BadFile.values()) {
            cases.add(Arguments.of("replay " + kind, List.of("replay", file(kind), "--adapter", "reference")));
            cases.add(Arguments.of("explain " + kind, List.of("explain", file(kind))));
            cases.add(Arguments.of("check --vectors " + kind, List.of("check", "--adapter", "reference", "--vectors", file(kind))));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}: exit 2, one line, no stack trace")
    @MethodSource("badFiles")
    void aBadInputFileIsAUsageError(String name, List<String> args) {
        assertUsageError(args);
    }

    static Stream<Arguments> badOptions() {
        String file = dir.resolve("report-is-a-file").toString();
        return Stream.of(
                Arguments.of("check --report FILE", List.of("check", "--adapter", "reference", "--report", file)),
                Arguments.of("diff --report FILE", List.of("diff", "mach3", "gnumach", "--report", file)),
                Arguments.of("check --budget -1", List.of("check", "--adapter", "reference", "--budget", "-1")),
                Arguments.of("check --budget 0", List.of("check", "--adapter", "reference", "--budget", "0")),
                Arguments.of("check --budget huge", List.of("check", "--adapter", "reference", "--budget", "9223372036854775807")),
                Arguments.of("check --budget beyond long", List.of("check", "--adapter", "reference", "--budget", "99999999999999999999")),
                Arguments.of("check --budget word", List.of("check", "--adapter", "reference", "--budget", "ten")),
                Arguments.of("check --scenarios 0", List.of("check", "--adapter", "reference", "--scenarios", "0")),
                Arguments.of("check --scenarios -5", List.of("check", "--adapter", "reference", "--scenarios", "-5")),
                Arguments.of("check --timeout 0", List.of("check", "--adapter", "reference", "--timeout", "0")),
                Arguments.of("check --start-timeout -1", List.of("check", "--adapter", "reference", "--start-timeout", "-1")),
                Arguments.of("check --seed beyond long", List.of("check", "--adapter", "reference", "--seed", "1e40")),
                Arguments.of("check --adapter ''", List.of("check", "--adapter", "")),
                Arguments.of("check --adapter blank", List.of("check", "--adapter", "   ")),
                Arguments.of("check --adapter unterminated quote", List.of("check", "--adapter", "python3 'oops")),
                Arguments.of("check --adapter unknown mutant", List.of("check", "--adapter", "mutant:nope")),
                Arguments.of("check --profile unknown", List.of("check", "--adapter", "reference", "--profile", "plan9")),
                Arguments.of("check without --adapter", List.of("check")),
                Arguments.of("replay --adapter ''", List.of("replay", file, "--adapter", "")),
                Arguments.of("replay --timeout -3", List.of("replay", file, "--adapter", "reference", "--timeout", "-3")),
                Arguments.of("explain without a trace", List.of("explain")),
                Arguments.of("serve --page-size 3000", List.of("serve", "--page-size", "3000")),
                Arguments.of("serve --page-size -4096", List.of("serve", "--page-size", "-4096")),
                Arguments.of("serve --page-size beyond int", List.of("serve", "--page-size", "4294967296")),
                Arguments.of("serve --address-bits 48", List.of("serve", "--address-bits", "48")),
                Arguments.of("serve --min-address not hex", List.of("serve", "--min-address", "0xZZ")),
                Arguments.of("serve --max-address below min", List.of("serve", "--min-address", "0x10000", "--max-address", "0x1000")),
                Arguments.of("serve --impl unknown", List.of("serve", "--impl", "nothing")),
                Arguments.of("serve --profile unknown", List.of("serve", "--profile", "plan9")),
                Arguments.of("diff unknown profile", List.of("diff", "plan9", "mach3")),
                Arguments.of("diff --geometry unknown", List.of("diff", "mach3", "gnumach", "--geometry", "vax")),
                Arguments.of("diff --scenarios 0", List.of("diff", "mach3", "gnumach", "--scenarios", "0")),
                Arguments.of("fingerprint --adapter ''", List.of("fingerprint", "--adapter", "")),
                Arguments.of("bench --seed word", List.of("bench", "--seed", "one")),
                Arguments.of("profiles --bogus", List.of("profiles", "--bogus")),
                Arguments.of("unknown command", List.of("frobnicate")));
    }

    @ParameterizedTest(name = "{0}: exit 2, one line, no stack trace")
    @MethodSource("badOptions")
    void aBadOptionIsAUsageError(String name, List<String> args) {
        assertUsageError(args);
    }

    /** A trace that parses but breaks the format: every command reading it refuses it, naming the line and field. */
    static Stream<Arguments> malformedTraceCommands() {
        return Stream.of(
                Arguments.of("replay", List.of("replay", "TRACE", "--adapter", "reference")),
                Arguments.of("explain", List.of("explain", "TRACE")));
    }

    @ParameterizedTest(name = "{0} of a trace with a negative vm_write pattern: exit 2 naming line 3 and the field")
    @MethodSource("malformedTraceCommands")
    void aNegativeWritePatternInATraceIsMalformedInput(String name, List<String> args) throws IOException {
        Path trace = dir.resolve("negative-pattern.jsonl");
        Files.writeString(trace, TRACE_HEADER
                + "{\"call\":{\"op\":\"vm_allocate\",\"task\":0,\"address\":\"0x10000\",\"size\":\"0x1000\",\"anywhere\":false},"
                + "\"reply\":{\"kr\":0}}\n"
                + "{\"call\":{\"op\":\"vm_write\",\"task\":0,\"address\":\"0x10000\",\"size\":\"0x1000\",\"pattern\":-3},"
                + "\"reply\":{\"kr\":0}}\n");
        List<String> resolved = withTrace(args, trace);
        assertThat(assertUsageError(resolved).err()).contains("negative-pattern.jsonl:3")
                .contains("\"call.pattern\"").contains("-3");
    }

    /** check's suite options with --vectors, which would ignore them: each refused by name, before anything runs or is written. */
    static Stream<Arguments> suiteOptionsWithVectors() {
        String unwritten = dir.resolve("vectors-report-never-written").toString();
        return Stream.of(
                Arguments.of("--shard", List.of("--shard", "0/2")),
                Arguments.of("--jobs", List.of("--jobs", "2")),
                Arguments.of("--report", List.of("--report", unwritten)),
                Arguments.of("--seed", List.of("--seed", "7")),
                Arguments.of("--scenarios", List.of("--scenarios", "10")),
                Arguments.of("--budget", List.of("--budget", "30")),
                Arguments.of("--shrink-budget", List.of("--shrink-budget", "5")),
                Arguments.of("--fail-fast", List.of("--fail-fast")));
    }

    @ParameterizedTest(name = "check --vectors {0}: exit 2 naming {0}")
    @MethodSource("suiteOptionsWithVectors")
    void aSuiteOptionWithVectorsIsAUsageErrorNamingIt(String option, List<String> given) {
        List<String> args = new ArrayList<>(List.of("check", "--adapter", "reference", "--vectors"));
        args.addAll(given);
        assertThat(assertUsageError(args).err()).contains(option + " does not apply to --vectors");
        assertThat(dir.resolve("vectors-report-never-written")).doesNotExist();
    }

    static Stream<Arguments> adaptersThatCannotRun() {
        return Stream.of(
                Arguments.of("check", List.of("check", "--adapter", "/nonexistent/adapter", "--scenarios", "1")),
                Arguments.of("replay", List.of("replay", "TRACE", "--adapter", "/nonexistent/adapter")),
                Arguments.of("check --vectors", List.of("check", "--adapter", "/nonexistent/adapter", "--vectors")),
                Arguments.of("fingerprint", List.of("fingerprint", "--adapter", "/nonexistent/adapter")));
    }

    @ParameterizedTest(name = "{0} with an adapter that cannot start: exit 3, no stack trace")
    @MethodSource("adaptersThatCannotRun")
    void anAdapterThatCannotStartIsExitThree(String name, List<String> args) throws IOException {
        Path trace = dir.resolve("good-trace.jsonl");
        Files.writeString(trace, TRACE_HEADER
                + "{\"call\":{\"op\":\"vm_allocate\",\"task\":0,\"address\":\"0x10000\",\"size\":\"0x1000\",\"anywhere\":false}}\n");
        List<String> resolved = withTrace(args, trace);
        MainTest.Run run = MainTest.vmck(resolved.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.err()).isEqualTo(3);
        assertNoStackTrace(run);
        assertThat(run.err()).contains("/nonexistent/adapter");
    }

    private static MainTest.Run assertUsageError(List<String> args) {
        MainTest.Run run = MainTest.vmck(args.toArray(String[]::new));
        assertThat(run.exitCode()).as("exit code of vmck %s; stderr: %s", args, run.err()).isEqualTo(2);
        assertNoStackTrace(run);
        assertThat(run.err().strip().lines().toList()).as("stderr of vmck %s", args).hasSize(1)
                .allSatisfy(line -> assertThat(line).startsWith("vmck"));
        assertThat(run.out()).as("stdout of vmck %s", args).doesNotContain("verdict");
        return run;
    }

    private static void assertNoStackTrace(MainTest.Run run) {
        String all = run.out() + run.err();
        assertThat(all).doesNotContain("\tat ").doesNotContain("Caused by:").doesNotContain("Exception in thread");
    }

    static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
