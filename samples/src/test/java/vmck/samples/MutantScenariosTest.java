package vmck.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import vmck.spec.Clause;
import vmck.spec.Geometry;
import vmck.spec.MachVm;
import vmck.spec.Profiles;
import vmck.spec.VmProt;

/**
 * Each mutant against one hand-written scenario of plain SPI calls: the correct MachMapVm (same
 * profile) must give the expected observations, and the mutant must not, so every mutant is shown
 * to be really broken and every expectation is shown to be right.
 */
class MutantScenariosTest {
    private static final Geometry GEOMETRY = Geometry.I386;
    private static final long SRC = 0x10000;
    private static final long DST = 0x10_0000;
    private static final long UNMAPPED = 0x20_0000;
    private static final long TOP_PAGE = GEOMETRY.maxAddress() - GEOMETRY.pageSize();

    /** A scenario runs in a fresh task and returns what it observed. */
    private record Scenario(Function<TaskMemory, List<Object>> run, List<Object> expected) {
    }

    private static final Map<Mutant, Scenario> SCENARIOS = new EnumMap<>(Mutant.class);

    static {
        SCENARIOS.put(Mutant.FORWARD_MEMCPY_ON_OVERLAP, new Scenario(m -> {
            m.allocate(SRC, 4).fill(SRC, 1, 2, 3, 4);
            int kr = m.copy(SRC, m.pages(3), SRC + m.page);
            return List.of(kr, m.tags(SRC, 4));
        }, List.of(0, List.of(1, 1, 2, 3))));

        SCENARIOS.put(Mutant.DESTINATION_BEFORE_SOURCE, new Scenario(m -> {
            m.allocate(DST, 1).protect(DST, 1, VmProt.READ);
            return List.of(m.copy(UNMAPPED, m.pages(1), DST));
        }, List.of(1)));

        SCENARIOS.put(Mutant.ERRORS_BY_KIND, new Scenario(m -> {
            m.allocate(SRC + m.page, 1).protect(SRC + m.page, 1, VmProt.NONE);
            m.allocate(DST, 2);
            return List.of(m.copy(SRC, m.pages(2), DST)); // hole at SRC comes before the unreadable page
        }, List.of(1)));

        SCENARIOS.put(Mutant.PARTIAL_WRITES_ON_FAILURE, new Scenario(m -> {
            m.allocate(SRC, 2).fill(SRC, 1, 2);
            m.allocate(DST, 2).fill(DST, 7, 8).protect(DST + m.page, 1, VmProt.READ);
            int kr = m.copy(SRC, m.pages(2), DST);
            return List.of(kr, m.tags(DST, 2));
        }, List.of(2, List.of(7, 8))));

        SCENARIOS.put(Mutant.ALIASING_WITHOUT_COPY_ON_WRITE, new Scenario(m -> {
            m.allocate(SRC, 1).fill(SRC, 1);
            m.allocate(DST, 1).fill(DST, 9);
            int kr = m.copy(SRC, m.pages(1), DST);
            m.fill(SRC, 5);
            return List.of(kr, m.tags(DST, 1));
        }, List.of(0, List.of(1))));

        SCENARIOS.put(Mutant.LAST_PAGE_DROPPED, new Scenario(m -> {
            m.allocate(SRC, 2).fill(SRC, 1, 2);
            m.allocate(DST, 2).fill(DST, 7, 8);
            int kr = m.copy(SRC, m.pages(2), DST);
            return List.of(kr, m.tags(DST, 2));
        }, List.of(0, List.of(1, 2))));

        SCENARIOS.put(Mutant.PROTECTION_COPIED_FROM_SOURCE, new Scenario(m -> {
            m.allocate(SRC, 1).protect(SRC, 1, VmProt.READ);
            m.allocate(DST, 1);
            int kr = m.copy(SRC, m.pages(1), DST);
            return List.of(kr, m.protectionAt(DST), m.maxProtectionAt(DST));
        }, List.of(0, VmProt.DEFAULT, VmProt.ALL)));

        SCENARIOS.put(Mutant.SOURCE_READABILITY_UNCHECKED, new Scenario(m -> {
            m.allocate(SRC, 1).protect(SRC, 1, VmProt.WRITE);
            m.allocate(DST, 1);
            return List.of(m.copy(SRC, m.pages(1), DST));
        }, List.of(2)));

        SCENARIOS.put(Mutant.ONLY_FIRST_SOURCE_PAGE_CHECKED, new Scenario(m -> {
            m.allocate(SRC, 1);
            m.allocate(DST, 2).fill(DST, 7, 8);
            int kr = m.copy(SRC, m.pages(2), DST);
            return List.of(kr, m.tags(DST, 2));
        }, List.of(1, List.of(7, 8))));

        SCENARIOS.put(Mutant.UNALIGNED_SOURCE_ACCEPTED, new Scenario(m -> {
            m.allocate(SRC, 2).fill(SRC, 1, 2);
            m.allocate(DST, 1).fill(DST, 7);
            int kr = m.copy(SRC + 1, m.pages(1), DST);
            return List.of(kr, m.tags(DST, 1));
        }, List.of(4, List.of(7))));

        SCENARIOS.put(Mutant.WRAPPED_SOURCE_END_ACCEPTED, new Scenario(m -> {
            m.allocate(DST, 2);
            return List.of(m.copy(0xFFFF_F000L, m.pages(2), DST));
        }, List.of(1)));

        SCENARIOS.put(Mutant.LAST_PAGE_DROPPED_AFTER_40_COPIES, new Scenario(m -> {
            m.allocate(SRC, 2).fill(SRC, 1, 2);
            m.allocate(DST, 2);
            int failures = 0;
            for (int i = 0; i < 40; i++) {
                failures += m.copy(SRC, m.pages(2), DST) == 0 ? 0 : 1;
            }
            m.fill(SRC, 3, 4);
            int kr = m.copy(SRC, m.pages(2), DST);
            return List.of(failures, kr, m.tags(DST, 2));
        }, List.of(0, 0, List.of(3, 4))));

        SCENARIOS.put(Mutant.LARGE_DESTINATION_WRITABILITY_UNCHECKED, new Scenario(m -> {
            m.allocate(SRC, 64).fill(SRC, 1);
            m.allocate(DST, 64).protect(DST + m.pages(20), 1, VmProt.READ);
            int kr = m.copy(SRC, m.pages(64), DST);
            return List.of(kr, m.tags(DST, 1));
        }, List.of(2, List.of(0))));

        SCENARIOS.put(Mutant.HIGH_SOURCE_UNCHECKED, new Scenario(m -> {
            m.allocate(DST, 1);
            return List.of(m.copy(0x7000_0000L, m.pages(1), DST));
        }, List.of(1)));

        SCENARIOS.put(Mutant.EMPTY_COPY_LOOKS_UP_SOURCE, new Scenario(m ->
                List.of(m.copy(UNMAPPED, 0, UNMAPPED + m.pages(4))), List.of(0)));

        SCENARIOS.put(Mutant.COUNT_ZERO_BEFORE_ALIGNMENT, new Scenario(m ->
                List.of(m.copy(UNMAPPED + 1, 0, DST)), List.of(4)));

        SCENARIOS.put(Mutant.DEAD_TASK_SUCCEEDS, new Scenario(m -> {
            m.allocate(SRC, 1);
            m.allocate(DST, 1);
            int terminated = m.vm.taskTerminate(m.task);
            return List.of(terminated, m.copy(SRC, m.pages(1), DST));
        }, List.of(0, 4)));

        SCENARIOS.put(Mutant.DESTINATION_END_OF_MAP_UNNOTICED, new Scenario(m -> {
            m.allocate(SRC, 2).fill(SRC, 1, 2);
            m.allocate(TOP_PAGE, 1).fill(TOP_PAGE, 7);
            int kr = m.copy(SRC, m.pages(2), TOP_PAGE);
            return List.of(kr, m.tags(TOP_PAGE, 1));
        }, List.of(1, List.of(7))));

        SCENARIOS.put(Mutant.GNUMACH_ALIGNMENT_BEFORE_SOURCE, new Scenario(m -> {
            m.allocate(DST, 1);
            return List.of(m.copy(UNMAPPED + 1, m.pages(1), DST)); // gnumach walks the source first
        }, List.of(1)));

        SCENARIOS.put(Mutant.GNUMACH_SOURCE_WALK_TRUNCATES_END, new Scenario(m -> {
            m.allocate(SRC, 1);
            m.allocate(DST, 2);
            return List.of(m.copy(SRC, m.pages(1) + 1, DST)); // touches the hole at SRC + page
        }, List.of(1)));
    }

