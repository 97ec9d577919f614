package vmck.model;

import static org.assertj.core.api.Assertions.assertThat;
import static vmck.model.Fx.INVALID_ADDRESS;
import static vmck.model.Fx.INVALID_ARGUMENT;
import static vmck.model.Fx.NO_SPACE;
import static vmck.model.Fx.OK;
import static vmck.model.Fx.PROTECTION_FAILURE;
import static vmck.model.Fx.SEND_INVALID_DEST;

import java.util.stream.Stream;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import vmck.spec.Clause;
import vmck.spec.Geometry;
import vmck.spec.MachVm;
import vmck.spec.Profiles;
import vmck.spec.VmProt;

/** One nested class per vm_copy clause (VMC-*), named by clause ID; both profiles where they differ. */
class ClauseTest {

    static Stream<Arguments> profilesAndGeometries() {
        return Profiles.all().stream().flatMap(p -> Fx.GEOMETRIES.stream().map(g -> Arguments.of(p.name(), g)));
    }

    /** For the alignment clauses' tests: the profiles with the ALIGNMENT check (xnu has none). */
    static Stream<Arguments> aligningProfilesAndGeometries() {
        return Profiles.all().stream().filter(vmck.spec.Profile::requiresAlignment)
                .flatMap(p -> Fx.GEOMETRIES.stream().map(g -> Arguments.of(p.name(), g)));
    }

    @Nested
    class VMC_TASK_1 {
        @ParameterizedTest
        @ValueSource(strings = {"mach3", "gnumach"})
        void VMC_TASK_1_deadTaskAllowsBothCodes(String profile) {
            Fx fx = Fx.of(profile).alloc(0, 2).fill(0, 1);
            CopyDecision d = fx.vm.model().decideCopy(null, fx.page(0), fx.ps, fx.page(1));
            assertThat(d.allowedCodes()).containsExactlyInAnyOrder(INVALID_ARGUMENT, SEND_INVALID_DEST);
            assertThat(d.decidedBy()).isEqualTo(Clause.VMC_TASK_1);
            assertThat(d.outcomes()).allSatisfy(o -> assertThat(o.bytesCopied()).isZero());
            assertThat(d.blame(INVALID_ARGUMENT)).isNull();
            assertThat(d.blame(SEND_INVALID_DEST)).isNull();
            assertThat(d.blame(OK)).isEqualTo(Clause.VMC_TASK_1);
            assertThat(d.blame(INVALID_ADDRESS)).isEqualTo(Clause.VMC_TASK_1);
            assertThat(d.findings()).extracting(Finding::clause).containsOnly(Clause.VMC_TASK_1);
        }

        @ParameterizedTest
        @ValueSource(strings = {"mach3", "gnumach"})
        void VMC_TASK_1_unknownAndTerminatedHandles(String profile) {
            Fx fx = Fx.of(profile).alloc(0, 2).fill(0, 1);
            // The served answer is the profile's deadTaskResult: mach3 KERN_INVALID_ARGUMENT, gnumach MACH_SEND_INVALID_DEST.
            int dead = fx.vm.model().profile().deadTaskResult();
            assertThat(dead).isEqualTo(profile.equals("mach3") ? INVALID_ARGUMENT : SEND_INVALID_DEST);
            AddressSpace before = fx.space().copy();
            assertThat(fx.vm.vmCopy(fx.task + 1000, fx.page(0), fx.ps, fx.page(1))).isEqualTo(dead);
            assertThat(fx.vm.vmCopy(0, 0, 0, 0)).isEqualTo(dead);
            assertThat(fx.space().sameAs(before)).isTrue();
            long other = fx.vm.taskCreate().task();
            assertThat(other).isNotEqualTo(fx.task);
            assertThat(fx.vm.taskTerminate(other)).isZero();
            assertThat(fx.vm.taskTerminate(other)).isEqualTo(dead);
            assertThat(fx.vm.space(other)).isNull();
            assertThat(fx.vm.vmCopy(other, 0, 0, 0)).isEqualTo(dead);
            assertThat(fx.vm.taskCreate().task()).as("handles are never reused").isNotEqualTo(other);
        }

        @Test
        void VMC_TASK_1_checkedBeforeEverythingElse_mach3() {
            Fx fx = Fx.mach3();
            CopyDecision d = fx.vm.model().decideCopy(null, 1, 0, 3);
            assertThat(d.decidedBy()).isEqualTo(Clause.VMC_TASK_1);
            assertThat(d.findings()).hasSize(2); // one per allowed code, nothing else judged
        }
    }

    @Nested
    class VMC_ALIGN_1 {
        @Test
        void VMC_ALIGN_1_unalignedSourceIsInvalidArgument_mach3() {
            Fx fx = Fx.mach3().alloc(0, 4).fill(0, 4);
            fx.expectCopy(fx.page(0) + 1, fx.ps, fx.page(2), INVALID_ARGUMENT, Clause.VMC_ALIGN_1);
        }

        @Test
        void VMC_ALIGN_1_unalignedSourceIsInvalidArgument_gnumach() {
            Fx fx = Fx.gnumach().alloc(0, 4).fill(0, 4);
            fx.expectCopy(fx.page(0) + 1, fx.ps, fx.page(2), INVALID_ARGUMENT, Clause.VMC_ALIGN_1);
        }

