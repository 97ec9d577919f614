package vmck.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import vmck.spec.Ambiguity;
import vmck.spec.Geometry;
import vmck.spec.MachVm;
import vmck.spec.Profile;
import vmck.spec.Profiles;
import vmck.spec.VmProt;

/**
 * One test per ambiguity-register row per profile: each row's question, asked with one concrete
 * call, and each profile's answer written down here as SPEC.md's register states it (not computed
 * by the model), so the model and the register cannot drift apart.
 */
class RegisterRowTest {

    private static final int SUCCESS = 0;
    private static final int INVALID_ADDRESS = 1;
    private static final int PROTECTION_FAILURE = 2;
    private static final int NO_SPACE = 3;
    private static final int INVALID_ARGUMENT = 4;
    private static final int SEND_INVALID_DEST = 0x10000003;
    private static final long PAGE = 4096;
    private static final long BASE = 0x10000;

    /** One row's question: a layout, a call, and each profile's allowed answers. */
    private record Row(Ambiguity row, Geometry geometry, Consumer<Vm> layout, Call call,
                       Map<String, Set<Integer>> answers, Consumer<Vm> afterwards) {
    }

    /** The call whose answer the row is about: the set of codes it may return. */
    private interface Call {
        Set<Integer> ask(Vm vm);
    }

    /** A task with 32 pages at BASE, written, in the given profile and geometry. */
    private static final class Vm {
        final ReferenceVm vm;
        final long task;
        final Profile profile;

        Vm(Profile profile, Geometry geometry) {
            this.profile = profile;
            this.vm = new ReferenceVm(profile, geometry);
            this.task = vm.taskCreate().task();
            vm.vmAllocate(task, BASE, 32 * PAGE, false);
            for (int page = 0; page < 32; page++) {
                byte[] data = new byte[(int) PAGE];
                Arrays.fill(data, (byte) (page + 1));
                vm.vmWrite(task, BASE + page * PAGE, data);
            }
        }

        /** The codes the model allows; then performs the first allowed outcome (the canonical one). */
        Set<Integer> copy(long source, long count, long dest) {
            Set<Integer> allowed = vm.model().decideCopy(vm.space(task), source, count, dest).allowedCodes();
            vm.vmCopy(task, source, count, dest);
            return allowed;
        }

        void protect(long address, long size, boolean setMaximum, int protection) {
            assertThat(vm.vmProtect(task, address, size, setMaximum, protection)).isZero();
        }

        byte[] page(long address) {
            MachVm.ReadResult read = vm.vmRead(task, address, PAGE);
            assertThat(read.kr()).isZero();
            return read.data();
        }
    }

    private static Map<String, Set<Integer>> answers(Set<Integer> mach3, Set<Integer> gnumach, Set<Integer> xnu,
                                                     Set<Integer> xnuArm64) {
        return Map.of("mach3", mach3, "gnumach", gnumach, "xnu", xnu, "xnu-arm64", xnuArm64);
    }

    private static Map<String, Set<Integer>> all(int code) {
        return answers(Set.of(code), Set.of(code), Set.of(code), Set.of(code));
    }

    private static Map<String, Set<Integer>> byAlignment(int alignedProfiles, int xnuProfiles) {
        return answers(Set.of(alignedProfiles), Set.of(alignedProfiles), Set.of(xnuProfiles), Set.of(xnuProfiles));
    }

    private static final Consumer<Vm> NOTHING = vm -> { };

