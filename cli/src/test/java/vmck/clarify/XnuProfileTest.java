package vmck.clarify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import vmck.conformance.ConformanceSuite;
import vmck.conformance.ClauseStatus;
import vmck.conformance.SuiteConfig;
import vmck.conformance.SuiteReport;
import vmck.model.AddressSpace;
import vmck.model.CopyDecision;
import vmck.model.ReferenceVm;
import vmck.scenario.InProcessExecutor;
import vmck.spec.Clause;
import vmck.spec.Geometry;
import vmck.spec.Profile;
import vmck.spec.Profiles;
import vmck.spec.VmProt;

/** The xnu profiles' distinctive answers (the notes' XNU section), through the reference model. */
class XnuProfileTest {

    private static final int OK = 0;
    private static final int INVALID_ADDRESS = 1;
    private static final int PROTECTION_FAILURE = 2;

    /** A ReferenceVm with one task and pages [base, base + pages*P) allocated and filled with a pattern. */
    private static final class Vm {
        final ReferenceVm vm;
        final long task;
        final long ps;
        final long base;

        Vm(Profile profile, Geometry geometry, int pages) {
            vm = new ReferenceVm(profile, geometry);
            task = vm.taskCreate().task();
            ps = geometry.pageSize();
            base = geometry.minAddress() + 16 * ps;
            assertThat(vm.vmAllocate(task, base, pages * ps, false).kr()).isZero();
            byte[] data = new byte[(int) (pages * ps)];
            for (int i = 0; i < data.length; i++) {
                data[i] = (byte) (i * 7 + 3);
            }
            assertThat(vm.vmWrite(task, base, data)).isZero();
        }

        long page(int n) {
            return base + n * ps;
        }

        byte[] read(long address, long size) {
            return vm.vmRead(task, address, size).data();
        }

        CopyDecision decide(long src, long count, long dst) {
            return vm.model().decideCopy(vm.space(task), src, count, dst);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"xnu", "xnu-arm64"})
    void countZeroSucceedsAtAnyAddress(String name) {
        Vm x = new Vm(Profiles.byName(name).orElseThrow(), Geometry.X86_64, 2);
        for (long address : new long[] {0, 1, x.ps - 1, x.ps, -1L, -x.ps}) {
            assertThat(x.vm.vmCopy(x.task, address, 0, address)).isEqualTo(OK);
            assertThat(x.decide(address, 0, 1).decidedBy()).isEqualTo(Clause.VMC_ZERO_1);
        }
    }

    @Test
    void unalignedArgumentsAreCopiedByteExactly() {
        Vm x = new Vm(Profiles.XNU, Geometry.X86_64, 8);
        byte[] source = x.read(x.page(0) + 3, 5000);
        byte[] before = x.read(x.page(4), 4 * x.ps);
        assertThat(x.vm.vmCopy(x.task, x.page(0) + 3, 5000, x.page(4) + 11)).isEqualTo(OK);
        byte[] after = x.read(x.page(4), 4 * x.ps);
        assertThat(java.util.Arrays.copyOfRange(after, 11, 11 + 5000)).isEqualTo(source);
        assertThat(java.util.Arrays.copyOfRange(after, 0, 11)).isEqualTo(java.util.Arrays.copyOfRange(before, 0, 11));
        assertThat(after[11 + 5000]).isEqualTo(before[11 + 5000]);
    }

    @Test
    void overflowAndRangesPastTheUserLimitAreInvalidAddresses() {
        Vm x = new Vm(Profiles.XNU, Geometry.X86_64, 4);
        assertThat(x.vm.vmCopy(x.task, x.page(0), 0xFFFF_FFFF_FFFF_F000L, x.page(2))).isEqualTo(INVALID_ADDRESS);
        assertThat(x.decide(x.page(0), -x.page(0) + x.ps, x.page(2)).decidedBy()).isEqualTo(Clause.VMC_RANGE_1);
        assertThat(x.decide(x.page(0), 2 * x.ps, -x.ps).decidedBy()).isEqualTo(Clause.VMC_RANGE_3);
        long top = Geometry.X86_64.maxAddress() - x.ps;
        assertThat(x.decide(top, 2 * x.ps, x.page(0)).decidedBy()).isEqualTo(Clause.VMC_RANGE_2);
        assertThat(x.decide(x.page(0), 2 * x.ps, top).decidedBy()).isEqualTo(Clause.VMC_RANGE_4);
    }