        @Test
        void VMC_ALIGN_1_unalignedSourceOverHoleStillAlignment_mach3() {
            Fx fx = Fx.mach3();
            fx.expectCopy(fx.page(0) + 1, fx.ps, fx.page(2), INVALID_ARGUMENT, Clause.VMC_ALIGN_1);
        }

        @ParameterizedTest
        @MethodSource("vmck.model.ClauseTest#aligningProfilesAndGeometries")
        void VMC_ALIGN_1_halfPageOffsetInEveryGeometry(String profile, Geometry geometry) {
            Fx fx = new Fx(Profiles.byName(profile).orElseThrow(), geometry).alloc(0, 4).fill(0, 4);
            fx.expectCopy(fx.page(0) + fx.ps / 2, fx.ps, fx.page(2), INVALID_ARGUMENT, Clause.VMC_ALIGN_1);
            fx.expectCopy(fx.page(0) + fx.ps - 1, fx.ps, fx.page(2), INVALID_ARGUMENT, Clause.VMC_ALIGN_1);
        }
    }

    @Nested
    class VMC_ALIGN_2 {
        @ParameterizedTest
        @ValueSource(strings = {"mach3", "gnumach"})
        void VMC_ALIGN_2_countNotPageMultipleIsInvalidArgument(String profile) {
            Fx fx = Fx.of(profile).alloc(0, 4).fill(0, 4);
            fx.expectCopy(fx.page(0), fx.ps + 1, fx.page(2), INVALID_ARGUMENT, Clause.VMC_ALIGN_2);
            fx.expectCopy(fx.page(0), 1, fx.page(2), INVALID_ARGUMENT, Clause.VMC_ALIGN_2);
            fx.expectCopy(fx.page(0), fx.ps - 1, fx.page(2), INVALID_ARGUMENT, Clause.VMC_ALIGN_2);
        }

        @ParameterizedTest
        @MethodSource("vmck.model.ClauseTest#aligningProfilesAndGeometries")
        void VMC_ALIGN_2_inEveryGeometry(String profile, Geometry geometry) {
            Fx fx = new Fx(Profiles.byName(profile).orElseThrow(), geometry).alloc(0, 4).fill(0, 4);
            fx.expectCopy(fx.page(0), fx.ps + fx.ps / 2, fx.page(2), INVALID_ARGUMENT, Clause.VMC_ALIGN_2);
        }

        @Test
        void VMC_ALIGN_2_sourceAlsoUnalignedReportsSourceFirst_mach3() {
            Fx fx = Fx.mach3().alloc(0, 4);
            CopyDecision d = fx.expectCopy(fx.page(0) + 8, 8, fx.page(2) + 8, INVALID_ARGUMENT, Clause.VMC_ALIGN_1);
            assertThat(d.findings().get(0).address()).isEqualTo(fx.page(0) + 8);
        }
    }

    @Nested
    class VMC_ALIGN_3 {
        @ParameterizedTest
        @ValueSource(strings = {"mach3", "gnumach"})
        void VMC_ALIGN_3_unalignedDestinationIsInvalidArgument(String profile) {
            Fx fx = Fx.of(profile).alloc(0, 4).fill(0, 4);
            fx.expectCopy(fx.page(0), fx.ps, fx.page(2) + 4, INVALID_ARGUMENT, Clause.VMC_ALIGN_3);
        }

        @Test
        void VMC_ALIGN_3_unalignedDestinationOverHole_gnumach() {
            // gnumach checks alignment before the destination walk: 4, not 1.
            Fx fx = Fx.gnumach().alloc(0, 1).fill(0, 1);
            fx.expectCopy(fx.page(0), fx.ps, fx.page(5) + 4, INVALID_ARGUMENT, Clause.VMC_ALIGN_3);
        }

        @ParameterizedTest
        @MethodSource("vmck.model.ClauseTest#aligningProfilesAndGeometries")
        void VMC_ALIGN_3_inEveryGeometry(String profile, Geometry geometry) {
            Fx fx = new Fx(Profiles.byName(profile).orElseThrow(), geometry).alloc(0, 4).fill(0, 4);
            fx.expectCopy(fx.page(0), fx.ps, fx.page(2) + fx.ps / 2, INVALID_ARGUMENT, Clause.VMC_ALIGN_3);
        }
    }

    @Nested
    class VMC_ZERO_1 {
        @ParameterizedTest
        @ValueSource(strings = {"mach3", "gnumach"})
        void VMC_ZERO_1_alignedCountZeroSucceedsOverHoles(String profile) {
            Fx fx = Fx.of(profile).alloc(0, 1).fill(0, 1);
            fx.expectCopy(fx.page(3), 0, fx.page(7), OK, Clause.VMC_ZERO_1);
            fx.expectCopy(fx.page(0), 0, fx.page(0), OK, Clause.VMC_ZERO_1);
        }

        @Test
        void VMC_ZERO_1_countZeroUnalignedIsAlignmentFirst_mach3() {
            Fx fx = Fx.mach3().alloc(0, 1);
            fx.expectCopy(fx.page(0) + 1, 0, fx.page(0), INVALID_ARGUMENT, Clause.VMC_ALIGN_1);
            fx.expectCopy(fx.page(0), 0, fx.page(0) + 3, INVALID_ARGUMENT, Clause.VMC_ALIGN_3);
        }

