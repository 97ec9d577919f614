package vmck.vectors;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import vmck.conformance.ModelCalls;
import vmck.model.AddressSpace;
import vmck.model.CopyDecision;
import vmck.model.ReferenceModel;
import vmck.scenario.Call;
import vmck.spec.Geometry;
import vmck.spec.Profile;
import vmck.spec.Profiles;

/**
 * Builds the vectors of one geometry: edge values crossed group by group (the source sweep, the
 * destination sweep, the count sweep, ends of the address space, overlaps, a dead task), duplicates
 * dropped in order of first appearance so ids stay stable, expectations taken from the model.
 */
final class CorpusGenerator {

    /** An edge value and the name comments use for it; negative names mean 2^address_bits minus. */
    record Named(String name, long value) {
    }

    private record Case(String group, int task, Named source, Named count, Named dest) {
    }

    private final Layout layout;
    private final Geometry geometry;
    private final long ps;
    private final long mask;

    CorpusGenerator(Geometry geometry) {
        this.geometry = geometry;
        this.layout = new Layout(geometry);
        this.ps = geometry.pageSize();
        this.mask = geometry.addressMask();
    }

    List<Call> layoutCalls() {
        return layout.calls();
    }

    List<VectorTest> tests() {
        List<VectorTest> tests = new ArrayList<>();
        Set<List<Long>> seen = new LinkedHashSet<>();
        for (Case c : cases()) {
            Call.VmCopy call = new Call.VmCopy(c.task, c.source.value, c.count.value, c.dest.value);
            if (!seen.add(List.of((long) c.task, call.sourceAddress(), call.count(), call.destAddress()))) {
                continue;
            }
            String comment = c.group + ": src=" + c.source.name + ", count=" + c.count.name + ", dst=" + c.dest.name;
            tests.add(vector(tests.size() + 1, comment, call));
        }
        return tests;
    }

    // ------------------------------------------------------------------ the cases

