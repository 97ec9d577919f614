package vmck.spec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import vmck.spec.SpecDocument.Block;

/**
 * The consistency checks between SPEC.md and the catalogues ({@link Clause}, {@link Ambiguity}).
 * Each returns the list of problems found, empty when consistent, so that tests can show each
 * check both passing on SPEC.md and failing on a deliberately broken text.
 */
final class SpecChecks {

    static final List<String> CLAUSE_FIELDS = List.of("Kind", "Statement", "Provenance", "Rationale");
    static final List<String> REGISTER_FIELDS = List.of("Seed says", "Text allows", "GNU Mach", "XNU", "Profiles", "Literal profile", "Clauses");

    private SpecChecks() {
    }

    /** The clause blocks must be exactly {@code expected}: same IDs, order, kinds and titles. */
    static List<String> catalogueMismatches(SpecDocument doc, List<Clause> expected) {
        List<String> problems = new ArrayList<>();
        List<Block> blocks = doc.clauses();
        int n = Math.max(blocks.size(), expected.size());
        for (int i = 0; i < n; i++) {
            if (i >= blocks.size()) {
                problems.add("#" + (i + 1) + ": " + expected.get(i).id() + " missing from SPEC.md");
                continue;
            }
            Block block = blocks.get(i);
            if (i >= expected.size()) {
                problems.add("#" + (i + 1) + ": " + block.id() + " (line " + block.line() + ") not in Clause.java");
                continue;
            }
            Clause clause = expected.get(i);
            if (!block.id().equals(clause.id())) {
                problems.add("#" + (i + 1) + ": SPEC.md has " + block.id() + " where Clause.java has " + clause.id());
                continue;
            }
            if (!block.title().equals(clause.title())) {
                problems.add(clause.id() + ": title '" + block.title() + "' but Clause.java says '" + clause.title() + "'");
            }
            String kind = block.field("Kind");
            if (!clause.kind().word().equals(kind)) {
                problems.add(clause.id() + ": kind '" + kind + "' but Clause.java says '" + clause.kind().word() + "'");
            }
        }
        return problems;
    }

    /** Every clause needs non-empty Kind, Statement, Provenance, Rationale; only known fields allowed. */
    static List<String> missingClauseFields(SpecDocument doc) {
        List<String> problems = new ArrayList<>();
        for (Block block : doc.clauses()) {
            for (String field : CLAUSE_FIELDS) {
                if (isBlank(block.field(field))) {
                    problems.add(block.id() + ": empty or missing " + field);
                }
            }
            for (String field : block.fields().keySet()) {
                if (!CLAUSE_FIELDS.contains(field) && !field.equals("Profiles")) {
                    problems.add(block.id() + ": unknown field " + field);
                }
            }
        }
        return problems;
    }

    /**
     * A profile-dependent clause needs a Profiles line naming every profile of {@code profiles}
     * (xnu included, now that it is a profile); other clauses must not have one.
     */
    static List<String> profilesLineProblems(SpecDocument doc, Collection<Profile> profiles) {
        List<String> problems = new ArrayList<>();
        for (Block block : doc.clauses()) {
            String line = block.field("Profiles");
            boolean dependent = Clause.Kind.PROFILE_DEPENDENT.word().equals(block.field("Kind"));
            if (!dependent) {
                if (line != null) {
                    problems.add(block.id() + ": a Profiles line on a clause that is not profile-dependent");
                }
                continue;
            }
            if (isBlank(line)) {
                problems.add(block.id() + ": profile-dependent without a Profiles line");
                continue;
            }
            for (Profile profile : profiles) {
                if (!line.contains(profile.name() + ":")) {
                    problems.add(block.id() + ": Profiles line does not answer for " + profile.name());
                }
            }
        }
        return problems;
    }

    /** The register rows must be exactly {@code expected}: IDs, order, titles, clause lists; all fields present. */
    static List<String> registerMismatches(SpecDocument doc, List<Ambiguity> expected) {
        List<String> problems = new ArrayList<>();
        List<Block> rows = doc.registerRows();
        int n = Math.max(rows.size(), expected.size());
        for (int i = 0; i < n; i++) {
            if (i >= rows.size()) {
                problems.add(expected.get(i).id() + " missing from SPEC.md");
                continue;
            }
            Block row = rows.get(i);
            if (i >= expected.size()) {
                problems.add(row.id() + " (line " + row.line() + ") not in Ambiguity.java");
                continue;
            }
            Ambiguity amb = expected.get(i);
            if (!row.id().equals(amb.id())) {
                problems.add("#" + (i + 1) + ": SPEC.md has " + row.id() + " where Ambiguity.java has " + amb.id());
                continue;
            }
            if (!row.title().equals(amb.title())) {
                problems.add(amb.id() + ": title '" + row.title() + "' but Ambiguity.java says '" + amb.title() + "'");
            }
            List<String> listed = SpecDocument.idList(row.field("Clauses"));
            List<String> want = amb.clauses().stream().map(Clause::id).toList();
            if (!listed.equals(want)) {
                problems.add(amb.id() + ": clauses " + listed + " but Ambiguity.java says " + want);
            }
            for (String field : REGISTER_FIELDS) {
                if (isBlank(row.field(field))) {
                    problems.add(amb.id() + ": empty or missing " + field);
                }
            }
            for (String field : row.fields().keySet()) {
                if (!REGISTER_FIELDS.contains(field)) {
                    problems.add(amb.id() + ": unknown field " + field);
                }
            }
        }
        return problems;
    }