        @Test
        void VMC_ZERO_1_countZeroUnalignedSucceeds_gnumach() {
            Fx fx = Fx.gnumach().alloc(0, 1).fill(0, 1);
            fx.expectCopy(fx.page(0) + 1, 0, fx.page(0) + 3, OK, Clause.VMC_ZERO_1);
            fx.expectCopy(-1L, 0, 1, OK, Clause.VMC_ZERO_1);
        }

        @Test
        void VMC_ZERO_1_countZeroAtTopOf64BitSpace() {
            Fx gnu = new Fx(Profiles.GNUMACH, Geometry.X86_64);
            gnu.expectCopy(-gnu.ps, 0, -gnu.ps, OK, Clause.VMC_ZERO_1);
            gnu.expectCopy(-1L, 0, Long.MIN_VALUE, OK, Clause.VMC_ZERO_1);
            Fx mach = new Fx(Profiles.MACH3, Geometry.X86_64);
            mach.expectCopy(-mach.ps, 0, -mach.ps, OK, Clause.VMC_ZERO_1);
            mach.expectCopy(-1L, 0, 0, INVALID_ARGUMENT, Clause.VMC_ALIGN_1);
        }
    }

    @Nested
    class VMC_RANGE_1 {
        @ParameterizedTest
        @ValueSource(strings = {"mach3", "gnumach"})
        void VMC_RANGE_1_sourceWrapsIn64Bits(String profile) {
            Fx fx = new Fx(Profiles.byName(profile).orElseThrow(), Geometry.X86_64).alloc(0, 4);
            fx.expectCopy(-fx.ps, 2 * fx.ps, fx.page(0), INVALID_ADDRESS, Clause.VMC_RANGE_1);
            fx.expectCopy(2 * fx.ps, -fx.ps, fx.page(0), INVALID_ADDRESS, Clause.VMC_RANGE_1);
        }

        @Test
        void VMC_RANGE_1_countAllOnesIsUnalignedFirst_mach3() {
            Fx fx = new Fx(Profiles.MACH3, Geometry.X86_64).alloc(0, 4);
            fx.expectCopy(-fx.ps, -1L, fx.page(0), INVALID_ARGUMENT, Clause.VMC_ALIGN_2);
            fx.expectCopy(fx.page(0), -1L, fx.page(0), INVALID_ARGUMENT, Clause.VMC_ALIGN_2);
        }

        @Test
        void VMC_RANGE_1_countAllOnesWraps_gnumach() {
            Fx fx = new Fx(Profiles.GNUMACH, Geometry.X86_64).alloc(0, 4);
            fx.expectCopy(-fx.ps, -1L, fx.page(0), INVALID_ADDRESS, Clause.VMC_RANGE_1);
            fx.expectCopy(fx.page(0), -1L, fx.page(0), INVALID_ADDRESS, Clause.VMC_RANGE_1);
        }

        @Test
        void VMC_RANGE_1_roundedEndWrapsEvenWithoutByteWrap_gnumach() {
            // [2^64 - page, 2^64) does not wrap byte-wise, but round_page(end) does.
            Fx fx = new Fx(Profiles.GNUMACH, Geometry.X86_64).alloc(0, 4);
            fx.expectCopy(-fx.ps, fx.ps, fx.page(0), INVALID_ADDRESS, Clause.VMC_RANGE_1);
        }

        @Test
        void VMC_RANGE_1_endExactly2To32_32bit() {
            // start + count == 2^32: no byte wraps; mach3 finds it outside the user range,
            // gnumach's round_page(end) wraps to 0.
            Fx mach = Fx.mach3();
            mach.expectCopy(0x1000, (1L << 32) - 0x1000, mach.page(0), INVALID_ADDRESS, Clause.VMC_RANGE_2);
            Fx gnu = Fx.gnumach();
            gnu.expectCopy(0x1000, (1L << 32) - 0x1000, gnu.page(0), INVALID_ADDRESS, Clause.VMC_RANGE_1);
            // one page further wraps in both
            mach.expectCopy(0x2000, (1L << 32) - 0x1000, mach.page(0), INVALID_ADDRESS, Clause.VMC_RANGE_1);
            gnu.expectCopy(0x2000, (1L << 32) - 0x1000, gnu.page(0), INVALID_ADDRESS, Clause.VMC_RANGE_1);
        }

        @Test
        void VMC_RANGE_1_endExactly2To32_userRangeReaches2To32() {
            Geometry g = Fx.FULL32;
            long top = (1L << 32) - 16 * 4096L;
            for (String profile : new String[] {"mach3", "gnumach"}) {
                Fx fx = new Fx(Profiles.byName(profile).orElseThrow(), g);
                assertThat(fx.vm.vmAllocate(fx.task, top, 15 * 4096L, false).kr()).isZero();
                fx.expectCopy(top, 16 * 4096L, top, INVALID_ADDRESS, profile.equals("mach3") ? Clause.VMC_SRC_1 : Clause.VMC_RANGE_1);
                // the top page itself can be allocated: its end is 2^32, the end of the user range, not a wrap (VMH-ALLOC-1)
                assertThat(fx.vm.vmAllocate(fx.task, (1L << 32) - 4096, 4096, false).kr()).isZero();
                // a copy ending exactly at the maximum: possible by the text; GNU Mach's rounded-end test rejects it
                if (profile.equals("mach3")) {
                    fx.expectCopy(top, 16 * 4096L, top, OK, Clause.VMC_COPY_1);
                } else {
                    fx.expectCopy(top, 16 * 4096L, top, INVALID_ADDRESS, Clause.VMC_RANGE_1);
                }
                fx.expectCopy(top, 15 * 4096L, top, OK, Clause.VMC_COPY_1);
            }
        }

