package vmck.clarify;

import java.util.List;

import vmck.spec.Geometry;
import vmck.spec.Profile;
import vmck.spec.Profiles;

/**
 * The diff outputs checked into {@code docs/}: what {@code vmck diff A B} prints for each pair,
 * with the default seed and scenario count (no time budget, so byte-identical on every run).
 * {@code DiffDocsTest} regenerates and compares them.
 */
public final class DiffDocs {

    /** One checked-in diff: the pair, the geometry it is computed on, and its file under {@code docs/}. */
    public record Doc(Profile a, Profile b, Geometry geometry, String file) {

        /** The document's text. */
        public String render() {
            return ProfileDiff.diff(a, b, geometry, ProfileDiff.DEFAULT_SEED, ProfileDiff.DEFAULT_SCENARIOS).render();
        }
    }

    /** mach3 against gnumach on GNU Mach's i386; mach3 against xnu on x86_64. */
    public static final List<Doc> CHECKED_IN = List.of(
            new Doc(Profiles.MACH3, Profiles.GNUMACH, Geometry.I386, "diff-mach3-gnumach.md"),
            new Doc(Profiles.MACH3, Profiles.XNU, Geometry.X86_64, "diff-mach3-xnu.md"));

    private DiffDocs() {
    }
}
