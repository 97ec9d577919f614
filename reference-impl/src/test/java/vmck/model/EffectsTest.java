package vmck.model;

import static org.assertj.core.api.Assertions.assertThat;
import static vmck.model.Fx.INVALID_ADDRESS;
import static vmck.model.Fx.OK;
import static vmck.model.Fx.PROTECTION_FAILURE;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import vmck.spec.Clause;
import vmck.spec.Geometry;
import vmck.spec.MachVm;
import vmck.spec.Profiles;
import vmck.spec.VmProt;

/** The effects of vm_copy: VMC-COPY-*, VMC-FRAME-*, VMC-ATOMIC-1. */
class EffectsTest {

    private static List<int[]> attributes(Fx fx, long firstPage, long pages) {
        List<int[]> out = new ArrayList<>();
        for (long p = firstPage; p < firstPage + pages; p++) {
            MachVm.RegionResult r = fx.vm.vmRegion(fx.task, fx.page(p));
            boolean here = r.kr() == OK && Long.compareUnsigned(r.address(), fx.page(p)) <= 0;
            out.add(here ? new int[] {r.protection(), r.maxProtection()} : new int[] {-1, -1});
        }
        return out;
    }

    @Nested
    class VMC_COPY_1 {
        @ParameterizedTest
        @MethodSource("vmck.model.ClauseTest#profilesAndGeometries")
        void VMC_COPY_1_destinationReceivesSource(String profile, Geometry geometry) {
            Fx fx = new Fx(Profiles.byName(profile).orElseThrow(), geometry).alloc(0, 8).fill(0, 3);
            fx.expectCopy(fx.page(0), 3 * fx.ps, fx.page(5), OK, Clause.VMC_COPY_1);
            assertThat(fx.read(fx.page(5), 3 * fx.ps)).isEqualTo(fx.read(fx.page(0), 3 * fx.ps));
            // unwritten (zero) source pages overwrite written destination pages with zeros
            fx.expectCopy(fx.page(3), 2 * fx.ps, fx.page(5), OK, Clause.VMC_COPY_1);
            assertThat(fx.read(fx.page(5), 2 * fx.ps)).isEqualTo(new byte[(int) (2 * fx.ps)]);
        }

        @ParameterizedTest
        @ValueSource(strings = {"mach3", "gnumach"})
        void VMC_COPY_1_overlapForward(String profile) {
            Fx fx = Fx.of(profile).alloc(0, 8).fill(0, 8);
            byte[] before = fx.read(fx.page(0), 5 * fx.ps);
            fx.expectCopy(fx.page(0), 5 * fx.ps, fx.page(2), OK, Clause.VMC_COPY_1);
            assertThat(fx.read(fx.page(2), 5 * fx.ps)).isEqualTo(before);
            assertThat(fx.read(fx.page(0), 2 * fx.ps)).isEqualTo(Arrays.copyOf(before, (int) (2 * fx.ps)));
        }

        @ParameterizedTest
        @ValueSource(strings = {"mach3", "gnumach"})
        void VMC_COPY_1_overlapBackward(String profile) {
            Fx fx = Fx.of(profile).alloc(0, 8).fill(0, 8);
            byte[] before = fx.read(fx.page(2), 5 * fx.ps);
            byte[] tail = fx.read(fx.page(5), 3 * fx.ps);
            fx.expectCopy(fx.page(2), 5 * fx.ps, fx.page(0), OK, Clause.VMC_COPY_1);
            assertThat(fx.read(fx.page(0), 5 * fx.ps)).isEqualTo(before);
            assertThat(fx.read(fx.page(5), 3 * fx.ps)).isEqualTo(tail);
        }

        @ParameterizedTest
        @ValueSource(strings = {"mach3", "gnumach"})
        void VMC_COPY_1_selfCopyIsHarmless(String profile) {
            Fx fx = Fx.of(profile).alloc(0, 4).fill(0, 4);
            AddressSpace before = fx.space().copy();
            fx.expectCopy(fx.page(0), 4 * fx.ps, fx.page(0), OK, Clause.VMC_COPY_1);
            assertThat(fx.space().sameAs(before)).isTrue();
        }