        @Test
        void VMC_RANGE_1_sourceBeyond32BitsIsWrap_mach3() {
            Fx fx = Fx.mach3().alloc(0, 2);
            fx.expectCopy(1L << 32, 4096, fx.page(0), INVALID_ADDRESS, Clause.VMC_RANGE_1);
            fx.expectCopy(fx.page(0), 1L << 32, fx.page(0), INVALID_ADDRESS, Clause.VMC_RANGE_1);
        }
    }

    @Nested
    class VMC_RANGE_2 {
        @Test
        void VMC_RANGE_2_sourceBelowMinAddress_64bit() {
            for (String profile : new String[] {"mach3", "gnumach"}) {
                Fx fx = new Fx(Profiles.byName(profile).orElseThrow(), Geometry.X86_64).alloc(0, 2);
                fx.expectCopy(0, fx.ps, fx.page(0), INVALID_ADDRESS, Clause.VMC_RANGE_2);
            }
        }

        @Test
        void VMC_RANGE_2_sourceAboveMaxAddress() {
            for (String profile : new String[] {"mach3", "gnumach"}) {
                Fx fx = Fx.of(profile).alloc(0, 2);
                fx.expectCopy(0xC000_0000L, 4096, fx.page(0), INVALID_ADDRESS, Clause.VMC_RANGE_2);
            }
        }

        @Test
        void VMC_RANGE_2_checkedBeforeWalk_mach3_butInWalk_gnumach() {
            long last = 0xC000_0000L - 2 * 4096;
            Fx mach = Fx.mach3();
            assertThat(mach.vm.vmAllocate(mach.task, last, 2 * 4096, false).kr()).isZero();
            assertThat(mach.vm.vmProtect(mach.task, last, 4096, false, VmProt.NONE)).isZero();
            mach.alloc(0, 3);
            CopyDecision d = mach.expectCopy(last, 3 * 4096, mach.page(0), INVALID_ADDRESS, Clause.VMC_RANGE_2);
            // the text: "Illegal ... address" (lines 102-104) and "not readable" (lines 98-100) both hold
            assertThat(d.allowedCodes()).containsExactlyInAnyOrder(INVALID_ADDRESS, PROTECTION_FAILURE);

            Fx strict = new Fx(Fx.UNALIGNED, Geometry.I386);
            assertThat(strict.vm.vmAllocate(strict.task, last, 2 * 4096, false).kr()).isZero();
            assertThat(strict.vm.vmProtect(strict.task, last, 4096, false, VmProt.NONE)).isZero();
            strict.alloc(0, 3);
            CopyDecision c = strict.expectCopy(last, 3 * 4096, strict.page(0), INVALID_ADDRESS, Clause.VMC_RANGE_2);
            assertThat(c.blame(PROTECTION_FAILURE)).isEqualTo(Clause.VMC_RANGE_2);

            Fx gnu = Fx.gnumach();
            assertThat(gnu.vm.vmAllocate(gnu.task, last, 2 * 4096, false).kr()).isZero();
            assertThat(gnu.vm.vmProtect(gnu.task, last, 4096, false, VmProt.NONE)).isZero();
            gnu.alloc(0, 3);
            CopyDecision g = gnu.expectCopy(last, 3 * 4096, gnu.page(0), PROTECTION_FAILURE, Clause.VMC_SRC_2);
            assertThat(g.blame(INVALID_ADDRESS)).isEqualTo(Clause.VMC_ORDER_2);
            // readable: the walk then meets the top of the user range as a hole
            assertThat(gnu.vm.vmProtect(gnu.task, last, 4096, false, VmProt.READ)).isZero();
            gnu.expectCopy(last, 3 * 4096, gnu.page(0), INVALID_ADDRESS, Clause.VMC_RANGE_2);
        }
    }

    @Nested
    class VMC_RANGE_3 {
        @Test
        void VMC_RANGE_3_destinationWraps_mach3() {
            Fx fx = new Fx(Profiles.MACH3, Geometry.X86_64).alloc(0, 2).fill(0, 2);
            fx.expectCopy(fx.page(0), 2 * fx.ps, -fx.ps, INVALID_ADDRESS, Clause.VMC_RANGE_3);
        }

        @Test
        void VMC_RANGE_3_destinationWrapMetAsHoleInWalk_gnumach() {
            // IN_WALK: the walk runs off the user range on its way to the wrap; for a wrapping range
            // that hole is where the wrap shows, so the wrap clause decides.
            Fx fx = new Fx(Profiles.GNUMACH, Geometry.X86_64).alloc(0, 2).fill(0, 2);
            fx.expectCopy(fx.page(0), 2 * fx.ps, -fx.ps, INVALID_ADDRESS, Clause.VMC_RANGE_3);
        }