    @ParameterizedTest
    @EnumSource(Mutant.class)
    void correctImplementationGivesTheScenarioExpectation(Mutant mutant) {
        Scenario scenario = scenarioFor(mutant);
        assertThat(scenario.run().apply(new TaskMemory(mutant.createCorrect(GEOMETRY)))).isEqualTo(scenario.expected());
    }

    @ParameterizedTest
    @EnumSource(Mutant.class)
    void mutantDepartsFromTheScenarioExpectation(Mutant mutant) {
        Scenario scenario = scenarioFor(mutant);
        assertThat(scenario.run().apply(new TaskMemory(mutant.create(GEOMETRY)))).isNotEqualTo(scenario.expected());
    }

    @ParameterizedTest
    @EnumSource(Mutant.class)
    void catalogueEntryNamesAKnownVmCopyClauseAndASupportedProfile(Mutant mutant) {
        assertThat(mutant.expectedClause().isVmCopyClause()).as(mutant.toString()).isTrue();
        assertThat(mutant.profile()).isIn(Profiles.MACH3, Profiles.GNUMACH);
        assertThat(mutant.description()).isNotBlank();
        assertThat(mutant.create(GEOMETRY)).isInstanceOf(MachMapVm.class).isNotExactlyInstanceOf(MachMapVm.class);
    }

    @Test
    void catalogueHasAtLeastSixteenMutants() {
        assertThat(Mutant.values()).hasSizeGreaterThanOrEqualTo(16);
    }

    @Test
    void createGivesAFreshInstanceEachTime() {
        MachVm first = Mutant.LAST_PAGE_DROPPED_AFTER_40_COPIES.create(GEOMETRY);
        MachVm second = Mutant.LAST_PAGE_DROPPED_AFTER_40_COPIES.create(GEOMETRY);
        assertThat(first).isNotSameAs(second);
    }

    private static Scenario scenarioFor(Mutant mutant) {
        assertThat(SCENARIOS).as("every mutant has a hand-written scenario").containsKey(mutant);
        return SCENARIOS.get(mutant);
    }
}