        @Test
        void VMC_COPY_1_unalignedByteExactWhereProfileAllows() {
            Fx fx = new Fx(Fx.UNALIGNED, Geometry.I386).alloc(0, 8).fill(0, 8);
            for (long[] c : new long[][] {{5, 3 * 4096 + 7, 4 * 4096 + 1001}, {4097, 100, 4096 * 6 + 4000},
                    {4096 * 3 + 11, 2 * 4096 + 1, 4096 * 3 + 200}, {4096 * 3 + 200, 3 * 4096 - 5, 4096 * 3 + 11}}) {
                fx.expectCopy(fx.page(0) + c[0], c[1], fx.page(0) + c[2], OK, Clause.VMC_COPY_1);
            }
        }

        @Test
        void VMC_COPY_1_unalignedCopyOfZeroSourceClearsBytes() {
            Fx fx = new Fx(Fx.UNALIGNED, Geometry.I386).alloc(0, 8).fill(4, 4);
            fx.expectCopy(fx.page(0) + 3, 4096 + 10, fx.page(4) + 50, OK, Clause.VMC_COPY_1);
            assertThat(fx.read(fx.page(4) + 50, 4096 + 10)).isEqualTo(new byte[4096 + 10]);
            assertThat(fx.read(fx.page(4), 50)).isEqualTo(Arrays.copyOf(Fx.pattern(fx.page(4), 4096), 50));
        }
    }

    @Nested
    class VMC_COPY_2 {
        @ParameterizedTest
        @ValueSource(strings = {"mach3", "gnumach"})
        void VMC_COPY_2_writesAfterCopyStayIsolated(String profile) {
            Fx fx = Fx.of(profile).alloc(0, 4).fill(0, 2);
            byte[] original = fx.read(fx.page(0), 2 * fx.ps);
            fx.expectCopy(fx.page(0), 2 * fx.ps, fx.page(2), OK, Clause.VMC_COPY_1);
            byte[] other = Fx.pattern(42, (int) fx.ps);
            assertThat(fx.vm.vmWrite(fx.task, fx.page(0), other)).isZero();
            assertThat(fx.read(fx.page(2), 2 * fx.ps)).isEqualTo(original);
            byte[] third = Fx.pattern(43, (int) fx.ps);
            assertThat(fx.vm.vmWrite(fx.task, fx.page(3), third)).isZero();
            assertThat(fx.read(fx.page(1), fx.ps)).isEqualTo(Arrays.copyOfRange(original, (int) fx.ps, (int) (2 * fx.ps)));
            assertThat(fx.read(fx.page(0), fx.ps)).isEqualTo(other);
        }

        @Test
        void VMC_COPY_2_isolatedAfterUnalignedCopy() {
            Fx fx = new Fx(Fx.UNALIGNED, Geometry.I386).alloc(0, 4).fill(0, 2);
            byte[] original = fx.read(fx.page(0), 2 * fx.ps);
            fx.expectCopy(fx.page(0), 2 * fx.ps, fx.page(2), OK, Clause.VMC_COPY_1);
            assertThat(fx.vm.vmWrite(fx.task, fx.page(2), new byte[(int) fx.ps])).isZero();
            assertThat(fx.read(fx.page(0), 2 * fx.ps)).isEqualTo(original);
        }
    }

    @Nested
    class VMC_FRAME_1 {
        @ParameterizedTest
        @ValueSource(strings = {"mach3", "gnumach"})
        void VMC_FRAME_1_bytesOutsideDestinationUnchanged(String profile) {
            Fx fx = Fx.of(profile).alloc(0, 12).fill(0, 12);
            byte[] before = fx.read(fx.page(0), 12 * fx.ps);
            fx.expectCopy(fx.page(1), 2 * fx.ps, fx.page(6), OK, Clause.VMC_COPY_1);
            byte[] after = fx.read(fx.page(0), 12 * fx.ps);
            for (int i = 0; i < after.length; i++) {
                boolean inDestination = i >= 6 * fx.ps && i < 8 * fx.ps;
                byte expected = inDestination ? before[(int) (i - 5 * fx.ps)] : before[i];
                assertThat(after[i]).as("byte %d", i).isEqualTo(expected);
            }
        }
    }

