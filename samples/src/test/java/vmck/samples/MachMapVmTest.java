package vmck.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import vmck.spec.Geometry;
import vmck.spec.MachVm;
import vmck.spec.Profile;
import vmck.spec.Profiles;
import vmck.spec.VmProt;

/** Focused checks of the worked example: exact codes, exact bytes. */
class MachMapVmTest {
    private static final long SRC = 0x10000;
    private static final long DST = 0x100000;
    private static final long UNMAPPED = 0x200000;

    private static TaskMemory mach3() {
        return new TaskMemory(new MachMapVm(Profiles.MACH3, Geometry.I386));
    }

    private static TaskMemory gnumach() {
        return new TaskMemory(new MachMapVm(Profiles.GNUMACH, Geometry.I386));
    }

    @Test
    void constructorRejectsProfilesOtherThanMach3AndGnumach() {
        Profile custom = Profile.builder("custom").checkOrder(Profiles.MACH3.checkOrder())
                .invalidTaskResults(Profiles.MACH3.invalidTaskResults())
                .sourceBounds(Profile.Bounds.IN_WALK).destinationBounds(Profile.Bounds.IN_WALK).build();
        assertThatThrownBy(() -> new MachMapVm(custom, Geometry.I386)).isInstanceOf(IllegalArgumentException.class);
    }

    @Nested
    class CopyEffects {
        @Test
        void destinationReceivesTheSourceBytesAndKeepsItsNeighbours() {
            TaskMemory m = mach3().allocate(SRC, 2).fill(SRC, 1, 2).allocate(DST, 4).fill(DST, 5, 6, 7, 8);
            assertThat(m.copy(SRC, m.pages(2), DST + m.page)).isZero();
            assertThat(m.tags(DST, 4)).containsExactly(5, 1, 2, 8);
            assertThat(m.tags(SRC, 2)).containsExactly(1, 2);
        }

        @Test
        void copiesExactBytesNotJustPageTags() {
            TaskMemory m = mach3().allocate(SRC, 1).allocate(DST, 1);
            byte[] pattern = new byte[m.page];
            for (int i = 0; i < pattern.length; i++) {
                pattern[i] = (byte) (i * 31 + 7);
            }
            assertThat(m.vm.vmWrite(m.task, SRC, pattern)).isZero();
            assertThat(m.copy(SRC, m.pages(1), DST)).isZero();
            assertThat(m.vm.vmRead(m.task, DST, m.page).data()).isEqualTo(pattern);
        }

        @Test
        void writesToTheSourceAfterTheCopyDoNotShowInTheDestination() {
            TaskMemory m = mach3().allocate(SRC, 2).fill(SRC, 1, 2).allocate(DST, 2);
            assertThat(m.copy(SRC, m.pages(2), DST)).isZero();
            m.fill(SRC, 3, 4);
            assertThat(m.tags(DST, 2)).containsExactly(1, 2);
            assertThat(m.tags(SRC, 2)).containsExactly(3, 4);
        }

        @Test
        void writesToTheDestinationAfterTheCopyDoNotShowInTheSource() {
            TaskMemory m = mach3().allocate(SRC, 2).fill(SRC, 1, 2).allocate(DST, 2);
            assertThat(m.copy(SRC, m.pages(2), DST)).isZero();
            m.fill(DST, 9);
            assertThat(m.tags(SRC, 2)).containsExactly(1, 2);
            assertThat(m.tags(DST, 2)).containsExactly(9, 2);
        }

        @Test
        void copyOfACopyStaysIsolatedFromBothAncestors() {
            TaskMemory m = mach3().allocate(SRC, 1).fill(SRC, 1).allocate(DST, 2);
            assertThat(m.copy(SRC, m.pages(1), DST)).isZero();
            assertThat(m.copy(DST, m.pages(1), DST + m.page)).isZero();
            m.fill(DST, 2);
            m.fill(SRC, 3);
            assertThat(m.tags(DST, 2)).containsExactly(2, 1);
            assertThat(m.tags(SRC, 1)).containsExactly(3);
        }