        @Test
        void VMC_RANGE_3_destinationWraps32Bit() {
            Fx fx = Fx.mach3().alloc(0, 2).fill(0, 2);
            fx.expectCopy(fx.page(0), 2 * 4096, 0xFFFF_F000L, INVALID_ADDRESS, Clause.VMC_RANGE_3);
            Fx gnu = Fx.gnumach().alloc(0, 2).fill(0, 2);
            gnu.expectCopy(gnu.page(0), 2 * 4096, 0xFFFF_F000L, INVALID_ADDRESS, Clause.VMC_RANGE_3);
        }
    }

    @Nested
    class VMC_RANGE_4 {
        @Test
        void VMC_RANGE_4_destinationRunsPastMaxAddress() {
            long last = 0xC000_0000L - 4096;
            for (String profile : new String[] {"mach3", "gnumach"}) {
                Fx fx = Fx.of(profile).alloc(0, 2).fill(0, 2);
                assertThat(fx.vm.vmAllocate(fx.task, last, 4096, false).kr()).isZero();
                fx.expectCopy(fx.page(0), 2 * 4096, last, INVALID_ADDRESS, Clause.VMC_RANGE_4);
            }
        }

        @Test
        void VMC_RANGE_4_boundsFirst_mach3_vsWalkOrder_gnumach() {
            long last = 0xC000_0000L - 4096;
            Fx mach = Fx.mach3().alloc(0, 2).fill(0, 2);
            assertThat(mach.vm.vmAllocate(mach.task, last, 4096, false).kr()).isZero();
            assertThat(mach.vm.vmProtect(mach.task, last, 4096, false, VmProt.READ)).isZero();
            mach.expectCopy(mach.page(0), 2 * 4096, last, INVALID_ADDRESS, Clause.VMC_RANGE_4);
            Fx gnu = Fx.gnumach().alloc(0, 2).fill(0, 2);
            assertThat(gnu.vm.vmAllocate(gnu.task, last, 4096, false).kr()).isZero();
            assertThat(gnu.vm.vmProtect(gnu.task, last, 4096, false, VmProt.READ)).isZero();
            gnu.expectCopy(gnu.page(0), 2 * 4096, last, PROTECTION_FAILURE, Clause.VMC_DST_2);
        }

        @Test
        void VMC_RANGE_4_destinationBelowMinAddress_64bit() {
            for (String profile : new String[] {"mach3", "gnumach"}) {
                Fx fx = new Fx(Profiles.byName(profile).orElseThrow(), Geometry.X86_64).alloc(0, 2);
                fx.expectCopy(fx.page(0), fx.ps, 0, INVALID_ADDRESS, Clause.VMC_RANGE_4);
            }
        }
    }

    @Nested
    class VMC_SRC_1 {
        @ParameterizedTest
        @MethodSource("vmck.model.ClauseTest#profilesAndGeometries")
        void VMC_SRC_1_holeInSourceIsInvalidAddress(String profile, Geometry geometry) {
            Fx fx = new Fx(Profiles.byName(profile).orElseThrow(), geometry).alloc(0, 1).alloc(2, 4).fill(0, 1);
            CopyDecision d = fx.expectCopy(fx.page(0), 2 * fx.ps, fx.page(3), INVALID_ADDRESS, Clause.VMC_SRC_1);
            assertThat(d.findings().get(0).address()).isEqualTo(fx.page(1));
            fx.expectCopy(fx.page(10), fx.ps, fx.page(3), INVALID_ADDRESS, Clause.VMC_SRC_1);
        }

        @Test
        void VMC_SRC_1_unalignedWithHoleInRoundedSource_gnumach() {
            // the rounded source [page 0, page 2) has a hole at page 1: 1, not 4
            Fx fx = Fx.gnumach().alloc(0, 1).alloc(4, 4);
            fx.expectCopy(fx.page(0) + 100, fx.ps, fx.page(4), INVALID_ADDRESS, Clause.VMC_SRC_1);
            Fx mach = Fx.mach3().alloc(0, 1).alloc(4, 4);
            mach.expectCopy(mach.page(0) + 100, mach.ps, mach.page(4), INVALID_ARGUMENT, Clause.VMC_ALIGN_1);
        }

        @Test
        void VMC_SRC_1_holeAfterDeallocate() {
            for (String profile : new String[] {"mach3", "gnumach"}) {
                Fx fx = Fx.of(profile).alloc(0, 4).fill(0, 4);
                assertThat(fx.vm.vmDeallocate(fx.task, fx.page(2), fx.ps)).isZero();
                fx.expectCopy(fx.page(0), 4 * fx.ps, fx.page(0), INVALID_ADDRESS, Clause.VMC_SRC_1);
                fx.expectCopy(fx.page(0), 2 * fx.ps, fx.page(0), OK, Clause.VMC_COPY_1);
            }
        }
    }

    @Nested
    class VMC_SRC_2 {
        @ParameterizedTest
        @ValueSource(ints = {VmProt.NONE, VmProt.WRITE, VmProt.EXECUTE, VmProt.WRITE | VmProt.EXECUTE})
        void VMC_SRC_2_unreadableSourceIsProtectionFailure(int protection) {
            for (String profile : new String[] {"mach3", "gnumach"}) {
                Fx fx = Fx.of(profile).alloc(0, 6).fill(0, 6).protect(1, 1, protection);
                CopyDecision d = fx.expectCopy(fx.page(0), 2 * fx.ps, fx.page(4), PROTECTION_FAILURE, Clause.VMC_SRC_2);
                assertThat(d.findings().get(0).address()).isEqualTo(fx.page(1));
            }
        }