    @Test
    void smallCopiesReportProtectionProblemsAsInvalidAddressAndMayLeaveThePrefixWritten() {
        Vm x = new Vm(Profiles.XNU, Geometry.X86_64, 16);
        assertThat(x.vm.vmProtect(x.task, x.page(0), x.ps, false, VmProt.WRITE)).isZero();
        // write-only source page, one page: buffered (XNU's tests: INVALID_ADDRESS below 2 pages)
        assertThat(x.vm.vmCopy(x.task, x.page(0), x.ps, x.page(8))).isEqualTo(INVALID_ADDRESS);
        // read-only third destination page of a 4-page (16 KiB) copy: buffered, the first 2 pages may be written
        assertThat(x.vm.vmProtect(x.task, x.page(10), x.ps, false, VmProt.READ)).isZero();
        CopyDecision d = x.decide(x.page(4), 4 * x.ps, x.page(8));
        assertThat(d.allowedCodes()).containsExactly(INVALID_ADDRESS);
        assertThat(d.outcomes()).extracting(CopyDecision.Outcome::bytesCopied).containsExactlyInAnyOrder(0L, 2 * x.ps);
        assertThat(d.outcomes()).extracting(CopyDecision.Outcome::clause)
                .containsExactlyInAnyOrder(Clause.VMC_DST_2, Clause.VMC_ATOMIC_1);
    }

    @Test
    void largerCopiesTakeTheFirstProblemInAddressOrder() {
        Vm x = new Vm(Profiles.XNU, Geometry.X86_64, 32);
        assertThat(x.vm.vmProtect(x.task, x.page(2), x.ps, false, VmProt.NONE)).isZero();
        assertThat(x.vm.vmDeallocate(x.task, x.page(3), x.ps)).isZero();
        // 5 pages = 20 KiB > 16 KiB: not buffered; the unreadable page comes before the hole
        CopyDecision d = x.decide(x.page(0), 5 * x.ps, x.page(16));
        assertThat(d.allowedCodes()).containsExactly(PROTECTION_FAILURE);
        assertThat(d.outcomes()).extracting(CopyDecision.Outcome::bytesCopied).containsExactly(0L);
        // the same copy moved one page up meets the hole first
        assertThat(x.decide(x.page(3), 5 * x.ps, x.page(16)).allowedCodes()).containsExactly(INVALID_ADDRESS);
    }

    @Test
    void aSplitCopyMayLeaveTheHeadWrittenWhenTheDestinationFaultsLater() {
        Vm x = new Vm(Profiles.XNU, Geometry.X86_64, 32);
        assertThat(x.vm.vmProtect(x.task, x.page(22), x.ps, false, VmProt.READ)).isZero();
        // 8 pages (32 KiB, not buffered), source and destination both at page offset 0x10: head, body, tail
        CopyDecision d = x.decide(x.page(0) + 0x10, 8 * x.ps, x.page(16) + 0x10);
        assertThat(d.allowedCodes()).containsExactly(PROTECTION_FAILURE);
        assertThat(d.outcomes()).extracting(CopyDecision.Outcome::bytesCopied).containsExactly(0L, x.ps - 0x10);
        // different offsets: one pass, atomic
        assertThat(x.decide(x.page(0) + 0x10, 8 * x.ps, x.page(16) + 0x20).outcomes()).hasSize(1);
        // the fault in the head's own page: nothing written
        assertThat(x.vm.vmProtect(x.task, x.page(16), x.ps, false, VmProt.READ)).isZero();
        assertThat(x.decide(x.page(0) + 0x10, 8 * x.ps, x.page(16) + 0x10).outcomes()).hasSize(1);
        // mach3 and gnumach never split
        assertThat(Profiles.MACH3.splitCopyMinPages()).isZero();
        assertThat(Profiles.GNUMACH.splitCopyMinPages()).isZero();
    }

