package vmck.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import vmck.spec.Geometry;
import vmck.spec.Profile;
import vmck.spec.Profiles;

/**
 * An independent postcondition property, written apart from the model's code: random small 32-bit
 * layouts, random vm_copy arguments biased to the interesting cases, and a declarative check of
 * the result against a tiny per-page oracle of the profile rules and a byte-level before/after view.
 */
class PostconditionPropertyTest {

    private static final long[] SEEDS = {1, 2, 3, 5, 8, 13, 21, 34, 55, 89};
    private static final int CASES_PER_SEED = 70;
    private static final long TWO_32 = 1L << 32;

    /** Small 32-bit shapes: a user range with both bounds inside the window, one at 0, one reaching 2^32. */
    private static final List<Geometry> SHAPES = List.of(
            new Geometry(512, 32, 16 * 512, 80 * 512),
            new Geometry(1024, 32, 0, 0xC000_0000L),
            new Geometry(512, 32, 0x200, TWO_32));
    /** First page of each shape's 96-page window of interest. */
    private static final long[] WINDOW = {0, 0, (TWO_32 >>> 9) - 96};
    private static final int WINDOW_PAGES = 96;

    // ------------------------------------------------------------------ independent oracle

    /** Page attributes {prot, max} by page number, read from the runs. */
    private static TreeMap<Long, int[]> attributes(AddressSpace space) {
        TreeMap<Long, int[]> out = new TreeMap<>();
        for (PageRun run : space.runs()) {
            for (long p = run.firstPage(); p < run.endPage(); p++) {
                out.put(p, new int[] {run.protection(), run.maxProtection()});
            }
        }
        return out;
    }

    /** Contents of every allocated page, byte by byte. */
    private static TreeMap<Long, byte[]> contents(AddressSpace space, TreeMap<Long, int[]> attributes, int ps) {
        TreeMap<Long, byte[]> out = new TreeMap<>();
        for (long p : attributes.keySet()) {
            out.put(p, space.bytes(p * ps, ps));
        }
        return out;
    }

    /** Pages from the one holding start up to the one holding end-1: 1 at the first hole, 2 at the first page lacking need. */
    private static int walk(TreeMap<Long, int[]> pages, int ps, long start, long end, int need) {
        for (long page = start / ps; page * ps < end; page++) {
            int[] attrs = pages.get(page);
            if (attrs == null) {
                return 1;
            }
            if ((attrs[0] & need) != need) {
                return 2;
            }
        }
        return 0;
    }

    /** Bounds first (a wrap past 2^32 or leaving [min, max) is 1), then the walk. */
    private static int boundsThenWalk(TreeMap<Long, int[]> pages, Geometry g, long start, long count, int need) {
        long end = start + count;
        if (end > TWO_32 || start < g.minAddress() || end > g.maxAddress()) {
            return 1;
        }
        return walk(pages, g.pageSize(), start, end, need);
    }

    /** What vm_copy must return, straight from the profile rules (count < 2^33, addresses < 2^32). */
    static int oracle(String profile, TreeMap<Long, int[]> pages, Geometry g, long src, long count, long dst) {
        int ps = g.pageSize();
        boolean aligned = src % ps == 0 && count % ps == 0 && dst % ps == 0;
        int r;
        switch (profile) {
            case "mach3":
                if (!aligned) {
                    return 4;
                }
                if (count == 0) {
                    return 0;
                }
                r = boundsThenWalk(pages, g, src, count, 1);
                return r != 0 ? r : boundsThenWalk(pages, g, dst, count, 2);
            case "gnumach":
                if (count == 0) {
                    return 0;
                }
                if (src + count > TWO_32 - ps) {
                    return 1; // round_page(src + count) wraps
                }
                r = walk(pages, ps, src, src + count, 1); // holes outside the user range are never allocated
                if (r != 0) {
                    return r;
                }
                if (!aligned) {
                    return 4;
                }
                return walk(pages, ps, dst, dst + count, 2);
            case "unaligned":
                if (count == 0) {
                    return 0;
                }
                r = boundsThenWalk(pages, g, src, count, 1);
                return r != 0 ? r : boundsThenWalk(pages, g, dst, count, 2);
            default:
                throw new IllegalArgumentException(profile);
        }
    }