    /** Every profile-dependent clause must be named by some register row. */
    static List<String> unregisteredProfileDependentClauses(SpecDocument doc) {
        Set<String> registered = doc.registerRows().stream()
                .flatMap(row -> SpecDocument.idList(row.field("Clauses")).stream())
                .collect(Collectors.toSet());
        return doc.clauses().stream()
                .filter(block -> Clause.Kind.PROFILE_DEPENDENT.word().equals(block.field("Kind")))
                .map(Block::id)
                .filter(id -> !registered.contains(id))
                .map(id -> id + ": profile-dependent but in no register row")
                .toList();
    }

    /** Every clause ID and AMB ID mentioned anywhere must exist. */
    static List<String> unknownIds(SpecDocument doc) {
        List<String> problems = new ArrayList<>();
        for (String id : doc.mentionedClauseIds()) {
            if (Clause.byId(id).isEmpty()) {
                problems.add("mentions unknown clause " + id);
            }
        }
        Set<String> rows = doc.registerRows().stream().map(Block::id).collect(Collectors.toSet());
        for (String id : doc.mentionedRegisterIds()) {
            if (!rows.contains(id)) {
                problems.add("mentions unknown register row " + id);
            }
        }
        return problems;
    }

    /**
     * The Profiles table ({@code | Trait | mach3 (default) | gnumach | ... |}) must state each
     * profile's traits exactly as {@code profiles} has them; a column per profile is required.
     */
    static List<String> profileTableMismatches(SpecDocument doc, Collection<Profile> profiles) {
        List<String> problems = new ArrayList<>();
        // the first Markdown table (a run of '|' lines) whose header's first cell is "Trait"
        List<List<String>> rows = new ArrayList<>();
        boolean inTraitTable = false;
        for (String line : doc.text().split("\\R")) {
            if (!line.startsWith("|")) {
                if (inTraitTable) {
                    break;
                }
                rows.clear();
                continue;
            }
            if (line.matches("^\\|[-| :]+\\|$")) {
                continue;
            }
            List<String> cells = new ArrayList<>();
            for (String cell : line.substring(1, line.lastIndexOf('|')).split("\\|", -1)) {
                cells.add(cell.strip());
            }
            if (rows.isEmpty()) {
                inTraitTable = cells.get(0).equals("Trait");
            }
            rows.add(cells);
        }
        if (!inTraitTable) {
            problems.add("no profiles table with a 'Trait' header");
            return problems;
        }
        List<String> header = rows.get(0).stream().map(cell -> cell.split(" ", 2)[0]).toList();
        Map<String, List<String>> byTrait = new HashMap<>();
        for (List<String> row : rows.subList(1, rows.size())) {
            byTrait.put(row.get(0), row);
        }
        for (Profile profile : profiles) {
            int column = header.indexOf(profile.name());
            if (column < 0) {
                problems.add("profiles table has no column for " + profile.name());
                continue;
            }
            Map<String, String> want = new LinkedHashMap<>();
            want.put("checkOrder", profile.checkOrder().stream().map(Enum::name).collect(Collectors.joining(", ")));
            want.put("invalidTaskResults", profile.invalidTaskResults().stream()
                    .map(KernReturn::describe).map(d -> d.split(" ")[0]).sorted().collect(Collectors.joining(", ")));
            want.put("sourceBounds", profile.sourceBounds().name());
            want.put("destinationBounds", profile.destinationBounds().name());
            want.put("sourceNeedsMaxRead", Boolean.toString(profile.sourceNeedsMaxRead()));
            want.put("bufferedCopyLimit", Long.toString(profile.bufferedCopyLimit()));
            if (profile.splitCopyMinPages() != 0) {
                want.put("splitCopyMinPages", Integer.toString(profile.splitCopyMinPages()));
            }
            want.put("alignmentOrderOpen", Boolean.toString(profile.alignmentOrderOpen()));
            want.put("rangeProblemsOrderOpen", Boolean.toString(profile.rangeProblemsOrderOpen()));
            want.put("zeroCountMayCheckAddresses", Boolean.toString(profile.zeroCountMayCheckAddresses()));
            want.put("failedWriteMayLeavePrefix", Boolean.toString(profile.failedWriteMayLeavePrefix()));
            want.put("provenance", profile.provenance());
            want.put("nativeGeometry", profile.nativeGeometry().equals(Geometry.I386) ? "i386"
                    : profile.nativeGeometry().equals(Geometry.X86_64) ? "x86_64"
                    : profile.nativeGeometry().equals(Geometry.ARM64) ? "arm64" : profile.nativeGeometry().toString());
            want.put("deadTaskResult", KernReturn.describe(profile.deadTaskResult()).split(" ")[0]);
            for (var entry : want.entrySet()) {
                List<String> row = byTrait.get(entry.getKey());
                if (row == null || row.size() <= column) {
                    problems.add("profiles table has no " + entry.getKey() + " for " + profile.name());
                    continue;
                }
                String got = row.get(column);
                if (entry.getKey().equals("invalidTaskResults")) {
                    got = Arrays.stream(got.split(",")).map(String::strip).sorted()
                            .collect(Collectors.joining(", "));
                }
                if (!got.equals(entry.getValue())) {
                    problems.add(profile.name() + "." + entry.getKey() + ": table says '" + got
                            + "' but Profiles.java says '" + entry.getValue() + "'");
                }
            }
        }
        return problems;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