    @Test
    void theXnuColumnOfSpecSection16() {
        Geometry g = Geometry.I386;
        ReferenceVm vm = new ReferenceVm(Profiles.XNU, g);
        long task = vm.taskCreate().task();
        assertThat(vm.vmCopy(task, 0x10001, 0, 0x20000)).isEqualTo(OK);
        assertThat(vm.vmCopy(task, 0x10001, 0x1000, 0x20000)).isEqualTo(INVALID_ADDRESS);
        assertThat(vm.vmAllocate(task, 0x10000, 0x2000, false).kr()).isZero();
        assertThat(vm.vmCopy(task, 0x10001, 0x1000, 0x20000)).isEqualTo(INVALID_ADDRESS);
        assertThat(vm.vmAllocate(task, 0xbfff_0000L, 0x10000, false).kr()).isZero();
        assertThat(vm.vmProtect(task, 0xbfff_f000L, 0x1000, false, VmProt.NONE)).isZero();
        assertThat(vm.vmCopy(task, 0xbfff_f000L, 0x2000, 0x10000)).isEqualTo(INVALID_ADDRESS);
        assertThat(vm.vmProtect(task, 0xbfff_f000L, 0x1000, false, VmProt.READ)).isZero();
        assertThat(vm.vmCopy(task, 0x10000, 0x2000, 0xbfff_f000L)).isEqualTo(INVALID_ADDRESS);
        assertThat(vm.vmProtect(task, 0x10000, 0x1000, false, VmProt.NONE)).isZero();
        assertThat(vm.vmCopy(task, 0x10000, 0x1000, 0x30000)).isEqualTo(INVALID_ADDRESS);
        assertThat(vm.vmCopy(task, 0x10000, 0x2000 + 0x1000, 0x20000)).isEqualTo(INVALID_ADDRESS);
    }

    @Test
    void theThresholdIsPerPlatform() {
        // 32 KiB = 2 pages of 16 KiB: buffered on arm64, not under the x86_64 profile's 16 KiB limit
        for (Profile profile : List.of(Profiles.XNU, Profiles.XNU_ARM64)) {
            Vm x = new Vm(profile, Geometry.ARM64, 8);
            assertThat(x.vm.vmProtect(x.task, x.page(1), x.ps, false, VmProt.WRITE)).isZero();
            int expected = profile == Profiles.XNU_ARM64 ? INVALID_ADDRESS : PROTECTION_FAILURE;
            assertThat(x.vm.vmCopy(x.task, x.page(0), 2 * x.ps, x.page(4))).as(profile.name()).isEqualTo(expected);
            assertThat(x.vm.vmCopy(x.task, x.page(0), 3 * x.ps, x.page(4))).as(profile.name()).isEqualTo(PROTECTION_FAILURE);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"xnu/x86_64", "xnu/arm64", "xnu-arm64/arm64", "xnu-arm64/x86_64"})
    void theReferenceModelPassesTheSuiteUnderXnu(String which) {
        Profile profile = Profiles.byName(which.split("/")[0]).orElseThrow();
        Geometry geometry = which.endsWith("arm64") ? Geometry.ARM64 : Geometry.X86_64;
        SuiteConfig config = SuiteConfig.defaults().withScenarios(60).withParallelism(2);
        try (InProcessExecutor executor = new InProcessExecutor(() -> new ReferenceVm(profile, geometry))) {
            SuiteReport report = new ConformanceSuite(profile, config).run(executor, line -> { });
            assertThat(report.findings()).isEmpty();
            assertThat(report.statuses()).doesNotContainValue(ClauseStatus.NOT_EXERCISED);
            assertThat(report.verdict()).isEqualTo(SuiteReport.Verdict.CONFORMANT);
        }
    }

    @Test
    void addressSpaceIsUntouchedByAFailedLargeCopy() {
        Vm x = new Vm(Profiles.XNU, Geometry.X86_64, 32);
        assertThat(x.vm.vmProtect(x.task, x.page(20), x.ps, false, VmProt.READ)).isZero();
        AddressSpace before = x.vm.space(x.task).copy();
        assertThat(x.vm.vmCopy(x.task, x.page(0), 8 * x.ps, x.page(16))).isEqualTo(PROTECTION_FAILURE);
        assertThat(x.vm.space(x.task).sameAs(before)).isTrue();
    }
}
