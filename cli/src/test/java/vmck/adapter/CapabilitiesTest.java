package vmck.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import vmck.conformance.ConformanceSuite;
import vmck.conformance.SuiteConfig;
import vmck.conformance.SuiteReport;
import vmck.samples.Mutant;
import vmck.scenario.Call;
import vmck.scenario.InProcessExecutor;
import vmck.scenario.Pattern;
import vmck.scenario.ReadDigest;
import vmck.scenario.Reply;
import vmck.spec.Geometry;

/**
 * The optional capabilities negotiated in hello (spec/PROTOCOL.md): an adapter that takes them up
 * gets vm_write by pattern and answers vm_read with a digest when asked, and the verdicts do not
 * change; an adapter that does not gets exactly the protocol v1 requests of before.
 */
class CapabilitiesTest {

    private static final long BASE = 0x10000;

    @Test
    void theServedModelTakesUpBothCapabilitiesAndAnswersDigestsOnlyWhenAsked() throws Exception {
        List<Call> scenario = List.of(
                new Call.VmAllocate(Call.LIVE_TASK, BASE, 0x2000, false),
                new Call.VmWrite(Call.LIVE_TASK, BASE, 0x1000, 3),
                new Call.VmRead(Call.LIVE_TASK, BASE + 5, 0x1000),
                new Call.VmRead(Call.LIVE_TASK, 0x80000, 0x10)); // unallocated: kr 1, no digest
        byte[] expected = new byte[0x1000];
        System.arraycopy(Pattern.bytes(3, 0x1000), 5, expected, 0, 0x1000 - 5);
        try (ProcessExecutor executor = ProcessExecutor.start(Adapters.referenceServer(), Adapters.quick()
                .withRequestTimeout(Duration.ofSeconds(20)))) {
            assertThat(executor.capabilities()).containsExactlyInAnyOrder(WireCodec.READ_DIGEST, WireCodec.WRITE_PATTERN);
            List<Reply> digested = executor.runDigested(scenario);
            assertThat(digested.get(2)).isEqualTo(Reply.readDigest(ReadDigest.of(expected)));
            assertThat(digested.get(3).kr()).isEqualTo(1);
            assertThat(digested.get(3).digest()).isNull();
            List<Reply> bytes = executor.run(scenario);
            assertThat(bytes.get(2).data()).isEqualTo(expected);
            assertThat(bytes.get(2).digest()).isNull();
        }
    }

    @Test
    void withoutNegotiatedCapabilitiesRequestsCarryBytesAndAskForNoDigest() {
        long[] handles = {1, 2};
        String write = WireCodec.call(7, new Call.VmWrite(Call.LIVE_TASK, BASE, 0x1000, 3), handles, Set.of(), true).line();
        String read = WireCodec.call(8, new Call.VmRead(Call.LIVE_TASK, BASE, 0x10), handles, Set.of(), true).line();
        assertThat(write).contains("\"data\":").doesNotContain("pattern");
        assertThat(read).doesNotContain("digest");
        String patterned = WireCodec.call(7, new Call.VmWrite(Call.LIVE_TASK, BASE, 0x1000, 3), handles,
                Set.of(WireCodec.WRITE_PATTERN), false).line();
        assertThat(patterned).contains("\"pattern\":3").contains("\"size\":\"0x1000\"").doesNotContain("data");
    }

    @Test
    void aSuiteOverDigestsAndPatternsGivesTheVerdictsAndFindingsOfTheSuiteInProcess() throws Exception {
        Mutant mutant = Mutant.FORWARD_MEMCPY_ON_OVERLAP;
        SuiteConfig config = SuiteConfig.defaults().withScenarios(10).withParallelism(1).withBudget(Duration.ofHours(1));
        SuiteReport inProcess;
        try (InProcessExecutor executor = new InProcessExecutor(() -> mutant.create(Geometry.I386))) {
            inProcess = new ConformanceSuite(mutant.profile(), config).run(executor, line -> { });
        }
        List<String> served = new ArrayList<>(Adapters.referenceServer());
        served.add(mutant.name());
        SuiteReport overTheWire;
        try (ProcessExecutor executor = ProcessExecutor.start(served, Adapters.quick().withRequestTimeout(Duration.ofSeconds(20)))) {
            assertThat(executor.capabilities()).contains(WireCodec.READ_DIGEST);
            overTheWire = new ConformanceSuite(mutant.profile(), config).run(executor, line -> { });
        }
        assertThat(overTheWire.verdict()).isEqualTo(SuiteReport.Verdict.NONCONFORMANT).isEqualTo(inProcess.verdict());
        assertThat(overTheWire.statuses()).isEqualTo(inProcess.statuses());
        assertThat(overTheWire.checks()).isEqualTo(inProcess.checks());
        assertThat(overTheWire.findings().keySet()).isEqualTo(inProcess.findings().keySet());
        inProcess.findings().forEach((clause, finding) -> {
            var other = overTheWire.findings().get(clause);
            assertThat(other.violation()).isEqualTo(finding.violation());
            assertThat(other.scenario()).isEqualTo(finding.scenario());
            assertThat(other.replies()).as("a failure is reported with bytes").isEqualTo(finding.replies())
                    .allMatch(reply -> reply.digest() == null);
        });
    }
}
