package vmck.spec;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import vmck.spec.Profile.Bounds;
import vmck.spec.Profile.Check;

/** The profiles vmck knows: each real kernel's (or document's) answers, as data. */
public final class Profiles {

    private static final Set<Integer> INVALID_TASK_EITHER = Set.of(
            KernReturn.KERN_INVALID_ARGUMENT.code(), KernReturn.MACH_SEND_INVALID_DEST.code());

    /**
     * The seed man page and nothing else; the default profile. Where the text decides, it decides;
     * where it does not, every outcome a reasonable reading permits is allowed (SPEC.md Section 4):
     * alignment and the range problems in either order (line 92 against BUGS lines 105-108), any
     * problem of a range (lines 98-104 give no precedence), KERN_INVALID_ADDRESS for count 0 at an
     * unallocated or illegal address (lines 102-104), and a failed copy may leave the destination
     * written up to its first failing page (silent; line 92). The source still comes before the
     * destination (line 92) and alignment before count 0 (lines 105-108). Its check order is one
     * allowed order: the one a deterministic implementation such as the worked example follows.
     */
    public static final Profile MACH3 = Profile.builder("mach3")
            .summary("the CMU Mach vm_copy(2) man page, exactly: what the text leaves open is allowed every reasonable way")
            .checkOrder(Check.TASK, Check.ALIGNMENT, Check.COUNT_ZERO, Check.SOURCE, Check.DESTINATION)
            .invalidTaskResults(INVALID_TASK_EITHER)
            .sourceBounds(Bounds.CHECKED_FIRST)
            .destinationBounds(Bounds.CHECKED_FIRST)
            .alignmentOrderOpen(true)
            .rangeProblemsOrderOpen(true)
            .zeroCountMayCheckAddresses(true)
            .failedWriteMayLeavePrefix(true)
            .nativeGeometry(Geometry.I386)
            // The man page is silent (AMB-14); this is only what a served model answers: checkers allow the set.
            .deadTaskResult(KernReturn.KERN_INVALID_ARGUMENT)
            .provenance("vm_copy.man lines 87-108 (DESCRIPTION, DIAGNOSTICS, BUGS); nothing else")
            .build();

    /** GNU Mach 1.8 as its source shows: count 0 first, alignment only after the source walk. */
    public static final Profile GNUMACH = Profile.builder("gnumach")
            .summary("GNU Mach 1.8: count 0 first, source walk over the rounded range, then alignment, then destination")
            .checkOrder(Check.TASK, Check.COUNT_ZERO, Check.SOURCE, Check.ALIGNMENT, Check.DESTINATION)
            .invalidTaskResults(INVALID_TASK_EITHER)
            .sourceBounds(Bounds.WRAP_FIRST)
            .destinationBounds(Bounds.IN_WALK)
            .nativeGeometry(Geometry.I386)
            .deadTaskResult(KernReturn.MACH_SEND_INVALID_DEST) // observed on GNU Mach 1.8 for a terminated name (AMB-14)
            .provenance("gnumach vm/vm_user.c vm_copy; vm/vm_map.c vm_map_copyin, vm_map_copy_overwrite")
            .build();

    private static final List<Check> XNU_ORDER =
            List.of(Check.TASK, Check.COUNT_ZERO, Check.SOURCE, Check.DESTINATION);
    /** XNU splits copies of 3 or more pages with equal misalignment into head, body and tail (osfmk/vm/vm_map.c). */
    private static final int XNU_SPLIT_COPY_MIN_PAGES = 3;
    private static final String XNU_PROVENANCE =
            "xnu osfmk/vm/vm_user.c mach_vm_copy; osfmk/vm/vm_map.c; osfmk/vm/vm_sanitize.c";

    /**
     * XNU on x86_64 (4 KiB pages): count 0 first, no alignment check (byte-exact copies), both
     * ranges' bounds before their walks, max protection consulted for the source, copies of up to
     * 16 KiB through a kernel buffer (AMB-18).
     *
     * <p>The buffered-copy threshold is a per-platform constant of XNU, not a function of the page
     * size (16 KiB = 4 pages of 4 KiB on x86_64, 32 KiB = 2 pages of 16 KiB on arm64), so it is
     * kept in bytes and each platform is its own profile: {@code xnu} and {@link #XNU_ARM64}. Both
     * may be run on any geometry.
     */
    public static final Profile XNU = xnu("xnu")
            .summary("XNU (x86_64): count 0 first, unaligned arguments copied byte-exactly, bounds first, copies up to 16 KiB buffered")
            .bufferedCopyLimit(16384)
            .nativeGeometry(Geometry.X86_64)
            .build();

    /** XNU for 64-bit arm64 processes (16 KiB pages): as {@link #XNU}, with copies up to 32 KiB buffered. */
    public static final Profile XNU_ARM64 = xnu("xnu-arm64")
            .summary("XNU (arm64): as xnu, with copies up to 32 KiB buffered")
            .bufferedCopyLimit(32768)
            .nativeGeometry(Geometry.ARM64)
            .build();

    /** The traits both XNU platforms share. */
    private static Profile.Builder xnu(String name) {
        return Profile.builder(name)
                .checkOrder(XNU_ORDER)
                .invalidTaskResults(INVALID_TASK_EITHER)
                .sourceBounds(Bounds.CHECKED_FIRST)
                .destinationBounds(Bounds.CHECKED_FIRST)
                .sourceNeedsMaxRead(true)
                .splitCopyMinPages(XNU_SPLIT_COPY_MIN_PAGES)
                .deadTaskResult(KernReturn.MACH_SEND_INVALID_DEST) // XNU's own test for a dead port (AMB-14)
                .provenance(XNU_PROVENANCE);
    }

    private static final List<Profile> ALL = List.of(MACH3, GNUMACH, XNU, XNU_ARM64);

    private Profiles() {
    }

    /** Every profile, the default first. */
    public static List<Profile> all() {
        return ALL;
    }

    /** The default profile: {@link #MACH3}. */
    public static Profile defaultProfile() {
        return MACH3;
    }

    public static Optional<Profile> byName(String name) {
        return ALL.stream().filter(profile -> profile.name().equals(name)).findFirst();
    }
}
