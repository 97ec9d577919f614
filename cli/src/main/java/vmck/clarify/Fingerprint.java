package vmck.clarify;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import vmck.scenario.Scenario;
import vmck.conformance.TraceChecker;
import vmck.scenario.AdapterFailure;
import vmck.scenario.Call;
import vmck.scenario.Executor;
import vmck.scenario.Reply;
import vmck.spec.Ambiguity;
import vmck.spec.Geometry;
import vmck.spec.KernReturn;
import vmck.spec.Profile;

/**
 * Runs the scenarios that tell the known profiles apart against an implementation and says, per
 * ambiguity-register row, whose answer it gave.
 *
 * <p>The probes are the minimal distinguishing scenarios of {@link ProfileDiff} for every pair of
 * {@code profiles}, computed on the implementation's geometry with a fixed seed (so the same
 * implementation always gets the same probes); each probe belongs to its group's primary register
 * row. A profile <em>agrees on a row</em> when the implementation's replies to every probe of the
 * row are allowed by that profile ({@link TraceChecker}). The best match is the profile agreeing on
 * most rows; among those, the tightest (the fewest traits that leave an outcome open, {@link
 * #looseness}), so that a loose profile such as the man page's, which allows what several kernels
 * do, never hides the kernel profile that also matches; remaining ties go to the earlier profile.
 */
public final class Fingerprint {

    private Fingerprint() {
    }

    /**
     * One probe: a minimal scenario that tells two profiles apart, its register row, and the
     * pairs of profiles it was found for ({@code mach3/gnumach, ...}).
     */
    public record Probe(Ambiguity row, String pair, ProfileDiff.Group group) {
    }

    /** What the implementation did on one probe. */
    public record ProbeResult(Probe probe, List<String> matching, String observed) {
        public ProbeResult {
            matching = List.copyOf(matching);
        }
    }

    /** One register row: the profiles whose answer the implementation gave on all its probes. */
    public record RowVerdict(Ambiguity row, List<String> matching, List<String> observed, List<ProbeResult> probes) {
        public RowVerdict {
            matching = List.copyOf(matching);
            observed = List.copyOf(observed);
            probes = List.copyOf(probes);
        }

        /** True when no profile's answer was given. */
        public boolean neither() {
            return matching.isEmpty();
        }
    }

    /** The fingerprint of one implementation. */
    public record FingerprintResult(String implementation, List<Profile> profiles, List<RowVerdict> rows) {

        public FingerprintResult {
            profiles = List.copyOf(profiles);
            rows = List.copyOf(rows);
        }

        /** How many rows each profile agrees on, in the order of {@link #profiles()}. */
        public Map<String, Integer> scores() {
            Map<String, Integer> scores = new LinkedHashMap<>();
            profiles.forEach(profile -> scores.put(profile.name(), 0));
            for (RowVerdict row : rows) {
                row.matching().forEach(name -> scores.merge(name, 1, Integer::sum));
            }
            return scores;
        }

        /** The profiles agreeing on most rows, in the order of {@link #profiles()}. */
        public List<Profile> topScorers() {
            Map<String, Integer> scores = scores();
            int top = scores.values().stream().mapToInt(Integer::intValue).max().orElse(0);
            return profiles.stream().filter(profile -> scores.get(profile.name()) == top).toList();
        }

        /** The tightest of the profiles agreeing on most rows (the earlier one on a tie). */
        public Profile bestMatch() {
            Profile best = null;
            for (Profile profile : topScorers()) {
                if (best == null || looseness(profile) < looseness(best)) {
                    best = profile;
                }
            }
            return best;
        }

        /** True when the best match leaves outcomes open and no tighter profile agrees on as many rows. */
        public boolean onlyLooseMatches() {
            Profile best = bestMatch();
            return looseness(best) > 0 && topScorers().size() == 1;
        }

        /** One line per register row, then the scores, ending with {@code best match: NAME}. */
        public String render() {
            StringBuilder out = new StringBuilder();
            out.append("fingerprint of ").append(implementation).append(": ")
                    .append(rows.stream().mapToInt(row -> row.probes().size()).sum()).append(" probes, ")
                    .append(rows.size()).append(" register rows\n");
            for (RowVerdict row : rows) {
                out.append(String.format("%s %-45s ", row.row().id(), row.row().title()));
                if (row.neither()) {
                    out.append("neither (observed: ").append(String.join("; ", row.observed())).append(")");
                } else {
                    out.append(String.join(", ", row.matching()));
                }
                out.append('\n');
            }
            out.append("rows agreed: ");
            out.append(scores().entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                    .reduce((x, y) -> x + ", " + y).orElse(""));
            out.append('\n');
            List<Profile> top = topScorers();
            if (top.size() > 1) {
                out.append("agreeing on as many rows: ").append(top.stream().map(Profile::name)
                        .reduce((x, y) -> x + ", " + y).orElse("")).append("; the tightest is preferred\n");
            }
            if (onlyLooseMatches() && scores().get(bestMatch().name()) > 0) {
                out.append("only the loose profile ").append(bestMatch().name())
                        .append(" matches: it allows every outcome its document leaves open; no tighter profile agrees on as many rows\n");
            }
            boolean none = scores().values().stream().allMatch(score -> score == 0);
            out.append("best match: ").append(none ? "none" : bestMatch().name()).append('\n');
            return out.toString();
        }
    }

