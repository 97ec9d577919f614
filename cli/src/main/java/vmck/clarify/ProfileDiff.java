package vmck.clarify;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import vmck.conformance.AllowedStates;
import vmck.conformance.Focus;
import vmck.scenario.Scenario;
import vmck.conformance.ScenarioGenerator;
import vmck.engine.Failure;
import vmck.engine.Generator;
import vmck.engine.Outcome;
import vmck.engine.Property;
import vmck.engine.PropertyRunner;
import vmck.engine.RunConfig;
import vmck.engine.RunResult;
import vmck.engine.StopReason;
import vmck.model.AddressSpace;
import vmck.model.CopyDecision;
import vmck.model.ReferenceModel;
import vmck.scenario.Call;
import vmck.spec.Ambiguity;
import vmck.spec.Clause;
import vmck.spec.Geometry;
import vmck.spec.KernReturn;
import vmck.spec.Profile;

/**
 * Finds the smallest scenarios on which two profiles' allowed outcomes of a vm_copy call do not
 * intersect, one per group, with the property engine.
 *
 * <p><b>Comparison.</b> Both profiles' models see the same calls from one fresh task. The helper
 * calls are common ground (every profile decides them alike), so one memory state serves both; a
 * vm_copy is decided under each profile and only the outcomes both allow (same code, same number
 * of bytes written) survive, each giving a next state (SibylFS-style: several states when a
 * profile allows partial writes). The first vm_copy where no state has a common outcome is the
 * <em>distinguishing call</em>.
 *
 * <p><b>Groups.</b> A difference's group key is its divergence clause ({@link Divergence}); the
 * engine's failure key is that clause's ID, so shrinking stays inside the group.
 *
 * <p><b>Search.</b> The runner looks for the lowest-index scenario of a group not yet found (found
 * groups count as passing), shrinks it, and starts again; it stops when a whole run of
 * {@code scenarios} scenarios finds no new group, or at the time budget. With no time budget the
 * result is a pure function of the profiles, geometry, seed and count.
 */
public final class ProfileDiff {

    /** The seed of the checked-in docs and of fingerprints. */
    public static final long DEFAULT_SEED = 6;
    /** Scenarios per search round of the checked-in docs and of fingerprints. */
    public static final int DEFAULT_SCENARIOS = 1000;

    private static final int MAX_STEPS = 2;
    private static final int SHRINK_ATTEMPTS = 1500;
    private static final int MAX_ROUNDS = 40;
    /** The foci the generator mixes; the first is the simplest. */
    private static final List<Focus> FOCI = List.of(Focus.BALANCED,
            Focus.on(Clause.VMC_ALIGN_1), Focus.on(Clause.VMC_ZERO_1), Focus.on(Clause.VMC_RANGE_1),
            Focus.on(Clause.VMC_SRC_2),
            // ranges at the edges of the address space over protected pages: bounds versus walk (AMB-05, AMB-06)
            new Focus(1, 1, 12, 0, 8, 1, 1, 0));

    private ProfileDiff() {
    }

    /** Where two profiles first part ways in one scenario. */
    public record Difference(int callIndex, Call.VmCopy call, CopyDecision a, CopyDecision b, Clause clause) {
    }

    /**
     * One group: its divergence clause, its register rows (the primary first; empty when
     * unregistered), and the shrunk scenario up to and including the distinguishing call.
     */
    public record Group(Clause clause, List<Ambiguity> rows, Scenario scenario, int callIndex,
                        CopyDecision a, CopyDecision b) {

        public Group {
            rows = List.copyOf(rows);
        }

        public boolean registered() {
            return !rows.isEmpty();
        }

        public Optional<Ambiguity> primaryRow() {
            return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
        }

        public Call.VmCopy call() {
            return (Call.VmCopy) scenario.calls().get(callIndex);
        }
    }