        @Test
        void VMC_SRC_2_unalignedOverUnreadablePage_gnumach() {
            Fx fx = Fx.gnumach().alloc(0, 6).fill(0, 6).protect(1, 1, VmProt.NONE);
            fx.expectCopy(fx.page(0) + 1, fx.ps, fx.page(4), PROTECTION_FAILURE, Clause.VMC_SRC_2);
        }

        @Test
        void VMC_SRC_2_readOnlyAndExecReadableSourcesCopy() {
            for (int protection : new int[] {VmProt.READ, VmProt.READ | VmProt.EXECUTE, VmProt.ALL}) {
                Fx fx = Fx.mach3().alloc(0, 6).fill(0, 6).protect(0, 2, protection);
                fx.expectCopy(fx.page(0), 2 * fx.ps, fx.page(4), OK, Clause.VMC_COPY_1);
            }
        }
    }

    @Nested
    class VMC_SRC_3 {
        @ParameterizedTest
        @ValueSource(strings = {"mach3", "gnumach"})
        void VMC_SRC_3_maxProtectionNotConsulted(String profile) {
            Fx fx = Fx.of(profile).alloc(4, 2);
            // current READ but max without READ: only reachable directly in the model
            fx.space().allocate(fx.geometry.pageIndex(fx.page(0)), fx.geometry.pageIndex(fx.page(2)),
                    VmProt.READ, VmProt.WRITE);
            fx.expectCopy(fx.page(0), 2 * fx.ps, fx.page(4), OK, Clause.VMC_COPY_1);
        }

        @Test
        void VMC_SRC_3_maxReadOnlySourceCopies() {
            Fx fx = Fx.gnumach().alloc(0, 6).fill(0, 2);
            assertThat(fx.vm.vmProtect(fx.task, fx.page(0), 2 * fx.ps, true, VmProt.READ)).isZero();
            fx.expectCopy(fx.page(0), 2 * fx.ps, fx.page(4), OK, Clause.VMC_COPY_1);
        }

        @Test
        void VMC_SRC_3_profileThatConsultsMax() {
            Fx fx = new Fx(Fx.XNU_LIKE, Geometry.I386).alloc(4, 8);
            fx.space().allocate(fx.geometry.pageIndex(fx.page(0)), fx.geometry.pageIndex(fx.page(4)),
                    VmProt.READ, VmProt.WRITE | VmProt.EXECUTE);
            // 4 pages: above the buffered limit, so the code stays PROTECTION_FAILURE
            fx.expectCopy(fx.page(0), 4 * fx.ps, fx.page(4), PROTECTION_FAILURE, Clause.VMC_SRC_3);
            // 1 page: buffered, reported as an invalid address
            fx.expectCopy(fx.page(0), fx.ps, fx.page(4), INVALID_ADDRESS, Clause.VMC_SRC_3);
        }
    }

    @Nested
    class VMC_DST_1 {
        @ParameterizedTest
        @MethodSource("vmck.model.ClauseTest#profilesAndGeometries")
        void VMC_DST_1_holeInDestinationIsInvalidAddress(String profile, Geometry geometry) {
            Fx fx = new Fx(Profiles.byName(profile).orElseThrow(), geometry).alloc(0, 2).fill(0, 2).alloc(4, 1);
            CopyDecision d = fx.expectCopy(fx.page(0), 2 * fx.ps, fx.page(4), INVALID_ADDRESS, Clause.VMC_DST_1);
            assertThat(d.findings().get(0).address()).isEqualTo(fx.page(5));
            fx.expectCopy(fx.page(0), fx.ps, fx.page(9), INVALID_ADDRESS, Clause.VMC_DST_1);
        }
    }

    @Nested
    class VMC_DST_2 {
        @ParameterizedTest
        @ValueSource(ints = {VmProt.NONE, VmProt.READ, VmProt.EXECUTE, VmProt.READ | VmProt.EXECUTE})
        void VMC_DST_2_unwritableDestinationIsProtectionFailure(int protection) {
            for (String profile : new String[] {"mach3", "gnumach"}) {
                Fx fx = Fx.of(profile).alloc(0, 2).fill(0, 2).alloc(4, 2).protect(5, 1, protection);
                CopyDecision d = fx.expectCopy(fx.page(0), 2 * fx.ps, fx.page(4), PROTECTION_FAILURE, Clause.VMC_DST_2);
                assertThat(d.findings().get(0).address()).isEqualTo(fx.page(5));
            }
        }

        @Test
        void VMC_DST_2_writeOnlyDestinationNeedsNoRead() {
            for (String profile : new String[] {"mach3", "gnumach"}) {
                Fx fx = Fx.of(profile).alloc(0, 2).fill(0, 2).alloc(4, 2).protect(4, 2, VmProt.WRITE);
                fx.expectCopy(fx.page(0), 2 * fx.ps, fx.page(4), OK, Clause.VMC_COPY_1);
                assertThat(fx.bytes(fx.page(4), 2 * fx.ps)).isEqualTo(fx.bytes(fx.page(0), 2 * fx.ps));
                assertThat(fx.vm.vmRead(fx.task, fx.page(4), fx.ps).kr()).isEqualTo(PROTECTION_FAILURE);
            }
        }
    }

