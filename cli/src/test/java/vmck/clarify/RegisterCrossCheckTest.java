package vmck.clarify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import vmck.model.ReferenceVm;
import vmck.scenario.AdapterFailure;
import vmck.scenario.Call;
import vmck.scenario.InProcessExecutor;
import vmck.scenario.Reply;
import vmck.spec.Ambiguity;
import vmck.spec.Geometry;
import vmck.spec.KernReturn;
import vmck.spec.Profile;
import vmck.spec.Profiles;

/**
 * The ambiguity register cross-checked three ways for every row, written to
 * {@code docs/register-crosscheck.md}: the seed's words and the profiles' stated answers (from
 * SPEC.md), each profile's model answer on the row's distinguishing probes, and, for gnumach, the
 * real kernel's observed answer (the results observed on GNU Mach 1.8 under QEMU,
 * {@code notes/gnu-mach-under-qemu.md}), which the gnumach profile must reproduce.
 */
class RegisterCrossCheckTest {

    private static final Geometry GEOMETRY = Geometry.I386;
    private static final long A = 0x10000;
    private static final long P = 0x1000;

    /** One result observed on GNU Mach 1.8, as the notes state it, and the scenario that reproduces it. */
    record Observation(Ambiguity row, String words, List<Call> calls, int observedKr) {
    }

    static List<Observation> observations() {
        Call alloc4 = new Call.VmAllocate(Call.LIVE_TASK, A, 4 * P, false);
        Call alloc1 = new Call.VmAllocate(Call.LIVE_TASK, A, P, false);
        return List.of(
                new Observation(Ambiguity.AMB_01, "count 0: 0",
                        List.of(alloc4, new Call.VmCopy(Call.LIVE_TASK, A, 0, A + 2 * P)), 0),
                new Observation(Ambiguity.AMB_01, "count 0 at unallocated 0x50000000: 0 (vmck probe, issue 9)",
                        List.of(alloc4, new Call.VmCopy(Call.LIVE_TASK, 0x5000_0000L, 0, A)), 0),
                new Observation(Ambiguity.AMB_09, "unallocated source 0x20000, destination 0x10001: 1 (vmck probe, issue 9)",
                        List.of(alloc4, new Call.VmCopy(Call.LIVE_TASK, 0x20000, P, A + 1)), 1),
                new Observation(Ambiguity.AMB_02, "Unaligned source (with an allocated, readable rounded source): 4",
                        List.of(alloc4, new Call.VmCopy(Call.LIVE_TASK, A + 1, P, A + 2 * P)), 4),
                new Observation(Ambiguity.AMB_03, "Unaligned count (with an allocated, readable rounded source): 4",
                        List.of(alloc4, new Call.VmCopy(Call.LIVE_TASK, A, P + 1, A + 2 * P)), 4),
                new Observation(Ambiguity.AMB_04, "Unaligned destination (with an allocated, readable rounded source): 4",
                        List.of(alloc4, new Call.VmCopy(Call.LIVE_TASK, A, P, A + 2 * P + 1)), 4),
                new Observation(Ambiguity.AMB_06, "Unallocated source (page 0): 1",
                        List.of(alloc4, new Call.VmCopy(Call.LIVE_TASK, 0, P, A)), 1),
                new Observation(Ambiguity.AMB_07, "Unallocated source (running past the end of the allocation): 1",
                        List.of(alloc1, new Call.VmCopy(Call.LIVE_TASK, A, 2 * P, A)), 1),
                new Observation(Ambiguity.AMB_14, "terminated name: MACH_SEND_INVALID_DEST",
                        List.of(alloc4, new Call.VmCopy(Call.DEAD_TASK, A, P, A + 2 * P)),
                        KernReturn.MACH_SEND_INVALID_DEST.code()),
                new Observation(Ambiguity.AMB_18, "VM_PROT_NONE source: 2",
                        List.of(alloc4, new Call.VmProtect(Call.LIVE_TASK, A, P, false, 0),
                                new Call.VmCopy(Call.LIVE_TASK, A, P, A + 2 * P)), 2),
                new Observation(Ambiguity.AMB_18, "Read-only destination: 2",
                        List.of(alloc4, new Call.VmProtect(Call.LIVE_TASK, A + 2 * P, P, false, 1),
                                new Call.VmCopy(Call.LIVE_TASK, A, P, A + 2 * P)), 2));
    }

    @Test
    void theGnumachProfileReproducesEveryObservedKernelResult() throws AdapterFailure {
        for (Observation observation : observations()) {
            assertThat(allowed(Profiles.GNUMACH, observation.calls()))
                    .as(observation.row() + ": " + observation.words()).contains(observation.observedKr());
        }
    }