    private List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        Named destination = named("base+6ps (rw)", layout.page(Layout.DEST_PAGE));
        Named base = named("base (rw)", layout.base);
        for (Named source : starts()) {
            for (Named count : counts("0", "1", "ps-1", "ps", "ps+1", "2ps", "-1")) {
                cases.add(new Case("source sweep", Call.LIVE_TASK, source, count, destination));
            }
        }
        for (Named dest : starts()) {
            for (Named count : counts("0", "1", "ps", "2ps")) {
                cases.add(new Case("destination sweep", Call.LIVE_TASK, base, count, dest));
            }
        }
        List<Named> allCounts = counts("0", "1", "2", "ps-2", "ps-1", "ps", "ps+1", "ps+2", "2ps-1", "2ps", "2ps+1",
                "3ps", "4ps", "8ps", "-ps-1", "-ps", "-ps+1", "-2", "-1");
        for (Named[] pair : new Named[][] {{base, destination}, {destination, base}}) {
            for (Named count : allCounts) {
                cases.add(new Case("count sweep", Call.LIVE_TASK, pair[0], count, pair[1]));
            }
            for (Named count : endCounts(pair[0].value, "src")) {
                cases.add(new Case("count sweep", Call.LIVE_TASK, pair[0], count, pair[1]));
            }
        }
        Named top = named("top (rw)", layout.top);
        for (Named[] pair : new Named[][] {{top, destination}, {base, top}, {top, top}}) {
            List<Named> topCounts = new ArrayList<>(counts("ps", "2ps", "2ps+1", "3ps"));
            topCounts.addAll(endCounts(pair[0].value, "src"));
            topCounts.addAll(endCounts(pair[1].value, "dst"));
            for (Named count : topCounts) {
                cases.add(new Case("end of space", Call.LIVE_TASK, pair[0], count, pair[1]));
            }
        }
        overlaps(cases);
        Named unaligned = named("base+1 (rw)", layout.base + 1);
        Named minusOne = named("-1", mask);
        for (Named[] triple : new Named[][] {
                {base, count("ps"), destination}, {base, count("0"), destination}, {unaligned, count("ps"), destination},
                {base, count("0"), unaligned}, {minusOne, count("-1"), minusOne}}) {
            cases.add(new Case("dead task", Call.DEAD_TASK, triple[0], triple[1], triple[2]));
        }
        return cases;
    }

    private void overlaps(List<Case> cases) {
        long b = layout.base;
        long[][] triples = {
            // source, count, dest: same address, then shifted both ways, page and byte granular
            {b, ps, b}, {b, 3 * ps, b}, {b + 1, ps, b + 1}, {b + ps, ps, b + ps},
            {layout.page(Layout.READ_ONLY_PAGE), ps, layout.page(Layout.READ_ONLY_PAGE)},
            {layout.page(Layout.NO_ACCESS_PAGE), ps, layout.page(Layout.NO_ACCESS_PAGE)},
            {b, 2 * ps, b + ps}, {b + ps, 2 * ps, b}, {b, ps, b + 1}, {b + 1, ps, b},
            {b, 2 * ps - 1, b + ps}, {b + ps, 2 * ps - 1, b}, {b + 1, 2 * ps - 1, b + ps + 1},
            {layout.page(6), 2 * ps, layout.page(6)}, {layout.page(6), ps, layout.page(7)},
            {layout.page(7), ps, layout.page(6)}, {layout.page(6), 2 * ps, layout.page(7)},
            {b, 2 * ps, b + 2 * ps}, {b + 2 * ps, 2 * ps, b + ps},
        };
        for (long[] t : triples) {
            cases.add(new Case("overlap", Call.LIVE_TASK, address(t[0]), size(t[1]), address(t[2])));
        }
    }

    /** XNU's vm_parameter_validation starts, base+small offsets, each page of the window, the ends. */
    private List<Named> starts() {
        List<Named> starts = new ArrayList<>();
        for (String name : List.of("0", "1", "2", "ps-2", "ps-1", "ps", "ps+1", "ps+2",
                "-ps-2", "-ps-1", "-ps", "-ps+1", "-ps+2", "-2", "-1")) {
            starts.add(count(name));
        }
        for (long offset : new long[] {0, 1, 2, ps - 2, ps - 1}) {
            starts.add(address(layout.base + offset));
        }
        for (int page = 1; page <= Layout.WINDOW_PAGES; page++) {
            starts.add(address(layout.page(page)));
        }
        starts.add(address(layout.top));
        starts.add(address(layout.top + ps));
        starts.add(address(geometry.maxAddress() - 1));
        starts.add(address(geometry.maxAddress()));
        return dedup(starts);
    }

    /**
     * Counts that make the range from {@code start} (named {@code role}) end exactly at
     * VM_MAX_ADDRESS, at 2^address_bits, one byte past it, and the count of half the space.
     */
    private List<Named> endCounts(long start, String role) {
        String space = "2^" + geometry.addressBits();
        return List.of(
                new Named("max-" + role, (geometry.maxAddress() - start) & mask),
                new Named(space + "-" + role, (mask - start + 1) & mask),
                new Named(space + "-" + role + "+1", (mask - start + 2) & mask),
                new Named("2^" + (geometry.addressBits() - 1), 1L << (geometry.addressBits() - 1)));
    }

    private List<Named> counts(String... names) {
        List<Named> counts = new ArrayList<>();
        for (String name : names) {
            counts.add(count(name));
        }
        return counts;
    }

    /** A value written in terms of ps: "ps-2", "3ps", "-ps+1" (negative means 2^address_bits minus). */
    private Named count(String name) {
        boolean negative = name.startsWith("-");
        String body = negative ? name.substring(1) : name;
        long value = 0;
        for (String term : body.split("(?=[+-])")) {
            long sign = term.startsWith("-") ? -1 : 1;
            String t = term.replaceFirst("^[+-]", "");
            long magnitude = t.endsWith("ps") ? (t.equals("ps") ? 1 : Long.parseLong(t.substring(0, t.length() - 2))) * ps
                    : Long.parseLong(t);
            value += sign * magnitude;
        }
        return new Named(name, (negative ? -value : value) & mask);
    }

    /** Names a size in pages and bytes: "ps", "2ps-1", "3ps", "ps+1". */
    private Named size(long value) {
        long pages = (value + 1) / ps;
        long rest = value - pages * ps;
        String pagesName = pages == 0 ? "" : pages == 1 ? "ps" : pages + "ps";
        String name = pages == 0 ? Long.toString(value) : pagesName + (rest == 0 ? "" : rest < 0 ? Long.toString(rest) : "+" + rest);
        return new Named(name, value);
    }

    /** Names an address after the layout: base+k·ps (role), top, max, or its hex value. */
    Named address(long value) {
        long b = layout.base;
        long windowEnd = layout.page(Layout.WINDOW_PAGES);
        if (Long.compareUnsigned(value, b) >= 0 && Long.compareUnsigned(value, windowEnd) <= 0) {
            long offset = value - b;
            long page = offset / ps;
            long rest = offset % ps;
            String name = "base" + (page == 0 ? "" : page == 1 ? "+ps" : "+" + page + "ps") + (rest == 0 ? "" : "+" + rest);
            return named(name + " (" + role((int) page) + ")", value);
        }
        if (value == layout.top) {
            return named("top (rw)", value);
        }
        if (value == layout.top + ps) {
            return named("top+ps (rw, last page)", value);
        }
        if (value == geometry.maxAddress()) {
            return named("max", value);
        }
        if (value == geometry.maxAddress() - 1) {
            return named("max-1", value);
        }
        return named(Geometry.hex(value), value);
    }

    private static String role(int page) {
        return switch (page) {
            case Layout.HOLE_PAGE -> "hole";
            case Layout.READ_ONLY_PAGE -> "read-only";
            case Layout.NO_ACCESS_PAGE -> "no access";
            case Layout.WINDOW_PAGES -> "past the window";
            default -> "rw";
        };
    }

    private static Named named(String name, long value) {
        return new Named(name, value);
    }

    private static List<Named> dedup(List<Named> values) {
        Map<Long, Named> byValue = new LinkedHashMap<>();
        values.forEach(named -> byValue.putIfAbsent(named.value, named));
        return List.copyOf(byValue.values());
    }

    // ------------------------------------------------------------------ expectations and flags

    private VectorTest vector(int id, String comment, Call.VmCopy call) {
        List<Call.VmRead> observe = new ArrayList<>(layout.readsAround(call.destAddress(), call.count()));
        if (call.count() != 0 && Long.compareUnsigned(call.count(), 2 * ps) <= 0 && !geometry.wraps(call.destAddress(), call.count())) {
            observe.add(new Call.VmRead(Call.LIVE_TASK, call.destAddress(), call.count()));
        }
        Map<String, Expectation> expected = new LinkedHashMap<>();
        AddressSpace before = null;
        for (Profile profile : Profiles.all()) {
            ReferenceModel model = new ReferenceModel(profile, geometry);
            AddressSpace space = laidOut(model);
            before = space.copy();
            expected.put(profile.name(), expect(model, space, call, observe));
        }
        List<String> flags = Flags.of(geometry, before, call);
        if (expected.values().stream().map(e -> List.of(e.kr(), e.reads())).distinct().count() > 1) {
            flags.add("ProfilesDisagree");
        }
        return new VectorTest(id, comment, flags, call, observe, expected);
    }

    private AddressSpace laidOut(ReferenceModel model) {
        AddressSpace space = new AddressSpace(geometry);
        for (Call call : layout.calls()) {
            int kr = ModelCalls.applyHelper(model, space, call).kr(); // the layout holds only helper calls
            if (kr != 0) {
                throw new IllegalStateException("layout call fails in the model (" + kr + "): " + call.describe());
            }
        }
        return space;
    }

    private static Expectation expect(ReferenceModel model, AddressSpace space, Call.VmCopy call, List<Call.VmRead> observe) {
        boolean live = call.task() == Call.LIVE_TASK;
        CopyDecision decision = model.decideCopy(live ? space : null, call.sourceAddress(), call.count(), call.destAddress());
        List<Integer> codes = decision.allowedCodes().stream().sorted().toList();
        List<List<String>> reads = new ArrayList<>();
        List<Integer> readKr = new ArrayList<>();
        List<List<ReferenceModel.Read>> perOutcome = new ArrayList<>();
        for (CopyDecision.Outcome outcome : decision.outcomes()) {
            AddressSpace after = space.copy();
            if (live) {
                model.applyCopy(after, call.sourceAddress(), call.destAddress(), outcome);
            }
            perOutcome.add(observe.stream().map(read -> model.read(after, read.address(), read.size())).toList());
        }
        for (int i = 0; i < observe.size(); i++) {
            Set<Integer> kr = new LinkedHashSet<>();
            Set<String> hashes = new LinkedHashSet<>();
            for (List<ReferenceModel.Read> outcomeReads : perOutcome) {
                ReferenceModel.Read read = outcomeReads.get(i);
                kr.add(read.kr());
                hashes.add(read.data() == null ? "" : Sha256.hex(read.data()));
            }
            if (kr.size() != 1) {
                throw new IllegalStateException("a read's code depends on the outcome: " + observe.get(i).describe());
            }
            int code = kr.iterator().next();
            readKr.add(code);
            reads.add(code != 0 ? null : hashes.stream().sorted().toList());
        }
        return new Expectation(Expectation.Result.of(Set.copyOf(codes)), codes, decision.decidedBy().id(), reads, readKr);
    }
}