    /** The groups found between {@code a} and {@code b}, in clause order. */
    public record DiffResult(Profile a, Profile b, Geometry geometry, long seed, int scenarios, List<Group> groups,
                             long examplesRun, StopReason stopReason) {

        public DiffResult {
            groups = List.copyOf(groups);
        }

        /** The groups whose divergence no register row names. */
        public List<Group> unregistered() {
            return groups.stream().filter(group -> !group.registered()).toList();
        }

        /** Deterministic Markdown: one section per group with its minimal scenario and both outcomes. */
        public String render() {
            StringBuilder out = new StringBuilder();
            out.append("# vmck diff ").append(a.name()).append(' ').append(b.name()).append("\n\n");
            out.append(String.format("Geometry: page size %d, %d-bit addresses, user range [%s, %s). Seed %d, %d scenarios per round.%n",
                    geometry.pageSize(), geometry.addressBits(), Geometry.hex(geometry.minAddress()),
                    Geometry.hex(geometry.maxAddress()), seed, scenarios));
            out.append("Traits that differ: ").append(Divergence.differingTraits(a, b).stream()
                    .map(Enum::name).reduce((x, y) -> x + ", " + y).orElse("none")).append(".\n\n");
            out.append(groups.size()).append(groups.size() == 1 ? " group" : " groups")
                    .append(" of scenarios on which the two profiles allow no common outcome, grouped by the clause where they first decide differently.\n");
            if (!unregistered().isEmpty()) {
                out.append("\n**").append(unregistered().size()).append(" not in the ambiguity register.**\n");
            }
            out.append("\n| Clause | Register | Call | ").append(a.name()).append(" | ").append(b.name()).append(" |\n");
            out.append("|---|---|---|---|---|\n");
            for (Group group : groups) {
                out.append("| ").append(group.clause().id()).append(" | ").append(rowIds(group)).append(" | `")
                        .append(group.call().describe()).append("` | ").append(codes(group.a())).append(" | ")
                        .append(codes(group.b())).append(" |\n");
            }
            for (Group group : groups) {
                out.append("\n## ").append(group.clause().id()).append(" · ").append(group.clause().title()).append("\n\n");
                out.append("- Register: ").append(group.rows().isEmpty() ? "**none (unregistered)**"
                        : group.rows().stream().map(row -> row.id() + " (" + row.title() + ")")
                                .reduce((x, y) -> x + ", " + y).orElseThrow()).append('\n');
                out.append("- Distinguishing call: #").append(group.callIndex()).append('\n');
                out.append("- ").append(a.name()).append(": ").append(outcomes(group.a(), group.call())).append('\n');
                out.append("- ").append(b.name()).append(": ").append(outcomes(group.b(), group.call())).append('\n');
                out.append("\n```\n").append(group.scenario().listing()).append("```\n");
            }
            return out.toString();
        }

        private static String rowIds(Group group) {
            return group.rows().isEmpty() ? "**none**"
                    : group.rows().stream().map(Ambiguity::id).reduce((x, y) -> x + ", " + y).orElseThrow();
        }
    }

    /** The diff with the default seed and scenario count ({@code vmck diff A B}, the checked-in docs). */
    public static DiffResult diff(Profile a, Profile b, Geometry geometry) {
        return diff(a, b, geometry, DEFAULT_SEED, DEFAULT_SCENARIOS, null);
    }

    /** {@link #diff(Profile, Profile, Geometry, long, int, Duration)} with no time budget: deterministic. */
    public static DiffResult diff(Profile a, Profile b, Geometry geometry, long seed, int scenarios) {
        return diff(a, b, geometry, seed, scenarios, null);
    }

    /**
     * Searches for the groups of scenarios telling {@code a} from {@code b}.
     *
     * @param scenarios  scenarios per search round; a round that finds no new group ends the search
     * @param timeBudget wall-clock budget for the whole search, or null for none (then deterministic)
     */
    public static DiffResult diff(Profile a, Profile b, Geometry geometry, long seed, int scenarios, Duration timeBudget) {
        long deadline = timeBudget == null ? Long.MAX_VALUE : System.nanoTime() + timeBudget.toNanos();
        Generator<Scenario> generator = generator(a, geometry);
        Set<String> found = new HashSet<>();
        TreeMap<Clause, Group> groups = new TreeMap<>(Comparator.comparingInt(Clause::ordinal));
        long examples = 0;
        StopReason stop = StopReason.MAX_SCENARIOS;
        for (int round = 0; round < MAX_ROUNDS; round++) {
            RunResult<Scenario> result = new PropertyRunner(roundConfig(seed, scenarios, deadline))
                    .run(generator, newGroupProperty(a, b, geometry, Set.copyOf(found)));
            examples += result.examplesRun();
            if (result.failure().isEmpty()) {
                stop = result.stopReason();
                break;
            }
            Failure<Scenario> failure = result.failure().get();
            found.add(failure.key());
            group(a, b, geometry, failure).ifPresent(group -> groups.put(group.clause(), group));
            if (System.nanoTime() - deadline >= 0) {
                stop = StopReason.TIME_BUDGET;
                break;
            }
        }
        return new DiffResult(a, b, geometry, seed, scenarios, List.copyOf(groups.values()), examples, stop);
    }

    /** Fails, keyed by its group, on a scenario telling the profiles apart in a group not yet {@code known}. */
    private static Property<Scenario> newGroupProperty(Profile a, Profile b, Geometry geometry, Set<String> known) {
        return (scenario, choices) -> {
            Difference difference = firstDifference(a, b, geometry, scenario.calls());
            if (difference == null || known.contains(difference.clause().id())) {
                return Outcome.pass();
            }
            return Outcome.fail(difference.clause().id(), difference.call().describe());
        };
    }

    /** One search round's engine configuration: what is left of the deadline, if there is one. */
    private static RunConfig roundConfig(long seed, int scenarios, long deadline) {
        RunConfig config = RunConfig.defaults().withSeed(seed).withMaxScenarios(scenarios)
                .withShrinkAttempts(SHRINK_ATTEMPTS);
        if (deadline != Long.MAX_VALUE) {
            long left = Math.max(0, deadline - System.nanoTime());
            config = config.withTimeBudget(Duration.ofNanos(left)).withShrinkTimeBudget(Duration.ofNanos(left));
        }
        return config;
    }