    static List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        // count 0 at an unallocated, aligned source: "non-allocated address specified" (lines 102-104) holds too
        rows.add(new Row(Ambiguity.AMB_01, Geometry.I386, NOTHING, vm -> vm.copy(0x5000_0000L, 0, BASE),
                answers(Set.of(SUCCESS, INVALID_ADDRESS), Set.of(SUCCESS), Set.of(SUCCESS), Set.of(SUCCESS)), NOTHING));
        rows.add(new Row(Ambiguity.AMB_02, Geometry.I386, NOTHING, vm -> vm.copy(BASE + 1, PAGE, BASE + 2 * PAGE),
                byAlignment(INVALID_ARGUMENT, SUCCESS), NOTHING));
        rows.add(new Row(Ambiguity.AMB_03, Geometry.I386, NOTHING, vm -> vm.copy(BASE, PAGE + 1, BASE + 2 * PAGE),
                byAlignment(INVALID_ARGUMENT, SUCCESS), NOTHING));
        rows.add(new Row(Ambiguity.AMB_04, Geometry.I386, NOTHING, vm -> vm.copy(BASE, PAGE, BASE + 2 * PAGE + 1),
                byAlignment(INVALID_ARGUMENT, SUCCESS), NOTHING));
        rows.add(new Row(Ambiguity.AMB_05, Geometry.I386, NOTHING, vm -> vm.copy(BASE, 0xFFFF_F000L, BASE + 2 * PAGE),
                all(INVALID_ADDRESS), NOTHING));
        // Past VM_MAX_ADDRESS with an unreadable first page: bounds first (1) or the walk meets the page (2).
        rows.add(new Row(Ambiguity.AMB_06, Geometry.I386, vm -> vm.protect(BASE, PAGE, false, VmProt.NONE),
                vm -> vm.copy(BASE, 0xC000_1000L - BASE, BASE),
                answers(Set.of(INVALID_ADDRESS, PROTECTION_FAILURE), Set.of(PROTECTION_FAILURE), Set.of(INVALID_ADDRESS),
                        Set.of(INVALID_ADDRESS)),
                NOTHING));
        // An unreadable page before a hole, 9 pages (past every buffered-copy limit): address order wins.
        rows.add(new Row(Ambiguity.AMB_07, Geometry.I386, vm -> {
            vm.protect(BASE + PAGE, PAGE, false, VmProt.NONE);
            vm.vm.vmDeallocate(vm.task, BASE + 5 * PAGE, PAGE);
        }, vm -> vm.copy(BASE, 9 * PAGE, BASE + 16 * PAGE),
                answers(Set.of(INVALID_ADDRESS, PROTECTION_FAILURE), Set.of(PROTECTION_FAILURE), Set.of(PROTECTION_FAILURE),
                        Set.of(PROTECTION_FAILURE)), NOTHING));
        rows.add(new Row(Ambiguity.AMB_08, Geometry.I386, vm -> vm.protect(BASE, PAGE, false, VmProt.NONE),
                vm -> vm.copy(BASE, 9 * PAGE, 0x5000_0000L), all(PROTECTION_FAILURE), NOTHING));
        rows.add(new Row(Ambiguity.AMB_09, Geometry.I386, NOTHING, vm -> vm.copy(0x5000_0000L, 1, BASE),
                answers(Set.of(INVALID_ARGUMENT, INVALID_ADDRESS), Set.of(INVALID_ADDRESS), Set.of(INVALID_ADDRESS),
                        Set.of(INVALID_ADDRESS)),
                NOTHING));
        rows.add(new Row(Ambiguity.AMB_10, Geometry.I386, NOTHING, vm -> vm.copy(BASE, 0, BASE + 3),
                answers(Set.of(INVALID_ARGUMENT), Set.of(SUCCESS), Set.of(SUCCESS), Set.of(SUCCESS)), NOTHING));
        // Two pages into a range whose second page is read-only: nothing written, or (mach3, xnu) the first
        // page; the reference takes the "nothing written" outcome.
        rows.add(new Row(Ambiguity.AMB_11, Geometry.I386, vm -> vm.protect(BASE + 5 * PAGE, PAGE, false, VmProt.READ),
                vm -> vm.copy(BASE, 2 * PAGE, BASE + 4 * PAGE),
                answers(Set.of(PROTECTION_FAILURE), Set.of(PROTECTION_FAILURE), Set.of(INVALID_ADDRESS), Set.of(INVALID_ADDRESS)),
                vm -> assertThat(vm.page(BASE + 4 * PAGE)).containsOnly((byte) 5)));
        rows.add(new Row(Ambiguity.AMB_12, Geometry.I386, vm -> vm.protect(BASE, PAGE, false, VmProt.READ),
                vm -> vm.copy(BASE, PAGE, BASE + 2 * PAGE), all(SUCCESS), vm -> {
                    MachVm.RegionResult region = vm.vm.vmRegion(vm.task, BASE + 2 * PAGE);
                    assertThat(region.protection()).isEqualTo(VmProt.DEFAULT);
                    assertThat(region.maxProtection()).isEqualTo(VmProt.ALL);
                }));
        rows.add(new Row(Ambiguity.AMB_13, Geometry.I386, vm -> vm.protect(BASE, PAGE, true, VmProt.READ),
                vm -> vm.copy(BASE, PAGE, BASE + 2 * PAGE), all(SUCCESS), NOTHING));
        // A terminated task: the allowed set itself is the answer (no memory to decide with).
        rows.add(new Row(Ambiguity.AMB_14, Geometry.I386, NOTHING,
                vm -> vm.vm.model().decideCopy(null, BASE, PAGE, BASE + PAGE).allowedCodes(), all(-1), NOTHING));
        // Unaligned source whose last touched page is a hole: BUGS (4) or "insufficient memory allocated" (1).
        rows.add(new Row(Ambiguity.AMB_15, Geometry.I386, NOTHING, vm -> vm.copy(BASE + 32 * PAGE - 0x800, PAGE, BASE),
                answers(Set.of(INVALID_ARGUMENT, INVALID_ADDRESS), Set.of(INVALID_ADDRESS), Set.of(INVALID_ADDRESS),
                        Set.of(INVALID_ADDRESS)),
                NOTHING));
        // 16 KiB pages: a 4 KiB-aligned address is unaligned.
        rows.add(new Row(Ambiguity.AMB_16, Geometry.ARM64, NOTHING, vm -> vm.copy(BASE + PAGE, PAGE, BASE + 8 * PAGE),
                byAlignment(INVALID_ARGUMENT, SUCCESS), NOTHING));
        rows.add(new Row(Ambiguity.AMB_17, Geometry.I386, NOTHING, vm -> vm.copy(BASE, 2 * PAGE, BASE + PAGE), all(SUCCESS),
                vm -> {
                    assertThat(vm.page(BASE + PAGE)).containsOnly((byte) 1);      // memmove: the old first page
                    assertThat(vm.page(BASE + 2 * PAGE)).containsOnly((byte) 2);
                }));
        rows.add(new Row(Ambiguity.AMB_18, Geometry.I386, vm -> vm.protect(BASE, PAGE, false, VmProt.NONE),
                vm -> vm.copy(BASE, PAGE, BASE + 2 * PAGE),
                answers(Set.of(PROTECTION_FAILURE), Set.of(PROTECTION_FAILURE), Set.of(INVALID_ADDRESS), Set.of(INVALID_ADDRESS)),
                NOTHING));
        rows.add(new Row(Ambiguity.AMB_19, Geometry.I386, vm -> vm.protect(BASE + 2 * PAGE, PAGE, false, VmProt.WRITE),
                vm -> vm.copy(BASE, PAGE, BASE + 2 * PAGE), all(SUCCESS), NOTHING));
        rows.add(new Row(Ambiguity.AMB_20, Geometry.I386, NOTHING,
                vm -> vm.vm.model().region(vm.vm.space(vm.task), 0xB000_0000L).allowedCodes(),
                answers(Set.of(NO_SPACE, INVALID_ADDRESS), Set.of(NO_SPACE, INVALID_ADDRESS),
                        Set.of(NO_SPACE, INVALID_ADDRESS), Set.of(NO_SPACE, INVALID_ADDRESS)), NOTHING));
        // A plain one-page copy in a task with a few pages: no condition for another code holds.
        rows.add(new Row(Ambiguity.AMB_21, Geometry.I386, NOTHING, vm -> vm.copy(BASE, PAGE, BASE + 2 * PAGE), all(SUCCESS),
                NOTHING));
        return rows;
    }

    @TestFactory
    Stream<DynamicTest> eachRegisterRowUnderEachProfile() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Row row : rows()) {
            for (Profile profile : Profiles.all()) {
                tests.add(DynamicTest.dynamicTest(row.row().id() + " " + row.row().title() + " · " + profile.name(), () -> {
                    Vm vm = new Vm(profile, row.geometry());
                    row.layout().accept(vm);
                    Set<Integer> expected = row.answers().get(profile.name());
                    if (expected.equals(Set.of(-1))) {
                        expected = Set.of(INVALID_ARGUMENT, SEND_INVALID_DEST); // VMC-TASK-1: either, for every profile
                    }
                    assertThat(row.call().ask(vm)).as(row.row().id() + " under " + profile.name()).isEqualTo(expected);
                    row.afterwards().accept(vm);
                }));
            }
        }
        return tests.stream();
    }

    @Test
    void everyRegisterRowAndEveryProfileHasAnAnswerHere() {
        Map<Ambiguity, Row> byRow = new EnumMap<>(Ambiguity.class);
        rows().forEach(row -> byRow.put(row.row(), row));
        assertThat(byRow.keySet()).containsExactlyInAnyOrder(Ambiguity.values());
        for (Row row : byRow.values()) {
            assertThat(row.answers().keySet()).as(row.row().id())
                    .containsExactlyInAnyOrderElementsOf(Profiles.all().stream().map(Profile::name).toList());
        }
    }

    /**
     * The register's "Text allows" set for each row (the braces in SPEC.md) against the literal
     * profile: mach3 must allow at least that set, and exactly it where the row calls mach3's answer
     * the text's. A row without braces must call mach3's answer a choice.
     */
    @TestFactory
    Stream<DynamicTest> theLiteralProfileAllowsWhatTheTextAllows() throws java.io.IOException {
        Map<String, Map<String, String>> register = RegisterText.read();
        List<DynamicTest> tests = new ArrayList<>();
        for (Row row : rows()) {
            tests.add(DynamicTest.dynamicTest(row.row().id() + " mach3 against the text", () -> {
                Map<String, String> fields = register.get(row.row().id());
                assertThat(fields).as("SPEC.md row " + row.row().id()).isNotNull();
                Set<Integer> text = RegisterText.codesInBraces(fields.get("Text allows"));
                String literal = fields.get("Literal profile");
                Vm vm = new Vm(Profiles.MACH3, row.geometry());
                row.layout().accept(vm);
                Set<Integer> mach3 = row.call().ask(vm);
                if (text == null) {
                    assertThat(literal).as(row.row().id() + ": a question the text cannot answer").startsWith("a choice");
                    return;
                }
                assertThat(mach3).as(row.row().id() + ": mach3 must allow what the text allows").containsAll(text);
                assertThat(literal).as(row.row().id()).matches("(the text's|a choice).*");
                if (literal.startsWith("the text's")) {
                    assertThat(mach3).as(row.row().id() + ": mach3's answer is called the text's").isEqualTo(text);
                }
            }));
        }
        return tests.stream();
    }
}