        @Test
        void overlapWithDestinationAboveSourceIsMemmove() {
            TaskMemory m = mach3().allocate(SRC, 5).fill(SRC, 1, 2, 3, 4, 5);
            assertThat(m.copy(SRC, m.pages(3), SRC + m.page)).isZero();
            assertThat(m.tags(SRC, 5)).containsExactly(1, 1, 2, 3, 5);
        }

        @Test
        void overlapWithDestinationBelowSourceIsMemmove() {
            TaskMemory m = mach3().allocate(SRC, 5).fill(SRC, 1, 2, 3, 4, 5);
            assertThat(m.copy(SRC + m.page, m.pages(3), SRC)).isZero();
            assertThat(m.tags(SRC, 5)).containsExactly(2, 3, 4, 4, 5);
        }

        @Test
        void selfCopyChangesNothingAndLaterWritesStillWork() {
            TaskMemory m = mach3().allocate(SRC, 3).fill(SRC, 1, 2, 3);
            assertThat(m.copy(SRC, m.pages(3), SRC)).isZero();
            assertThat(m.tags(SRC, 3)).containsExactly(1, 2, 3);
            m.fill(SRC + m.page, 7);
            assertThat(m.tags(SRC, 3)).containsExactly(1, 7, 3);
        }

        @Test
        void destinationKeepsItsOwnProtectionsAndTheSourceKeepsItsOwn() {
            TaskMemory m = mach3().allocate(SRC, 1).protect(SRC, 1, VmProt.READ).allocate(DST, 1);
            assertThat(m.vm.vmProtect(m.task, DST, m.page, true, VmProt.DEFAULT)).isZero();
            assertThat(m.copy(SRC, m.pages(1), DST)).isZero();
            assertThat(List.of(m.protectionAt(DST), m.maxProtectionAt(DST))).containsExactly(VmProt.DEFAULT, VmProt.DEFAULT);
            assertThat(List.of(m.protectionAt(SRC), m.maxProtectionAt(SRC))).containsExactly(VmProt.READ, VmProt.ALL);
        }

        @Test
        void copyAcrossSeveralSourceAndDestinationEntries() {
            TaskMemory m = mach3().allocate(SRC, 2).allocate(SRC + 0x2000, 2).fill(SRC, 1, 2, 3, 4)
                    .allocate(DST, 1).allocate(DST + 0x1000, 3).fill(DST, 5, 6, 7, 8)
                    .protect(DST + 0x1000, 1, VmProt.ALL);
            assertThat(m.copy(SRC + m.page, m.pages(3), DST)).isZero();
            assertThat(m.tags(DST, 4)).containsExactly(2, 3, 4, 8);
            assertThat(m.protectionAt(DST + 0x1000)).isEqualTo(VmProt.ALL);
        }

