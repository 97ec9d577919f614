package vmck.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import vmck.spec.Clause;
import vmck.spec.Geometry;
import vmck.spec.Profile;
import vmck.spec.Profiles;
import vmck.spec.VmProt;

/**
 * The outcome sets of the xnu profiles (VMC-ATOMIC-1, VMC-SRC-2, VMC-DST-2): buffered small copies
 * and head/body/tail split copies may leave a prefix of the destination written, and the model
 * must allow exactly those prefixes — no more, no fewer.
 */
class XnuOutcomesTest {

    private static final long PAGE = 4096;
    private static final long BASE = 0x10000;
    private static final int INVALID_ADDRESS = 1;
    private static final int PROTECTION_FAILURE = 2;

    /** 32 pages at BASE, read-write, with the page at {@code readOnlyPage} made read-only. */
    private static AddressSpace layout(ReferenceModel model, int readOnlyPage) {
        AddressSpace space = new AddressSpace(Geometry.X86_64);
        assertThat(model.allocate(space, BASE, 32 * PAGE, false).kr()).isZero();
        assertThat(model.protect(space, BASE + readOnlyPage * PAGE, PAGE, false, VmProt.READ).kr()).isZero();
        return space;
    }

    private static CopyDecision decide(Profile profile, int readOnlyPage, long source, long count, long dest) {
        ReferenceModel model = new ReferenceModel(profile, Geometry.X86_64);
        return model.decideCopy(layout(model, readOnlyPage), source, count, dest);
    }

    @Test
    void VMC_ATOMIC_1_bufferedCopyMayLeaveTheBytesBeforeTheFaultingPageWritten() {
        // 2 pages into [page 4, page 6) with page 5 read-only: buffered (8 KiB <= 16 KiB).
        CopyDecision decision = decide(Profiles.XNU, 5, BASE, 2 * PAGE, BASE + 4 * PAGE);
        assertThat(decision.outcomes()).containsExactly(
                new CopyDecision.Outcome(INVALID_ADDRESS, Clause.VMC_DST_2, 0),
                new CopyDecision.Outcome(INVALID_ADDRESS, Clause.VMC_ATOMIC_1, PAGE));
    }

    @Test
    void VMC_ATOMIC_1_bufferedCopyFaultingOnItsFirstPageWritesNothing() {
        CopyDecision decision = decide(Profiles.XNU, 4, BASE, 2 * PAGE, BASE + 4 * PAGE);
        assertThat(decision.outcomes()).containsExactly(new CopyDecision.Outcome(INVALID_ADDRESS, Clause.VMC_DST_2, 0));
    }

    @Test
    void VMC_ATOMIC_1_bufferedPartialPrefixIsByteExactForAnUnalignedDestination() {
        CopyDecision decision = decide(Profiles.XNU, 5, BASE + 0x100, 2 * PAGE, BASE + 4 * PAGE + 0x800);
        assertThat(decision.outcomes()).extracting(CopyDecision.Outcome::bytesCopied).containsExactly(0L, PAGE - 0x800);
    }

    @Test
    void VMC_ATOMIC_1_splitCopyMayLeaveOnlyTheHeadWritten() {
        // 6 pages (24 KiB > 16 KiB: not buffered), equal misalignment 0x123: head, body, tail passes.
        long offset = 0x123;
        CopyDecision decision = decide(Profiles.XNU, 20, BASE + offset, 6 * PAGE, BASE + 16 * PAGE + offset);
        assertThat(decision.outcomes()).containsExactly(
                new CopyDecision.Outcome(PROTECTION_FAILURE, Clause.VMC_DST_2, 0),
                new CopyDecision.Outcome(PROTECTION_FAILURE, Clause.VMC_ATOMIC_1, PAGE - offset));
    }

    @Test
    void VMC_ATOMIC_1_splitCopyFaultingInItsHeadPageWritesNothing() {
        long offset = 0x123;
        CopyDecision decision = decide(Profiles.XNU, 16, BASE + offset, 6 * PAGE, BASE + 16 * PAGE + offset);
        assertThat(decision.outcomes()).containsExactly(new CopyDecision.Outcome(PROTECTION_FAILURE, Clause.VMC_DST_2, 0));
    }

    @Test
    void VMC_ATOMIC_1_noSplitWhenTheMisalignmentsDifferOrAreZeroOrTheCopyIsShort() {
        long offset = 0x123;
        // different offsets in source and destination
        assertThat(decide(Profiles.XNU, 20, BASE + offset, 6 * PAGE, BASE + 16 * PAGE + offset + 1).outcomes()).hasSize(1);
        // page-aligned: one pass
        assertThat(decide(Profiles.XNU, 20, BASE, 6 * PAGE, BASE + 16 * PAGE).outcomes()).hasSize(1);
        // exactly splitCopyMinPages pages is split, one byte less is not (a profile without buffering shows it)
        Profile unbuffered = Profiles.XNU.toBuilder().name("xnu-unbuffered").bufferedCopyLimit(0).build();
        long minimum = unbuffered.splitCopyMinPages() * PAGE;
        assertThat(decide(unbuffered, 18, BASE + offset, minimum, BASE + 16 * PAGE + offset).outcomes()).hasSize(2);
        assertThat(decide(unbuffered, 18, BASE + offset, minimum - 1, BASE + 16 * PAGE + offset).outcomes()).hasSize(1);
        // splitCopyMinPages 0 means never split, however long the copy
        Profile neverSplit = Profiles.XNU.toBuilder().name("xnu-unsplit").bufferedCopyLimit(0).splitCopyMinPages(0).build();
        assertThat(decide(neverSplit, 20, BASE + offset, 6 * PAGE, BASE + 16 * PAGE + offset).outcomes()).hasSize(1);
    }

    @Test
    void VMC_ATOMIC_1_profilesWithoutTheTraitsAllowNoPartialWrite() {
        long offset = 0x123;
        for (Profile profile : new Profile[] {Profiles.GNUMACH}) {
            ReferenceModel model = new ReferenceModel(profile, Geometry.X86_64);
            assertThat(model.decideCopy(layout(model, 5), BASE, 2 * PAGE, BASE + 4 * PAGE).outcomes()).hasSize(1);
            assertThat(model.decideCopy(layout(model, 20), BASE + offset, 6 * PAGE, BASE + 16 * PAGE + offset).outcomes())
                    .hasSize(1);
        }
    }

    @Test
    void VMC_SRC_2_bufferedLimitIsInclusiveAndPerPlatform() {
        // Unreadable source page: 16 KiB is buffered on x86_64 (invalid address), 16 KiB + 1 page is not.
        ReferenceModel model = new ReferenceModel(Profiles.XNU, Geometry.X86_64);
        AddressSpace space = layout(model, 0);
        model.protect(space, BASE, PAGE, false, VmProt.NONE);
        assertThat(model.decideCopy(space, BASE, 4 * PAGE, BASE + 8 * PAGE).allowedCodes()).containsExactly(INVALID_ADDRESS);
        assertThat(model.decideCopy(space, BASE, 5 * PAGE, BASE + 8 * PAGE).allowedCodes()).containsExactly(PROTECTION_FAILURE);
        ReferenceModel arm = new ReferenceModel(Profiles.XNU_ARM64, Geometry.X86_64);
        assertThat(arm.decideCopy(space, BASE, 8 * PAGE, BASE + 16 * PAGE).allowedCodes()).containsExactly(INVALID_ADDRESS);
        assertThat(arm.decideCopy(space, BASE, 9 * PAGE, BASE + 16 * PAGE).allowedCodes()).containsExactly(PROTECTION_FAILURE);
    }
}