    /**
     * How loose a profile is: the number of its traits that leave an outcome open where another
     * profile could decide it (orders, count 0 at bad addresses, partial writes on failure). Kernel
     * profiles that decide every order score by their partial-write traits only.
     */
    public static int looseness(Profile profile) {
        int open = 0;
        open += profile.alignmentOrderOpen() ? 1 : 0;
        open += profile.rangeProblemsOrderOpen() ? 1 : 0;
        open += profile.zeroCountMayCheckAddresses() ? 1 : 0;
        open += profile.failedWriteMayLeavePrefix() ? 1 : 0;
        open += profile.bufferedCopyLimit() > 0 ? 1 : 0;
        open += profile.splitCopyMinPages() > 0 ? 1 : 0;
        return open;
    }

    /** The probes for {@code profiles} on {@code geometry}: one per diff group of every pair, by row. */
    public static List<Probe> probes(List<Profile> profiles, Geometry geometry) {
        return probes(profiles, geometry, ProfileDiff.DEFAULT_SEED, ProfileDiff.DEFAULT_SCENARIOS);
    }

    static List<Probe> probes(List<Profile> profiles, Geometry geometry, long seed, int scenarios) {
        // one probe per (row, scenario): pairs that share a minimal scenario share the probe
        Map<List<Object>, Probe> unique = new LinkedHashMap<>();
        for (int i = 0; i < profiles.size(); i++) {
            for (int j = i + 1; j < profiles.size(); j++) {
                Profile a = profiles.get(i);
                Profile b = profiles.get(j);
                ProfileDiff.DiffResult diff = ProfileDiff.diff(a, b, geometry, seed, scenarios);
                for (ProfileDiff.Group group : diff.groups()) {
                    group.primaryRow().ifPresent(row -> unique.merge(List.of(row, group.scenario().calls()),
                            new Probe(row, a.name() + "/" + b.name(), group),
                            (first, later) -> new Probe(row, first.pair() + ", " + later.pair(), first.group())));
                }
            }
        }
        List<Probe> probes = new ArrayList<>(unique.values());
        probes.sort(java.util.Comparator.comparingInt((Probe p) -> p.row().ordinal()));
        return probes;
    }

    /** Fingerprints against every known profile ({@code vmck fingerprint --adapter ADAPTER}). */
    public static FingerprintResult run(Executor executor) throws AdapterFailure {
        return run(executor, vmck.spec.Profiles.all());
    }

    /**
     * Fingerprints the implementation behind {@code executor} against {@code profiles} (at least one).
     *
     * @throws AdapterFailure when the implementation cannot be run
     */
    public static FingerprintResult run(Executor executor, List<Profile> profiles) throws AdapterFailure {
        return run(executor, profiles, probes(profiles, executor.geometry()));
    }

    /** Fingerprints with the given probes. */
    public static FingerprintResult run(Executor executor, List<Profile> profiles, List<Probe> probes) throws AdapterFailure {
        if (profiles.isEmpty()) {
            throw new IllegalArgumentException("at least one profile");
        }
        Geometry geometry = executor.geometry();
        Map<Ambiguity, List<ProbeResult>> byRow = new EnumMap<>(Ambiguity.class);
        for (Probe probe : probes) {
            Scenario scenario = probe.group().scenario();
            List<Reply> replies = executor.run(scenario.calls());
            List<String> matching = new ArrayList<>();
            for (Profile profile : profiles) {
                if (TraceChecker.check(profile, geometry, scenario.calls(), replies).passed()
                        && replies.size() == scenario.calls().size()) {
                    matching.add(profile.name());
                }
            }
            byRow.computeIfAbsent(probe.row(), row -> new ArrayList<>())
                    .add(new ProbeResult(probe, matching, observed(scenario, probe.group().callIndex(), replies)));
        }
        List<RowVerdict> rows = new ArrayList<>();
        for (Map.Entry<Ambiguity, List<ProbeResult>> entry : byRow.entrySet()) {
            List<String> matching = new ArrayList<>();
            for (Profile profile : profiles) {
                if (entry.getValue().stream().allMatch(result -> result.matching().contains(profile.name()))) {
                    matching.add(profile.name());
                }
            }
            List<String> observed = entry.getValue().stream().map(ProbeResult::observed).distinct().toList();
            rows.add(new RowVerdict(entry.getKey(), matching, observed, entry.getValue()));
        }
        return new FingerprintResult(executor.name(), profiles, rows);
    }

    /** The implementation's answer to the distinguishing call, e.g. {@code vm_copy(...) = KERN_INVALID_ADDRESS (1)}. */
    private static String observed(Scenario scenario, int callIndex, List<Reply> replies) {
        Call call = scenario.calls().get(callIndex);
        String answer = callIndex < replies.size() ? KernReturn.describe(replies.get(callIndex).kr()) : "no reply";
        return call.describe() + " = " + answer;
    }
}
