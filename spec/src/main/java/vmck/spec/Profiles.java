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

    /** The seed man page read literally; the default profile. */
    public static final Profile MACH3 = new Profile(
            "mach3",
            "the CMU Mach vm_copy(2) man page read literally: alignment first, then count 0, source, destination",
            List.of(Check.TASK, Check.ALIGNMENT, Check.COUNT_ZERO, Check.SOURCE, Check.DESTINATION),
            INVALID_TASK_EITHER,
            Bounds.CHECKED_FIRST,
            Bounds.CHECKED_FIRST,
            false,
            0,
            "vm_copy.man lines 86-108 (DESCRIPTION, DIAGNOSTICS, BUGS)",
            0,
            Geometry.I386,
            KernReturn.KERN_INVALID_ARGUMENT.code()); // the man page is silent (AMB-14): vmck serve's long-standing answer

    /** GNU Mach 1.8 as its source shows: count 0 first, alignment only after the source walk. */
    public static final Profile GNUMACH = new Profile(
            "gnumach",
            "GNU Mach 1.8: count 0 first, source walk over the rounded range, then alignment, then destination",
            List.of(Check.TASK, Check.COUNT_ZERO, Check.SOURCE, Check.ALIGNMENT, Check.DESTINATION),
            INVALID_TASK_EITHER,
            Bounds.WRAP_FIRST,
            Bounds.IN_WALK,
            false,
            0,
            "gnumach vm/vm_user.c vm_copy; vm/vm_map.c vm_map_copyin, vm_map_copy_overwrite",
            0,
            Geometry.I386,
            KernReturn.MACH_SEND_INVALID_DEST.code()); // observed on GNU Mach 1.8 for a terminated name (AMB-14)

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
    public static final Profile XNU = new Profile(
            "xnu",
            "XNU (x86_64): count 0 first, unaligned arguments copied byte-exactly, bounds first, copies up to 16 KiB buffered",
            XNU_ORDER,
            INVALID_TASK_EITHER,
            Bounds.CHECKED_FIRST,
            Bounds.CHECKED_FIRST,
            true,
            16384,
            XNU_PROVENANCE,
            XNU_SPLIT_COPY_MIN_PAGES,
            Geometry.X86_64,
            KernReturn.MACH_SEND_INVALID_DEST.code()); // XNU's own test for a dead port (AMB-14)

    /** XNU for 64-bit arm64 processes (16 KiB pages): as {@link #XNU}, with copies up to 32 KiB buffered. */
    public static final Profile XNU_ARM64 = new Profile(
            "xnu-arm64",
            "XNU (arm64): as xnu, with copies up to 32 KiB buffered",
            XNU_ORDER,
            INVALID_TASK_EITHER,
            Bounds.CHECKED_FIRST,
            Bounds.CHECKED_FIRST,
            true,
            32768,
            XNU_PROVENANCE,
            XNU_SPLIT_COPY_MIN_PAGES,
            Geometry.ARM64,
            KernReturn.MACH_SEND_INVALID_DEST.code());

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