    @Nested
    class VMC_ORDER_1 {
        @ParameterizedTest
        @ValueSource(strings = {"mach3", "gnumach"})
        void VMC_ORDER_1_sourceBeforeDestination(String profile) {
            Fx fx = Fx.of(profile).alloc(0, 2).protect(1, 1, VmProt.NONE).alloc(4, 2).protect(4, 2, VmProt.READ);
            // source unreadable (2) and destination read-only (2) and destination hole (1)
            CopyDecision d = fx.expectCopy(fx.page(0), 2 * fx.ps, fx.page(5), PROTECTION_FAILURE, Clause.VMC_SRC_2);
            assertThat(d.blame(INVALID_ADDRESS)).isEqualTo(Clause.VMC_ORDER_1);
            // source hole (1), destination unwritable (2)
            CopyDecision h = fx.expectCopy(fx.page(1), 2 * fx.ps, fx.page(4), PROTECTION_FAILURE, Clause.VMC_SRC_2);
            assertThat(h.findings().get(1).clause()).isEqualTo(Clause.VMC_SRC_1);
            CopyDecision s = fx.expectCopy(fx.page(2), fx.ps, fx.page(4), INVALID_ADDRESS, Clause.VMC_SRC_1);
            assertThat(s.blame(PROTECTION_FAILURE)).isEqualTo(Clause.VMC_ORDER_1);
            assertThat(s.findings()).extracting(Finding::clause).containsExactly(Clause.VMC_SRC_1, Clause.VMC_DST_2);
        }
    }

    @Nested
    class VMC_ORDER_2 {
        @ParameterizedTest
        @ValueSource(strings = {"gnumach"})
        void VMC_ORDER_2_holeBeforeProtectionInSource(String profile) {
            Fx fx = Fx.of(profile).alloc(1, 1).protect(1, 1, VmProt.NONE).alloc(4, 4);
            CopyDecision d = fx.expectCopy(fx.page(0), 2 * fx.ps, fx.page(4), INVALID_ADDRESS, Clause.VMC_SRC_1);
            assertThat(d.blame(PROTECTION_FAILURE)).isEqualTo(Clause.VMC_ORDER_2);
            assertThat(d.findings()).extracting(Finding::clause).containsExactly(Clause.VMC_SRC_1, Clause.VMC_SRC_2);
        }

        @ParameterizedTest
        @ValueSource(strings = {"gnumach"})
        void VMC_ORDER_2_protectionBeforeHoleInSource(String profile) {
            Fx fx = Fx.of(profile).alloc(0, 1).protect(0, 1, VmProt.WRITE).alloc(4, 4);
            CopyDecision d = fx.expectCopy(fx.page(0), 2 * fx.ps, fx.page(4), PROTECTION_FAILURE, Clause.VMC_SRC_2);
            assertThat(d.blame(INVALID_ADDRESS)).isEqualTo(Clause.VMC_ORDER_2);
            assertThat(d.findings()).extracting(Finding::clause).containsExactly(Clause.VMC_SRC_2, Clause.VMC_SRC_1);
        }

        @ParameterizedTest
        @ValueSource(strings = {"gnumach"})
        void VMC_ORDER_2_inDestination(String profile) {
            Fx fx = Fx.of(profile).alloc(0, 3).fill(0, 3).alloc(4, 1).protect(4, 1, VmProt.READ).alloc(6, 1);
            CopyDecision d = fx.expectCopy(fx.page(0), 3 * fx.ps, fx.page(4), PROTECTION_FAILURE, Clause.VMC_DST_2);
            assertThat(d.blame(INVALID_ADDRESS)).isEqualTo(Clause.VMC_ORDER_2);
            CopyDecision h = fx.expectCopy(fx.page(0), 3 * fx.ps, fx.page(5), INVALID_ADDRESS, Clause.VMC_DST_1);
            assertThat(h.findings()).extracting(Finding::clause).containsExactly(Clause.VMC_DST_1);
            fx.protect(6, 1, VmProt.NONE);
            CopyDecision b = fx.expectCopy(fx.page(0), 3 * fx.ps, fx.page(5), INVALID_ADDRESS, Clause.VMC_DST_1);
            assertThat(b.blame(PROTECTION_FAILURE)).isEqualTo(Clause.VMC_ORDER_2);
        }

        @Test
        void VMC_ORDER_2_mach3AllowsEitherProblemOfARange() {
            // lines 98-104 list both codes with no precedence: either order, source or destination
            Fx hole = Fx.mach3().alloc(1, 1).protect(1, 1, VmProt.NONE).alloc(4, 4);
            assertThat(hole.decide(hole.page(0), 2 * hole.ps, hole.page(4)).allowedCodes())
                    .containsExactlyInAnyOrder(INVALID_ADDRESS, PROTECTION_FAILURE);
            Fx prot = Fx.mach3().alloc(0, 1).protect(0, 1, VmProt.WRITE).alloc(4, 4);
            assertThat(prot.decide(prot.page(0), 2 * prot.ps, prot.page(4)).allowedCodes())
                    .containsExactlyInAnyOrder(INVALID_ADDRESS, PROTECTION_FAILURE);
            Fx dst = Fx.mach3().alloc(0, 3).fill(0, 3).alloc(4, 1).protect(4, 1, VmProt.READ).alloc(6, 1);
            CopyDecision d = dst.decide(dst.page(0), 3 * dst.ps, dst.page(4));
            assertThat(d.allowedCodes()).containsExactlyInAnyOrder(INVALID_ADDRESS, PROTECTION_FAILURE);
            assertThat(d.blame(NO_SPACE)).isEqualTo(Clause.VMC_DST_2);
        }

