package vmck.gnumach;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import vmck.adapter.ProcessExecutor;
import vmck.conformance.ClauseStatus;
import vmck.conformance.ConformanceSuite;
import vmck.conformance.SuiteConfig;
import vmck.conformance.SuiteReport;
import vmck.spec.Clause;
import vmck.spec.Profiles;

/**
 * Boots the real GNU Mach 1.8 kernel under qemu and runs a short check through the bootstrap-task
 * adapter. In CI (CI=true) it never skips: a missing kernel is a failure. Elsewhere it skips loudly
 * and says how to enable it. The long run is {@code ./vmck check --adapter gnumach --profile gnumach}.
 */
class GnuMachKernelTest {

    private static final Path HOME = findHome();
    private static final Path ADAPTER = HOME.resolve("adapters/gnumach/vmck-gnumach");
    private static final Path KERNEL = HOME.resolve("adapters/gnumach/build/gnumach-1.8-486");
    private static final Path GUEST = HOME.resolve("adapters/gnumach/build/vmck-guest");

    @BeforeAll
    static void kernelIsThere() {
        boolean ready = Files.isExecutable(ADAPTER) && Files.exists(KERNEL) && Files.exists(GUEST)
                && Files.isExecutable(Path.of("/usr/bin/qemu-system-i386"));
        String how = "GNU Mach kernel test needs qemu and the i386 packages: run adapters/gnumach/setup.sh (as root, "
                + "or via ./run-tests) — kernel " + KERNEL + ", guest " + GUEST;
        if (!ready && "true".equals(System.getenv("CI"))) {
            throw new AssertionError("CI must run the real kernel, but it is not set up. " + how);
        }
        if (!ready) {
            System.err.println("\n*** SKIPPING the GNU Mach kernel test. " + how + " ***\n");
        }
        Assumptions.assumeTrue(ready, how);
    }

    /** Seeds of the gnumach check: a verdict on the real kernel must hold for every seed, not one. */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void realKernelConformsToTheGnumachProfile(long seed) throws Exception {
        SuiteReport report = check("gnumach", seed);
        assertThat(report.adapterFailure()).isNull();
        assertThat(report.findings()).as("departures of GNU Mach from the gnumach profile, seed " + seed).isEmpty();
        assertThat(report.statuses()).doesNotContainValue(ClauseStatus.FAIL);
        assertThat(report.statuses().get(Clause.VMC_COPY_1)).isEqualTo(ClauseStatus.PASS);
    }

    /**
     * Both transports of the adapter, named rather than left to its default (which falls back to the
     * console where shared memory cannot be set up, and so could hide a broken shared-memory path).
     */
    @ParameterizedTest(name = "--transport {0}")
    @ValueSource(strings = {"shm", "serial"})
    void realKernelConformsOverEitherTransport(String transport) throws Exception {
        SuiteReport report = check("gnumach", 4, "--transport", transport);
        assertThat(report.adapterFailure()).isNull();
        assertThat(report.findings()).as("departures of GNU Mach from the gnumach profile over " + transport).isEmpty();
        assertThat(report.statuses().get(Clause.VMC_COPY_1)).isEqualTo(ClauseStatus.PASS);
    }

    /**
     * The adapter's own end-to-end checks (adapters/gnumach/smoke.py): the paths the suite does not
     * take, such as base64 pages staged in chunks, a read too large for a shared-memory batch and
     * the kernel's known answers, over each transport.
     */
    @ParameterizedTest(name = "smoke.py over --transport {0}")
    @ValueSource(strings = {"shm", "serial"})
    void adapterSmokeChecksPassOverEitherTransport(String transport) throws Exception {
        ProcessBuilder smoke = new ProcessBuilder("python3", HOME.resolve("adapters/gnumach/smoke.py").toString(),
                "--random-pages", "20").redirectErrorStream(true);
        smoke.environment().put("VMCK_GNUMACH_TRANSPORT", transport);
        Process process = smoke.start();
        java.util.concurrent.CompletableFuture<String> output = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            } catch (java.io.IOException e) {
                return "(output unreadable: " + e + ")";
            }
        });
        boolean ended = process.waitFor(180, java.util.concurrent.TimeUnit.SECONDS); // bounds a hang only
        if (!ended) {
            process.destroyForcibly();
        }
        String text = output.get(10, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(ended).as("smoke.py ended; output:%n%s", text).isTrue();
        assertThat(process.exitValue()).as("smoke.py exit status; output:%n%s", text).isZero();
        assertThat(text).contains(" 0 failed").contains(transport + " transport");
    }

    @Test
    void realKernelDepartsFromTheManPageOnlyWhereTheTextDecidesAgainstIt() throws Exception {
        SuiteReport report = check("mach3", 1);
        assertThat(report.adapterFailure()).isNull();
        assertThat(report.verdict()).isEqualTo(SuiteReport.Verdict.NONCONFORMANT);
        // count 0 with unaligned arguments succeeds, where BUGS (vm_copy.man lines 105-108) says
        // KERN_INVALID_ARGUMENT: the one place the text decides against GNU Mach. Everything else
        // GNU Mach does is a reading the text permits.
        assertThat(report.findings().keySet()).containsExactly(Clause.VMC_ORDER_4);
    }

    private static SuiteReport check(String profileName, long seed, String... adapterOptions) throws Exception {
        var profile = Profiles.byName(profileName).orElseThrow();
        SuiteConfig config = SuiteConfig.defaults().withScenarios(12).withSeed(seed).withBudget(Duration.ofSeconds(150));
        List<String> command = new java.util.ArrayList<>(List.of(ADAPTER.toString()));
        command.addAll(List.of(adapterOptions));
        try (ProcessExecutor executor = ProcessExecutor.start(command,
                ProcessExecutor.Limits.DEFAULT.withStartTimeout(Duration.ofSeconds(120)).withRequestTimeout(Duration.ofSeconds(30)))) {
            return new ConformanceSuite(profile, config).run(executor,
                    line -> System.out.println("[gnumach " + profileName + " seed " + seed + "] " + line));
        }
    }

    private static Path findHome() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("adapters/gnumach"))) {
                return dir;
            }
        }
        return Path.of("").toAbsolutePath();
    }
}