    /** The group a shrunk failure stands for: its scenario up to the distinguishing call, without needless calls. */
    private static Optional<Group> group(Profile a, Profile b, Geometry geometry, Failure<Scenario> failure) {
        Scenario shrunk = failure.shrunkValue();
        Difference difference = firstDifference(a, b, geometry, shrunk.calls());
        if (difference == null || !difference.clause().id().equals(failure.key())) {
            return Optional.empty();
        }
        Clause clause = difference.clause();
        Scenario minimal = new Scenario(shrunk.calls().subList(0, difference.callIndex() + 1)).withoutNeedlessCalls(shorter -> {
            Difference again = firstDifference(a, b, geometry, shorter.calls());
            return again != null && again.clause() == clause && again.callIndex() == shorter.calls().size() - 1;
        });
        Difference last = firstDifference(a, b, geometry, minimal.calls());
        return Optional.of(new Group(clause, Divergence.rows(clause, a, b), minimal, last.callIndex(), last.a(), last.b()));
    }

    /** The scenario generator the search uses: the conformance generator over a mix of foci, 1-2 copies. */
    static Generator<Scenario> generator(Profile profile, Geometry geometry) {
        List<ScenarioGenerator> generators = FOCI.stream()
                .map(focus -> new ScenarioGenerator(profile, geometry, focus, MAX_STEPS)).toList();
        return choices -> generators.get(choices.drawInt(0, generators.size() - 1)).generate(choices);
    }

    /**
     * Runs {@code calls} on both profiles' models from one fresh task and returns the first
     * vm_copy on which they allow no common outcome, or null when they agree throughout.
     */
    public static Difference firstDifference(Profile a, Profile b, Geometry geometry, List<Call> calls) {
        ReferenceModel modelA = new ReferenceModel(a, geometry);
        ReferenceModel modelB = new ReferenceModel(b, geometry);
        AllowedStates states = new AllowedStates(geometry);
        for (int index = 0; index < calls.size(); index++) {
            Call call = calls.get(index);
            if (call instanceof Call.VmCopy copy) {
                Difference difference = copyDifference(a, modelA, b, modelB, states, index, copy);
                if (difference != null) {
                    return difference;
                }
                if (states.overflowed()) {
                    return null; // dropped states may hold a common outcome later: claim no difference we cannot back
                }
            } else if (call.mutates() && call.task() == Call.LIVE_TASK) {
                states.helper(modelA, call); // the helper calls are common ground: one model serves both
            }
        }
        return null;
    }

    /**
     * Takes the allowed states through one vm_copy, keeping the outcomes both profiles allow (same
     * code, same bytes written); the difference when there are none, else null.
     */
    private static Difference copyDifference(Profile a, ReferenceModel modelA, Profile b, ReferenceModel modelB,
                                             AllowedStates states, int index, Call.VmCopy copy) {
        List<CopyDecision> firstDecisions = new ArrayList<>(2);
        boolean agreed = states.copy(modelA, copy, state -> {
            AddressSpace space = copy.task() == Call.LIVE_TASK ? state : null;
            CopyDecision da = modelA.decideCopy(space, copy.sourceAddress(), copy.count(), copy.destAddress());
            CopyDecision db = modelB.decideCopy(space, copy.sourceAddress(), copy.count(), copy.destAddress());
            if (firstDecisions.isEmpty()) {
                firstDecisions.add(da);
                firstDecisions.add(db);
            }
            Set<List<Long>> allowedByB = new LinkedHashSet<>();
            db.outcomes().forEach(o -> allowedByB.add(List.of((long) o.kr(), o.bytesCopied())));
            return da.outcomes().stream().filter(o -> allowedByB.contains(List.of((long) o.kr(), o.bytesCopied()))).toList();
        });
        if (agreed) {
            return null;
        }
        CopyDecision firstA = firstDecisions.get(0);
        CopyDecision firstB = firstDecisions.get(1);
        return new Difference(index, copy, firstA, firstB, Divergence.clause(a, firstA, b, firstB));
    }

    /** The allowed codes, e.g. {@code KERN_INVALID_ADDRESS (1)}. */
    static String codes(CopyDecision decision) {
        return decision.allowedCodes().stream().map(KernReturn::describe)
                .reduce((x, y) -> x + " or " + y).orElse("nothing");
    }

    /** Every allowed outcome with its clause and effect. */
    static String outcomes(CopyDecision decision, Call.VmCopy call) {
        StringBuilder out = new StringBuilder();
        for (CopyDecision.Outcome outcome : decision.outcomes()) {
            if (out.length() > 0) {
                out.append("; or ");
            }
            out.append('`').append(KernReturn.describe(outcome.kr())).append("` by ").append(outcome.clause().id())
                    .append(", ").append(effect(outcome, call));
        }
        return out.toString();
    }

    private static String effect(CopyDecision.Outcome outcome, Call.VmCopy call) {
        if (outcome.bytesCopied() == 0) {
            return "nothing written";
        }
        if (outcome.bytesCopied() == call.count()) {
            return "all " + Geometry.hex(call.count()) + " bytes copied";
        }
        return "the first " + Geometry.hex(outcome.bytesCopied()) + " bytes written";
    }
}
