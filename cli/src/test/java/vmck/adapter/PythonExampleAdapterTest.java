package vmck.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import vmck.conformance.ConformanceSuite;
import vmck.conformance.SuiteConfig;
import vmck.conformance.SuiteReport;
import vmck.model.ReferenceVm;
import vmck.scenario.AdapterFailure;
import vmck.scenario.Call;
import vmck.scenario.InProcessExecutor;
import vmck.scenario.Pattern;
import vmck.scenario.Reply;
import vmck.spec.Clause;
import vmck.spec.Geometry;
import vmck.spec.KernReturn;
import vmck.spec.Profiles;

/** The example adapter in adapters/python-example, driven through ProcessExecutor. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PythonExampleAdapterTest {

    @Test
    void speaksProtocolV1WithGnuMachSemantics() throws AdapterFailure {
        assumeTrue(Adapters.hasPython3(), "python3 is not installed");
        try (ProcessExecutor executor = ProcessExecutor.start(Adapters.pythonExample(), Adapters.quick())) {
            assertThat(executor.geometry()).isEqualTo(new Geometry(4096, 32, 0x1000, 0xC000_0000L));
            assertThat(executor.name()).startsWith("python-example");
            List<Reply> replies = executor.run(List.of(
                    new Call.VmAllocate(Call.LIVE_TASK, 0x10000, 0x4000, false),
                    new Call.VmWrite(Call.LIVE_TASK, 0x10000, 0x1000, 5),
                    new Call.VmCopy(Call.LIVE_TASK, 0x10000, 0x1000, 0x12000),
                    new Call.VmRead(Call.LIVE_TASK, 0x12000, 0x1000),
                    new Call.VmCopy(Call.LIVE_TASK, 0x10000, 0x800, 0x12000),
                    new Call.VmCopy(Call.LIVE_TASK, 0x20000, 0x1000, 0x12000),
                    new Call.VmProtect(Call.LIVE_TASK, 0x13000, 0x1000, false, 1),
                    new Call.VmCopy(Call.LIVE_TASK, 0x10000, 0x1000, 0x13000),
                    new Call.VmAllocate(Call.LIVE_TASK, 0x11000, 0x1000, false),
                    new Call.VmRegion(Call.LIVE_TASK, 0),
                    new Call.VmRegion(Call.LIVE_TASK, 0x20000),
                    new Call.VmCopy(Call.DEAD_TASK, 0x10000, 0x1000, 0x12000)));
            assertThat(replies.get(0)).isEqualTo(Reply.allocated(0, 0x10000));
            assertThat(replies.get(3).data()).isEqualTo(Pattern.bytes(5, 0x1000));
            assertThat(replies).extracting(Reply::kr).containsExactly(0, 0, 0, 0,
                    KernReturn.KERN_INVALID_ARGUMENT.code(), KernReturn.KERN_INVALID_ADDRESS.code(), 0,
                    KernReturn.KERN_PROTECTION_FAILURE.code(), KernReturn.KERN_NO_SPACE.code(), 0,
                    KernReturn.KERN_NO_SPACE.code(), KernReturn.MACH_SEND_INVALID_DEST.code());
            assertThat(replies.get(9)).isEqualTo(Reply.region(0, 0x10000, 0x3000, 3, 7));
        }
    }

    /**
     * Seeded random scenarios on the live task over a small window of pages, so calls collide:
     * the independent Python model and the reference model (GNU Mach profile) must agree on every
     * reply. Dead-task calls are left out: there the profile allows two codes.
     */
    @Test
    void agreesWithTheReferenceModelOnRandomScenarios() throws AdapterFailure {
        assumeTrue(Adapters.hasPython3(), "python3 is not installed");
        Geometry geometry = new Geometry(4096, 32, 0x1000, 0xC000_0000L);
        InProcessExecutor reference = new InProcessExecutor(() -> new ReferenceVm(Profiles.GNUMACH, geometry));
        Random random = new Random(20261126);
        try (ProcessExecutor python = ProcessExecutor.start(Adapters.pythonExample(), Adapters.quick())) {
            for (int scenario = 0; scenario < 300; scenario++) {
                List<Call> calls = randomScenario(random);
                assertThat(python.run(calls)).as("scenario %s", calls.stream().map(Call::describe).toList())
                        .isEqualTo(reference.run(calls));
            }
        }
    }

    /**
     * The slow-adapter fixtures (adapters/python-example/broken_adapter.py): each bug is caught
     * under VMC-COPY-1, each clause shrunk once, to the same minimal scenarios as in process.
     */
    @ParameterizedTest(name = "broken Python adapter ({0}) is caught under VMC-COPY-1 in {1} calls or fewer")
    @CsvSource({"overlap, 4", "after-40-copies, 44"})
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void brokenVariantsOfTheExampleAreCaughtAndShrunkOnce(String bug, int calls) throws AdapterFailure {
        assumeTrue(Adapters.hasPython3(), "python3 is not installed");
        List<String> command = new ArrayList<>(Adapters.pythonExample());
        command.set(1, command.get(1).replace("vm_adapter.py", "broken_adapter.py"));
        command.add(bug);
        SuiteReport report;
        try (ProcessExecutor python = ProcessExecutor.start(command,
                ProcessExecutor.Limits.DEFAULT.withStartTimeout(java.time.Duration.ofSeconds(20)))) {
            report = new ConformanceSuite(Profiles.GNUMACH, SuiteConfig.defaults().withScenarios(30)).run(python, line -> { });
        }
        assertThat(report.findings()).as(bug).containsOnlyKeys(Clause.VMC_COPY_1);
        assertThat(report.shrinking().shrinks()).isEqualTo(1);
        assertThat(report.findings().get(Clause.VMC_COPY_1).scenario().calls()).hasSizeLessThanOrEqualTo(calls);
    }

    private static List<Call> randomScenario(Random random) {
        List<Call> calls = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            long address = 0x10000 + random.nextInt(16) * 0x800L;
            long other = 0x10000 + random.nextInt(16) * 0x800L;
            long size = random.nextInt(5) * 0x800L + (random.nextInt(8) == 0 ? 1 : 0);
            calls.add(switch (random.nextInt(8)) {
                case 0, 1 -> new Call.VmAllocate(Call.LIVE_TASK, address, size, random.nextInt(4) == 0);
                case 2 -> new Call.VmDeallocate(Call.LIVE_TASK, address, size);
                case 3 -> new Call.VmProtect(Call.LIVE_TASK, address, size, random.nextBoolean(), random.nextInt(8));
                case 4 -> new Call.VmWrite(Call.LIVE_TASK, address & ~0xFFFL, (int) (size & ~0xFFFL), random.nextInt(5));
                case 5 -> new Call.VmRead(Call.LIVE_TASK, address, size);
                case 6 -> new Call.VmRegion(Call.LIVE_TASK, address);
                default -> new Call.VmCopy(Call.LIVE_TASK, address, size, other);
            });
        }
        return calls;
    }
}