    // ------------------------------------------------------------------ random layouts and arguments

    private static long pick(Random random, long[] choices) {
        return choices[random.nextInt(choices.length)];
    }

    private static void layout(Random random, ReferenceVm vm, long task, long window, int ps) {
        int allocations = 2 + random.nextInt(5);
        for (int i = 0; i < allocations; i++) {
            long first = window + random.nextInt(WINDOW_PAGES);
            long pages = 1 + random.nextInt(random.nextBoolean() ? 4 : 24);
            vm.vmAllocate(task, first * ps, pages * ps, false);
        }
        int writes = random.nextInt(12);
        for (int i = 0; i < writes; i++) {
            long page = window + random.nextInt(WINDOW_PAGES);
            byte[] data = new byte[ps * (1 + random.nextInt(3))];
            random.nextBytes(data);
            if (random.nextInt(4) == 0) {
                Arrays.fill(data, 0, ps / 2, (byte) 0);
            }
            vm.vmWrite(task, page * ps, data);
        }
        // protect inside allocated runs, so that protection problems are as common as holes
        int protects = random.nextInt(5);
        for (int i = 0; i < protects; i++) {
            List<PageRun> runs = List.copyOf(vm.space(task).runs());
            if (runs.isEmpty()) {
                break;
            }
            PageRun run = runs.get(random.nextInt(runs.size()));
            long page = run.firstPage() + random.nextInt((int) run.pageCount());
            int protection = (int) pick(random, new long[] {0, 1, 2, 3, 4, 5, 6, 7, 1, 2});
            vm.vmProtect(task, page * ps, (1 + random.nextInt(3)) * (long) ps, random.nextInt(6) == 0, protection);
        }
    }

    private static long anAddress(Random random, AddressSpace space, long window, int ps) {
        List<PageRun> runs = List.copyOf(space.runs());
        long page;
        if (!runs.isEmpty() && random.nextInt(10) < 7) {
            PageRun run = runs.get(random.nextInt(runs.size()));
            page = run.firstPage() + random.nextInt((int) Math.min(run.pageCount() + (random.nextInt(4) == 0 ? 2 : 0), 30)) - (random.nextInt(8) == 0 ? 1 : 0);
        } else {
            page = window - 4 + random.nextInt(WINDOW_PAGES + 8);
        }
        return (page * ps) & 0xFFFF_FFFFL;
    }

    // ------------------------------------------------------------------ the property