    @Test
    void crossCheckDocumentIsRegeneratedByteForByte() throws IOException, AdapterFailure {
        String text = render();
        Path file = DiffDocsTest.docs().resolve("register-crosscheck.md");
        if (Boolean.getBoolean("vmck.regenerateDocs")) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        }
        assertThat(file).as("regenerate with -Dvmck.regenerateDocs=true").exists();
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(text);
    }

    static String render() throws IOException, AdapterFailure {
        String spec = Files.readString(DiffDocsTest.docs().getParent().resolve("spec/SPEC.md"), StandardCharsets.UTF_8);
        List<Fingerprint.Probe> probes = Fingerprint.probes(Profiles.all(), GEOMETRY);
        StringBuilder out = new StringBuilder();
        out.append("# The ambiguity register, cross-checked\n\n");
        out.append("Generated by `RegisterCrossCheckTest` (geometry i386). For every row: what the seed says and what each\n");
        out.append("profile is stated to answer (SPEC.md Section 5), every code each profile's model allows on the row's\n");
        out.append("distinguishing probes (`vmck fingerprint`'s scenarios), and what GNU Mach 1.8 was observed to answer\n");
        out.append("under QEMU, with the gnumach profile's answer to the same call (it must agree).\n");
        for (Ambiguity row : Ambiguity.values()) {
            Map<String, String> fields = registerFields(spec, row);
            out.append("\n## ").append(row.id()).append(" · ").append(row.title()).append("\n\n");
            out.append("- Seed says: ").append(fields.getOrDefault("Seed says", "?")).append('\n');
            out.append("- Text allows: ").append(fields.getOrDefault("Text allows", "?")).append('\n');
            out.append("- Profiles (SPEC.md): ").append(fields.getOrDefault("Profiles", "?")).append('\n');
            out.append("- Literal profile: ").append(fields.getOrDefault("Literal profile", "?")).append('\n');
            List<Fingerprint.Probe> mine = probes.stream().filter(probe -> probe.row() == row).toList();
            if (mine.isEmpty()) {
                out.append("- Probes: none (no two profiles' models differ here)\n");
            }
            for (Fingerprint.Probe probe : mine) {
                out.append("- Probe ").append(probe.pair()).append(" (").append(probe.group().clause().id()).append("): `")
                        .append(probe.group().call().describe()).append("` → ")
                        .append(answers(probe.group().scenario().calls())).append('\n');
            }
            boolean any = false;
            for (Observation observation : observations()) {
                if (observation.row() != row) {
                    continue;
                }
                any = true;
                List<Integer> gnumach = allowed(Profiles.GNUMACH, observation.calls());
                Call last = observation.calls().get(observation.calls().size() - 1);
                out.append("- GNU Mach 1.8 observed: \"").append(observation.words()).append("\" — `").append(last.describe())
                        .append("` → ").append(answers(observation.calls()))
                        .append(gnumach.contains(observation.observedKr()) ? "; gnumach agrees" : "; **gnumach disagrees**")
                        .append('\n');
            }
            if (!any) {
                out.append("- GNU Mach 1.8 observed: nothing recorded\n");
            }
        }
        return out.toString();
    }

    /** Each profile's answer to the last call, e.g. {@code mach3 4, gnumach 1, ...}. */
    private static String answers(List<Call> calls) throws AdapterFailure {
        List<String> parts = new ArrayList<>();
        for (Profile profile : Profiles.all()) {
            parts.add(profile.name() + " " + allowed(profile, calls).stream().map(KernReturn::describe)
                    .reduce((x, y) -> x + " or " + y).orElse("?"));
        }
        return String.join(", ", parts);
    }

    /** The codes the profile's model allows for the last call (a dead task's set; otherwise the model's reply). */
    static List<Integer> allowed(Profile profile, List<Call> calls) throws AdapterFailure {
        Call last = calls.get(calls.size() - 1);
        if (last instanceof Call.VmCopy copy && copy.task() == Call.DEAD_TASK) {
            return new vmck.model.ReferenceModel(profile, GEOMETRY).decideCopy(null, 0, 0, 0).allowedCodes()
                    .stream().sorted().toList();
        }
        // Every code the checker accepts as the last reply, after the model's own replies to the rest.
        try (InProcessExecutor executor = new InProcessExecutor(() -> new ReferenceVm(profile, GEOMETRY))) {
            List<Reply> replies = new ArrayList<>(executor.run(calls));
            List<Integer> allowed = new ArrayList<>();
            for (KernReturn code : KernReturn.values()) {
                replies.set(replies.size() - 1, Reply.of(code.code()));
                if (vmck.conformance.TraceChecker.check(profile, GEOMETRY, calls, replies).passed()) {
                    allowed.add(code.code());
                }
            }
            return allowed.stream().sorted().toList();
        }
    }

    /** The fields of one register row in SPEC.md, by name. */
    private static Map<String, String> registerFields(String spec, Ambiguity row) {
        Map<String, String> fields = new LinkedHashMap<>();
        int start = spec.indexOf("### " + row.id() + " ");
        int end = spec.indexOf("\n### ", start + 1);
        String block = spec.substring(start, end < 0 ? spec.length() : end);
        Matcher m = Pattern.compile("(?m)^- \\*\\*([^:*]+):\\*\\* (.*)$").matcher(block);
        while (m.find()) {
            fields.put(m.group(1), m.group(2));
        }
        return fields;
    }
}