        @Test
        @Timeout(10)
        void oneGibibyteAllocationAndCopyAreCheap() {
            TaskMemory m = new TaskMemory(new MachMapVm(Profiles.MACH3, Geometry.X86_64));
            long gib = 1L << 30;
            MachVm.AllocateResult first = m.vm.vmAllocate(m.task, 0, gib, true);
            MachVm.AllocateResult second = m.vm.vmAllocate(m.task, 0, gib, true);
            assertThat(List.of(first.kr(), second.kr())).containsExactly(0, 0);
            m.fill(first.address() + gib - m.page, 42);
            long before = System.nanoTime();
            assertThat(m.copy(first.address(), gib, second.address())).isZero();
            assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofSeconds(1));
            assertThat(m.tags(second.address() + gib - m.page, 1)).containsExactly(42);
            assertThat(m.tags(second.address(), 1)).containsExactly(0);
        }
    }

    @Nested
    class Mach3Decisions {
        @Test
        void deadAndUnknownTasksAreInvalidArguments() {
            TaskMemory m = mach3();
            assertThat(m.vm.taskTerminate(m.task)).isZero();
            assertThat(m.copy(SRC, m.pages(1), DST)).isEqualTo(4);
            assertThat(m.vm.vmCopy(12345, SRC, 0, DST)).isEqualTo(4);
        }

        @Test
        void eachUnalignedArgumentIsInvalidArgumentEvenWithCountZero() {
            TaskMemory m = mach3().allocate(SRC, 2).allocate(DST, 2);
            assertThat(List.of(
                    m.copy(SRC + 1, m.pages(1), DST),
                    m.copy(SRC, m.pages(1) + 1, DST),
                    m.copy(SRC, m.pages(1), DST + 1),
                    m.copy(SRC + 1, 0, DST))).containsExactly(4, 4, 4, 4);
        }

        @Test
        void alignmentIsCheckedBeforeTheSource() {
            assertThat(mach3().copy(UNMAPPED + 1, 0x1000, UNMAPPED)).isEqualTo(4);
        }

        @Test
        void countZeroSucceedsAnywhereAndChangesNothing() {
            TaskMemory m = mach3().allocate(SRC, 1).fill(SRC, 3);
            assertThat(m.copy(UNMAPPED, 0, SRC)).isZero();
            assertThat(m.copy(0xFFFF_F000L, 0, 0)).isZero();
            assertThat(m.tags(SRC, 1)).containsExactly(3);
        }

        @Test
        void sourceRangesThatWrapOrLeaveTheUserRangeAreInvalidAddresses() {
            TaskMemory wide = new TaskMemory(new MachMapVm(Profiles.MACH3, Geometry.X86_64));
            wide.allocate(0x10000, 1);
            assertThat(List.of(
                    wide.copy(0xFFFF_FFFF_FFFF_F000L, 0x2000, 0x10000),
                    wide.copy(0, 0x1000, 0x10000),
                    wide.copy(Geometry.X86_64.maxAddress(), 0x1000, 0x10000))).containsExactly(1, 1, 1);
            TaskMemory narrow = mach3().allocate(DST, 2);
            assertThat(narrow.copy(0xFFFF_F000L, 0x2000, DST)).isEqualTo(1);
        }

        @Test
        void userRangeCheckComesBeforeTheSourceWalk() {
            TaskMemory m = mach3();
            long top = Geometry.I386.maxAddress() - m.page;
            m.allocate(top, 1).protect(top, 1, VmProt.NONE).allocate(DST, 2);
            assertThat(m.copy(top, m.pages(2), DST)).isEqualTo(1);
        }

        @Test
        void sourceHoleIsInvalidAddressAndUnreadablePageIsProtectionFailure() {
            TaskMemory m = mach3().allocate(SRC, 1).allocate(SRC + 0x3000, 1).protect(SRC + 0x3000, 1, VmProt.WRITE)
                    .allocate(DST, 2);
            assertThat(m.copy(SRC, m.pages(2), DST)).isEqualTo(1);
            assertThat(m.copy(SRC + 0x3000, m.pages(1), DST)).isEqualTo(2);
        }

        @Test
        void withinTheSourceTheFirstProblemInAddressOrderWins() {
            TaskMemory m = mach3().allocate(SRC, 1).protect(SRC, 1, VmProt.NONE)
                    .allocate(SRC + 0x3000, 1).protect(SRC + 0x3000, 1, VmProt.NONE).allocate(DST, 3);
            assertThat(m.copy(SRC, m.pages(2), DST)).as("unreadable, then hole").isEqualTo(2);
            assertThat(m.copy(SRC + 0x2000, m.pages(2), DST)).as("hole, then unreadable").isEqualTo(1);
        }

        @Test
        void maxProtectionOfTheSourceIsNotConsulted() {
            TaskMemory m = mach3().allocate(SRC, 1).fill(SRC, 6).allocate(DST, 1);
            assertThat(m.vm.vmProtect(m.task, SRC, m.page, true, VmProt.READ)).isZero();
            assertThat(m.copy(SRC, m.pages(1), DST)).isZero();
            assertThat(m.tags(DST, 1)).containsExactly(6);
        }

        @Test
        void destinationHoleIsInvalidAddressAndReadOnlyPageIsProtectionFailure() {
            TaskMemory m = mach3().allocate(SRC, 2).allocate(DST, 1).allocate(DST + 0x3000, 1)
                    .protect(DST + 0x3000, 1, VmProt.READ);
            assertThat(m.copy(SRC, m.pages(2), DST)).isEqualTo(1);
            assertThat(m.copy(SRC, m.pages(1), DST + 0x3000)).isEqualTo(2);
        }

        @Test
        void destinationNeedsWriteButNotRead() {
            TaskMemory m = mach3().allocate(SRC, 1).fill(SRC, 4).allocate(DST, 1).protect(DST, 1, VmProt.WRITE);
            assertThat(m.copy(SRC, m.pages(1), DST)).isZero();
            m.protect(DST, 1, VmProt.READ);
            assertThat(m.tags(DST, 1)).containsExactly(4);
        }

        @Test
        void sourceIsCheckedBeforeTheDestination() {
            TaskMemory m = mach3().allocate(SRC, 1).protect(SRC, 1, VmProt.NONE).allocate(DST, 1).protect(DST, 1, VmProt.READ);
            assertThat(m.copy(SRC, m.pages(1), DST)).isEqualTo(2);
            assertThat(m.copy(UNMAPPED, m.pages(1), DST)).isEqualTo(1);
        }

        @Test
        void destinationRangeLeavingTheUserRangeIsInvalidAddressBeforeItsWalk() {
            TaskMemory m = mach3();
            long top = Geometry.I386.maxAddress() - m.page;
            m.allocate(SRC, 2).allocate(top, 1).protect(top, 1, VmProt.READ);
            assertThat(m.copy(SRC, m.pages(2), top)).isEqualTo(1);
        }

        @Test
        void failedCopyChangesNeitherBytesNorProtections() {
            TaskMemory m = mach3().allocate(SRC, 3).fill(SRC, 1, 2, 3).allocate(DST, 3).fill(DST, 7, 8, 9)
                    .protect(DST + 0x2000, 1, VmProt.READ);
            assertThat(m.copy(SRC, m.pages(3), DST)).isEqualTo(2);
            assertThat(m.tags(DST, 3)).containsExactly(7, 8, 9);
            assertThat(List.of(m.protectionAt(DST), m.protectionAt(DST + 0x2000))).containsExactly(VmProt.DEFAULT, VmProt.READ);
            m.fill(DST, 6);
            assertThat(m.tags(SRC, 1)).as("no sharing was set up by the failed call").containsExactly(1);
        }
    }

    @Nested
    class GnumachDecisions {
        @Test
        void countZeroSucceedsBeforeAlignment() {
            assertThat(gnumach().copy(UNMAPPED + 1, 0, 3)).isZero();
        }

        @Test
        void sourceWalkOverTheRoundedRangeComesBeforeAlignment() {
            TaskMemory m = gnumach().allocate(SRC, 1).allocate(DST, 2);
            assertThat(m.copy(UNMAPPED + 1, m.pages(1), DST)).as("hole").isEqualTo(1);
            assertThat(m.copy(SRC, m.pages(1) + 1, DST)).as("rounded end touches a hole").isEqualTo(1);
            m.protect(SRC, 1, VmProt.NONE);
            assertThat(m.copy(SRC + 1, 1, DST)).as("unreadable").isEqualTo(2);
            m.protect(SRC, 1, VmProt.READ);
            assertThat(m.copy(SRC + 1, 1, DST)).as("readable, so alignment decides").isEqualTo(4);
            assertThat(m.copy(SRC, m.pages(1), DST + 1)).as("unaligned destination").isEqualTo(4);
        }

        @Test
        void sourceWhoseRoundedEndWrapsIsInvalidAddress() {
            TaskMemory m = gnumach().allocate(DST, 1);
            assertThat(m.copy(0xFFFF_F000L, 0xFFF, DST)).isEqualTo(1);
            assertThat(m.copy(0xFFFF_F000L, 0x2000, DST)).isEqualTo(1);
        }

        @Test
        void destinationOutsideTheUserRangeIsAHoleMetInAddressOrder() {
            TaskMemory m = gnumach();
            long top = Geometry.I386.maxAddress() - m.page;
            m.allocate(SRC, 2).allocate(top, 1).protect(top, 1, VmProt.READ);
            assertThat(m.copy(SRC, m.pages(2), top)).as("read-only page before the end of the map").isEqualTo(2);
            m.protect(top, 1, VmProt.DEFAULT);
            assertThat(m.copy(SRC, m.pages(2), top)).as("then the hole").isEqualTo(1);
        }

        @Test
        void successfulCopyIsTheSameAsUnderMach3() {
            TaskMemory m = gnumach().allocate(SRC, 3).fill(SRC, 1, 2, 3);
            assertThat(m.copy(SRC + m.page, m.pages(2), SRC)).isZero();
            assertThat(m.tags(SRC, 3)).containsExactly(2, 3, 3);
        }
    }

    @Nested
    class HelperCalls {
        @Test
        void fixedAllocateTruncatesTheAddressRoundsTheSizeAndZeroFills() {
            TaskMemory m = mach3();
            MachVm.AllocateResult result = m.vm.vmAllocate(m.task, SRC + 5, 0x1001, false);
            assertThat(List.of(result.kr(), result.address())).containsExactly(0, SRC);
            assertThat(m.tags(SRC, 2)).containsExactly(0, 0);
            assertThat(List.of(m.protectionAt(SRC), m.maxProtectionAt(SRC))).containsExactly(VmProt.DEFAULT, VmProt.ALL);
        }

        @Test
        void fixedAllocateOverAllocatedOrOutsideIsRefused() {
            TaskMemory m = mach3().allocate(SRC + 0x1000, 1);
            assertThat(m.vm.vmAllocate(m.task, SRC, 0x2000, false).kr()).isEqualTo(3);
            assertThat(m.vm.vmAllocate(m.task, Geometry.I386.maxAddress() - 0x1000, 0x2000, false).kr()).isEqualTo(1);
            assertThat(m.vm.vmAllocate(m.task, 0xFFFF_F000L, 0x2000, false).kr()).isEqualTo(1);
            assertThat(m.vm.vmAllocate(m.task, SRC, 0, false).kr()).isZero();
        }

        @Test
        void anywhereAllocateTakesTheLowestGapFromTheMinimum() {
            TaskMemory m = mach3().allocate(0, 1).allocate(0x3000, 1);
            assertThat(m.vm.vmAllocate(m.task, 0, 0x2000, true).address()).isEqualTo(0x1000);
            assertThat(m.vm.vmAllocate(m.task, 0, 0x1000, true).address()).isEqualTo(0x4000);
            assertThat(m.vm.vmAllocate(m.task, 0, 0xC000_0000L, true).kr()).isEqualTo(3);
        }

        @Test
        void deallocateRemovesTheRoundedRangeAndSkipsHoles() {
            TaskMemory m = mach3().allocate(SRC, 3);
            assertThat(m.vm.vmDeallocate(m.task, SRC + 0x1001, 0x800)).isZero();
            assertThat(m.tags(SRC, 3)).containsExactly(0, -101, 0);
            assertThat(m.vm.vmDeallocate(m.task, UNMAPPED, 0x5000)).isZero();
        }

        @Test
        void protectRefusesBadBitsAndRaisingAboveMaxAndThenChangesNothing() {
            TaskMemory m = mach3().allocate(SRC, 2);
            assertThat(m.vm.vmProtect(m.task, SRC, 0x1000, true, VmProt.READ)).isZero();
            assertThat(m.vm.vmProtect(m.task, SRC, 0x2000, false, 8)).isEqualTo(4);
            assertThat(m.vm.vmProtect(m.task, SRC, 0x2000, false, VmProt.DEFAULT)).isEqualTo(2);
            assertThat(List.of(m.protectionAt(SRC), m.protectionAt(SRC + 0x1000))).containsExactly(VmProt.READ, VmProt.DEFAULT);
            assertThat(m.vm.vmProtect(m.task, SRC - 0x3000, 0x6000, false, VmProt.READ)).as("holes skipped").isZero();
        }

        @Test
        void setMaximumLowersMaxAndMasksCurrent() {
            TaskMemory m = mach3().allocate(SRC, 1);
            assertThat(m.vm.vmProtect(m.task, SRC, 0x1000, true, VmProt.WRITE | VmProt.EXECUTE)).isZero();
            assertThat(List.of(m.protectionAt(SRC), m.maxProtectionAt(SRC))).containsExactly(VmProt.WRITE, VmProt.WRITE | VmProt.EXECUTE);
        }

        @Test
        void readReturnsExactlyTheBytesOrTheFirstProblem() {
            TaskMemory m = mach3().allocate(SRC, 1).fill(SRC, 0x5A).allocate(DST, 1).protect(DST, 1, VmProt.NONE);
            MachVm.ReadResult read = m.vm.vmRead(m.task, SRC + 10, 3);
            assertThat(read.kr()).isZero();
            assertThat(read.data()).containsExactly(0x5A, 0x5A, 0x5A);
            assertThat(m.vm.vmRead(m.task, SRC, 0).kr()).isZero();
            assertThat(m.vm.vmRead(m.task, SRC, 0x2000).kr()).isEqualTo(1);
            assertThat(m.vm.vmRead(m.task, DST, 1).kr()).isEqualTo(2);
            assertThat(m.vm.vmRead(m.task, 0xFFFF_F000L, 0x2000).kr()).isEqualTo(1);
        }

        @Test
        void writeNeedsAlignmentAnAllocatedRangeAndWriteProtection() {
            TaskMemory m = mach3().allocate(SRC, 1).allocate(DST, 1).protect(DST, 1, VmProt.READ);
            assertThat(m.vm.vmWrite(m.task, SRC + 1, new byte[0x1000])).isEqualTo(4);
            assertThat(m.vm.vmWrite(m.task, SRC, new byte[10])).isEqualTo(4);
            assertThat(m.vm.vmWrite(m.task, SRC, new byte[0x2000])).isEqualTo(1);
            assertThat(m.vm.vmWrite(m.task, DST, new byte[0x1000])).isEqualTo(2);
        }

        @Test
        void regionDescribesTheEntryAtOrAboveTheAddressElseNoSpace() {
            TaskMemory m = mach3().allocate(DST, 2);
            MachVm.RegionResult region = m.vm.vmRegion(m.task, SRC);
            assertThat(List.of(region.kr(), region.address(), region.size())).containsExactly(0, DST, 0x2000L);
            assertThat(m.vm.vmRegion(m.task, DST + 0x2000).kr()).isEqualTo(3);
        }

        @Test
        void everyCallAnswersInvalidArgumentForADeadTask() {
            TaskMemory m = mach3();
            assertThat(m.vm.taskTerminate(m.task)).isZero();
            assertThat(List.of(
                    m.vm.taskTerminate(m.task),
                    m.vm.vmAllocate(m.task, 0, 0x1000, true).kr(),
                    m.vm.vmDeallocate(m.task, 0, 0x1000),
                    m.vm.vmProtect(m.task, 0, 0x1000, false, 1),
                    m.vm.vmRead(m.task, 0, 1).kr(),
                    m.vm.vmWrite(m.task, 0, new byte[0x1000]),
                    m.vm.vmRegion(m.task, 0).kr())).containsOnly(4);
        }
    }
}