    @ParameterizedTest
    @ValueSource(strings = {"mach3", "gnumach", "unaligned"})
    void VMC_COPY_1_VMC_FRAME_VMC_ATOMIC_postconditionsHoldOnRandomLayouts(String profileName) {
        Profile profile = profileName.equals("unaligned") ? Fx.UNALIGNED : Profiles.byName(profileName).orElseThrow();
        TreeMap<Integer, Integer> seen = new TreeMap<>();
        int cases = 0;
        for (long seed : SEEDS) {
            Random random = new Random(seed);
            for (int c = 0; c < CASES_PER_SEED; c++) {
                int shape = random.nextInt(SHAPES.size());
                Geometry g = SHAPES.get(shape);
                int ps = g.pageSize();
                ReferenceVm vm = new ReferenceVm(profile, g);
                long task = vm.taskCreate().task();
                layout(random, vm, task, WINDOW[shape], ps);
                AddressSpace space = vm.space(task);

                long src = anAddress(random, space, WINDOW[shape], ps);
                long dst;
                int dstKind = random.nextInt(10);
                if (dstKind < 3) {
                    dst = (src + (random.nextInt(7) - 3) * (long) ps) & 0xFFFF_FFFFL; // overlap
                } else if (dstKind == 3) {
                    dst = src;
                } else {
                    dst = anAddress(random, space, WINDOW[shape], ps);
                }
                long count;
                int countKind = random.nextInt(20);
                if (countKind < 2) {
                    count = 0;
                } else if (countKind < 13) {
                    count = (1 + random.nextInt(random.nextBoolean() ? 3 : 8)) * (long) ps;
                } else if (countKind < 16) {
                    count = (1 + random.nextInt(40)) * (long) ps;
                } else if (countKind == 16) {
                    count = TWO_32 - src + pick(random, new long[] {-ps, 0, ps, 2L * ps});
                } else if (countKind == 17) {
                    count = pick(random, new long[] {TWO_32 - ps, TWO_32, 0xC000_0000L, TWO_32 + ps});
                } else {
                    count = random.nextInt(6 * ps);
                }
                if (random.nextInt(8) == 0) {
                    src = (src + 1 + random.nextInt(ps - 1)) & 0xFFFF_FFFFL;
                }
                if (random.nextInt(8) == 0) {
                    dst = (dst + 1 + random.nextInt(ps - 1)) & 0xFFFF_FFFFL;
                }

                TreeMap<Long, int[]> preAttributes = attributes(space);
                TreeMap<Long, byte[]> pre = contents(space, preAttributes, ps);
                int expected = oracle(profileName, preAttributes, g, src, count, dst);

                int kr = vm.vmCopy(task, src, count, dst);

                String what = String.format("%s seed %d case %d shape %d: vm_copy(%x, %x, %x) in %s",
                        profileName, seed, c, shape, src, count, dst, space);
                assertThat(kr).as(what).isEqualTo(expected);
                TreeMap<Long, int[]> postAttributes = attributes(space);
                // VMC-FRAME-2, VMC-FRAME-3: protections, max protections and the allocation map unchanged
                assertThat(postAttributes.keySet()).as(what).isEqualTo(preAttributes.keySet());
                for (Map.Entry<Long, int[]> e : preAttributes.entrySet()) {
                    assertThat(postAttributes.get(e.getKey())).as(what).containsExactly(e.getValue());
                }
                TreeMap<Long, byte[]> post = contents(space, postAttributes, ps);
                if (kr != 0) {
                    // VMC-ATOMIC-1: a failed call changes nothing
                    for (long page : pre.keySet()) {
                        assertThat(post.get(page)).as(what + " page %x", page).isEqualTo(pre.get(page));
                    }
                } else {
                    // VMC-COPY-1 and VMC-FRAME-1, byte by byte
                    for (long page : post.keySet()) {
                        byte[] after = post.get(page);
                        for (int i = 0; i < ps; i++) {
                            long a = page * ps + i;
                            long expectedFrom = a - dst >= 0 && a - dst < count ? src + (a - dst) : a;
                            byte[] from = pre.get(expectedFrom / ps);
                            assertThat(from).as(what + " source byte %x allocated", expectedFrom).isNotNull();
                            if (after[i] != from[(int) (expectedFrom % ps)]) {
                                assertThat(after[i]).as(what + " byte %x", a).isEqualTo(from[(int) (expectedFrom % ps)]);
                            }
                        }
                    }
                    // every destination byte is in an allocated page
                    if (count > 0) {
                        for (long page = dst / ps; page * ps < dst + count; page++) {
                            assertThat(post).as(what).containsKey(page);
                        }
                    }
                }
                seen.merge(kr, 1, Integer::sum);
                cases++;
            }
        }
        assertThat(cases).isEqualTo(SEEDS.length * CASES_PER_SEED);
        // the generator reaches every outcome often enough to mean something
        assertThat(seen.getOrDefault(0, 0)).as("successes %s", seen).isGreaterThan(60);
        assertThat(seen.getOrDefault(1, 0)).as("invalid addresses %s", seen).isGreaterThan(60);
        assertThat(seen.getOrDefault(2, 0)).as("protection failures %s", seen).isGreaterThan(30);
        if (!profileName.equals("unaligned")) {
            assertThat(seen.getOrDefault(4, 0)).as("invalid arguments %s", seen).isGreaterThan(20);
        }
    }
}