    @Nested
    class VMC_FRAME_2 {
        @ParameterizedTest
        @ValueSource(strings = {"mach3", "gnumach"})
        void VMC_FRAME_2_protectionsUnchanged(String profile) {
            Fx fx = Fx.of(profile).alloc(0, 8).fill(0, 8).protect(0, 1, VmProt.READ).protect(1, 1, VmProt.ALL)
                    .protect(4, 1, VmProt.WRITE).protect(5, 1, VmProt.ALL);
            assertThat(fx.vm.vmProtect(fx.task, fx.page(6), fx.ps, true, VmProt.DEFAULT)).isZero();
            List<int[]> before = attributes(fx, 0, 9);
            fx.expectCopy(fx.page(0), 2 * fx.ps, fx.page(4), OK, Clause.VMC_COPY_1);
            fx.expectCopy(fx.page(0), 2 * fx.ps, fx.page(5), OK, Clause.VMC_COPY_1);
            assertThat(attributes(fx, 0, 9)).usingRecursiveFieldByFieldElementComparator().isEqualTo(before);
            assertThat(attributes(fx, 0, 9).get(4)).containsExactly(VmProt.WRITE, VmProt.ALL);
            assertThat(attributes(fx, 0, 9).get(6)).containsExactly(VmProt.DEFAULT, VmProt.DEFAULT);
        }
    }

    @Nested
    class VMC_FRAME_3 {
        @ParameterizedTest
        @ValueSource(strings = {"mach3", "gnumach"})
        void VMC_FRAME_3_allocationMapUnchanged(String profile) {
            Fx fx = Fx.of(profile).alloc(0, 3).alloc(4, 3).alloc(10, 1).fill(0, 3);
            List<PageRun> runs = List.copyOf(fx.space().runs());
            fx.expectCopy(fx.page(0), 3 * fx.ps, fx.page(4), OK, Clause.VMC_COPY_1);
            assertThat(fx.space().runs()).containsExactlyElementsOf(runs);
            fx.expectCopy(fx.page(0), 4 * fx.ps, fx.page(4), INVALID_ADDRESS, Clause.VMC_SRC_1);
            assertThat(fx.space().runs()).containsExactlyElementsOf(runs);
        }
    }

    @Nested
    class VMC_ATOMIC_1 {
        @Test
        void VMC_ATOMIC_1_mach3AllowsTheWritePrefixBeforeTheFailingPage() {
            // silent on a failed call's effects; line 92 makes the copy a vm_write, which may fail mid-way
            Fx fx = Fx.mach3().alloc(0, 4).fill(0, 4).alloc(8, 4).protect(11, 1, VmProt.READ);
            CopyDecision d = fx.decide(fx.page(0), 4 * fx.ps, fx.page(8));
            assertThat(d.outcomes()).extracting(CopyDecision.Outcome::bytesCopied).containsExactly(0L, 3 * fx.ps);
            assertThat(d.outcomes()).extracting(CopyDecision.Outcome::kr).containsOnly(PROTECTION_FAILURE);
            // a source problem stops the vm_read: nothing may be written
            Fx src = Fx.mach3().alloc(0, 4).protect(3, 1, VmProt.NONE).alloc(8, 4);
            assertThat(src.decide(src.page(0), 4 * src.ps, src.page(8)).outcomes())
                    .extracting(CopyDecision.Outcome::bytesCopied).containsOnly(0L);
        }

        @Test
        void VMC_ATOMIC_1_mach3NeverAllowsAPrefixOverAFailingFirstPage() {
            // an unwritable first page stops the vm_write there, whatever fails further on
            Fx fx = Fx.mach3().alloc(0, 3).fill(0, 3).alloc(8, 2).protect(8, 1, VmProt.READ);
            assertThat(fx.decide(fx.page(0), 3 * fx.ps, fx.page(8)).outcomes())
                    .extracting(CopyDecision.Outcome::bytesCopied).containsOnly(0L);
            // nor over part of it, for a destination starting inside that page
            assertThat(fx.decide(fx.page(0), 2 * fx.ps, fx.page(8) + fx.ps / 2).outcomes())
                    .extracting(CopyDecision.Outcome::bytesCopied).containsOnly(0L);
        }

