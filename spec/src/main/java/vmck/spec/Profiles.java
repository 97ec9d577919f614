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
            "vm_copy.man lines 86-108 (DESCRIPTION, DIAGNOSTICS, BUGS)");

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
            "gnumach vm/vm_user.c vm_copy; vm/vm_map.c vm_map_copyin, vm_map_copy_overwrite");

    private static final List<Profile> ALL = List.of(MACH3, GNUMACH);

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