        @Test
        void VMC_ORDER_2_manyRunsFirstProblemWins() {
            Fx fx = Fx.gnumach().alloc(0, 10).fill(0, 10).protect(2, 1, VmProt.READ | VmProt.EXECUTE)
                    .protect(4, 1, VmProt.ALL).protect(7, 1, VmProt.WRITE);
            CopyDecision d = fx.expectCopy(fx.page(0), 9 * fx.ps, fx.page(0), PROTECTION_FAILURE, Clause.VMC_SRC_2);
            assertThat(d.findings().get(0).address()).isEqualTo(fx.page(7));
            assertThat(fx.vm.vmDeallocate(fx.task, fx.page(8), fx.ps)).isZero();
            CopyDecision e = fx.expectCopy(fx.page(0), 10 * fx.ps, fx.page(0), PROTECTION_FAILURE, Clause.VMC_SRC_2);
            assertThat(e.blame(INVALID_ADDRESS)).isEqualTo(Clause.VMC_ORDER_2);
        }
    }

    @Nested
    class VMC_ORDER_3 {
        @Test
        void VMC_ORDER_3_sourceHoleBeatsAlignment_gnumach() {
            Fx fx = Fx.gnumach().alloc(4, 2);
            CopyDecision d = fx.expectCopy(fx.page(0) + 1, fx.ps, fx.page(4), INVALID_ADDRESS, Clause.VMC_SRC_1);
            assertThat(d.blame(INVALID_ARGUMENT)).isEqualTo(Clause.VMC_ORDER_3);
        }

        @Test
        void VMC_ORDER_3_mach3AllowsAlignmentOrTheRangeProblem() {
            // BUGS (lines 105-108) against line 92 (vm_read, then vm_write): either code
            Fx fx = Fx.mach3().alloc(4, 2);
            CopyDecision d = fx.expectCopy(fx.page(0) + 1, fx.ps, fx.page(4), INVALID_ARGUMENT, Clause.VMC_ALIGN_1);
            assertThat(d.allowedCodes()).containsExactlyInAnyOrder(INVALID_ARGUMENT, INVALID_ADDRESS);
            assertThat(d.blame(PROTECTION_FAILURE)).isEqualTo(Clause.VMC_ALIGN_1);
            // the example: copy(0x10000, 0x1000, 0x20001) with the source unallocated
            Fx hole = Fx.mach3();
            assertThat(hole.decide(0x10000, 0x1000, 0x20001).allowedCodes())
                    .containsExactlyInAnyOrder(INVALID_ARGUMENT, INVALID_ADDRESS);
            // an unaligned destination that is also read-only: either code
            Fx dst = Fx.mach3().alloc(0, 3).protect(1, 2, VmProt.READ);
            CopyDecision e = dst.expectCopy(dst.page(0), dst.ps, dst.page(1) + 1, INVALID_ARGUMENT, Clause.VMC_ALIGN_3);
            assertThat(e.allowedCodes()).containsExactlyInAnyOrder(INVALID_ARGUMENT, PROTECTION_FAILURE);
        }

        @Test
        void VMC_ORDER_3_mach3KeepsTheSourceBeforeTheDestination() {
            // line 92: a source problem still beats a destination problem, alignment or not
            Fx fx = Fx.mach3().alloc(0, 1).protect(0, 1, VmProt.NONE);
            CopyDecision d = fx.decide(fx.page(0), fx.ps, fx.page(8) + 1);
            assertThat(d.allowedCodes()).containsExactlyInAnyOrder(INVALID_ARGUMENT, PROTECTION_FAILURE);
        }

        @Test
        void VMC_ORDER_3_alignedSourceThenUnalignedDestination_gnumach() {
            Fx fx = Fx.gnumach().alloc(0, 2).protect(0, 1, VmProt.NONE);
            CopyDecision d = fx.expectCopy(fx.page(0), fx.ps, fx.page(1) + 8, PROTECTION_FAILURE, Clause.VMC_SRC_2);
            assertThat(d.blame(INVALID_ARGUMENT)).isEqualTo(Clause.VMC_ORDER_3);
        }
    }

    @Nested
    class VMC_ORDER_4 {
        @Test
        void VMC_ORDER_4_countZeroUnaligned_mach3() {
            Fx fx = Fx.mach3();
            CopyDecision d = fx.expectCopy(fx.page(0) + 1, 0, fx.page(1) + 1, INVALID_ARGUMENT, Clause.VMC_ALIGN_1);
            assertThat(d.blame(OK)).isEqualTo(Clause.VMC_ORDER_4);
        }

        @Test
        void VMC_ORDER_4_countZeroUnaligned_gnumach() {
            Fx fx = Fx.gnumach();
            CopyDecision d = fx.expectCopy(fx.page(0) + 1, 0, fx.page(1) + 1, OK, Clause.VMC_ZERO_1);
            assertThat(d.blame(INVALID_ARGUMENT)).isEqualTo(Clause.VMC_ORDER_4);
            assertThat(d.blame(INVALID_ADDRESS)).isEqualTo(Clause.VMC_ZERO_1);
        }
    }
}