        @ParameterizedTest
        @ValueSource(strings = {"gnumach"})
        void VMC_ATOMIC_1_failureAtLastDestinationPageWritesNothing(String profile) {
            Fx fx = Fx.of(profile).alloc(0, 4).fill(0, 4).alloc(8, 4).protect(11, 1, VmProt.READ);
            AddressSpace before = fx.space().copy();
            CopyDecision d = fx.expectCopy(fx.page(0), 4 * fx.ps, fx.page(8), PROTECTION_FAILURE, Clause.VMC_DST_2);
            assertThat(d.outcomes()).hasSize(1);
            assertThat(d.outcomes().get(0).bytesCopied()).isZero();
            assertThat(fx.space().sameAs(before)).isTrue();
            assertThat(fx.read(fx.page(8), 3 * fx.ps)).isEqualTo(new byte[(int) (3 * fx.ps)]);
        }

        @Test
        void VMC_ATOMIC_1_bufferedProfileAllowsPartialPrefix() {
            Fx fx = new Fx(Fx.XNU_LIKE, Geometry.I386).alloc(0, 2).fill(0, 2).alloc(8, 2).protect(9, 1, VmProt.READ);
            CopyDecision d = fx.decide(fx.page(0), 2 * fx.ps, fx.page(8));
            assertThat(d.outcomes()).extracting(CopyDecision.Outcome::kr).containsExactly(INVALID_ADDRESS, INVALID_ADDRESS);
            assertThat(d.outcomes()).extracting(CopyDecision.Outcome::clause).containsExactly(Clause.VMC_DST_2, Clause.VMC_ATOMIC_1);
            assertThat(d.outcomes()).extracting(CopyDecision.Outcome::bytesCopied).containsExactly(0L, fx.ps);
            assertThat(d.blame(PROTECTION_FAILURE)).isEqualTo(Clause.VMC_DST_2);
            // the model's own choice (first outcome) writes nothing
            AddressSpace before = fx.space().copy();
            assertThat(fx.vm.vmCopy(fx.task, fx.page(0), 2 * fx.ps, fx.page(8))).isEqualTo(INVALID_ADDRESS);
            assertThat(fx.space().sameAs(before)).isTrue();
            // the partial outcome, applied, writes exactly the prefix
            fx.vm.model().applyCopy(fx.space(), fx.page(0), fx.page(8), d.outcomes().get(1));
            assertThat(fx.bytes(fx.page(8), fx.ps)).isEqualTo(fx.bytes(fx.page(0), fx.ps));
            assertThat(fx.bytes(fx.page(9), fx.ps)).isEqualTo(new byte[(int) fx.ps]);
        }

        @Test
        void VMC_ATOMIC_1_bufferedFaultAtFirstPageOrAboveLimitHasNoPrefix() {
            Fx fx = new Fx(Fx.XNU_LIKE, Geometry.I386).alloc(0, 4).fill(0, 4).alloc(8, 4).protect(8, 1, VmProt.READ);
            CopyDecision first = fx.decide(fx.page(0), 2 * fx.ps, fx.page(8));
            assertThat(first.outcomes()).hasSize(1);
            assertThat(first.allowedCodes()).containsExactly(INVALID_ADDRESS);
            fx.protect(8, 1, VmProt.DEFAULT).protect(11, 1, VmProt.READ);
            CopyDecision big = fx.decide(fx.page(0), 4 * fx.ps, fx.page(8));
            assertThat(big.outcomes()).hasSize(1);
            assertThat(big.allowedCodes()).containsExactly(PROTECTION_FAILURE);
            // exactly at the limit (2 pages) the copy is buffered; a hole stays an invalid address
            fx.protect(11, 1, VmProt.DEFAULT).protect(9, 1, VmProt.READ);
            CopyDecision limit = fx.decide(fx.page(0) + 1, 2 * fx.ps, fx.page(8) + 1);
            assertThat(limit.outcomes()).extracting(CopyDecision.Outcome::bytesCopied).containsExactly(0L, fx.ps - 1);
            CopyDecision hole = fx.decide(fx.page(0), fx.ps, fx.page(20));
            assertThat(hole.outcomes()).hasSize(1);
            CopyDecision source = fx.protect(0, 1, VmProt.NONE).decide(fx.page(0), fx.ps, fx.page(8));
            assertThat(source.outcomes()).hasSize(1);
            assertThat(source.allowedCodes()).containsExactly(INVALID_ADDRESS);
            assertThat(source.decidedBy()).isEqualTo(Clause.VMC_SRC_2);
        }
    }
}
