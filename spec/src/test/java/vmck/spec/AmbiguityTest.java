package vmck.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

/** The machine-readable ambiguity register on its own (its agreement with SPEC.md is in SpecCatalogueTest). */
class AmbiguityTest {

    @Test
    void idsAreAmbDashTwoDigitsNumberedFromOneWithoutGaps() {
        Ambiguity[] rows = Ambiguity.values();
        for (int i = 0; i < rows.length; i++) {
            assertThat(rows[i].id()).isEqualTo(String.format("AMB-%02d", i + 1));
            assertThat(Ambiguity.byId(rows[i].id())).contains(rows[i]);
        }
        assertThat(Ambiguity.byId("AMB-99")).isEmpty();
    }

    @Test
    void everyRowHasATitleAndAtLeastOneClause() {
        assertThat(Ambiguity.values()).allSatisfy(row -> {
            assertThat(row.title()).isNotBlank();
            assertThat(row.clauses()).isNotEmpty().doesNotHaveDuplicates();
        });
    }

    @Test
    void everyProfileDependentClauseIsConcernedBySomeRow() {
        assertThat(Arrays.stream(Clause.values()).filter(c -> c.kind() == Clause.Kind.PROFILE_DEPENDENT))
                .allSatisfy(clause -> assertThat(Ambiguity.concerning(clause)).as(clause.id()).isNotEmpty());
    }

    @Test
    void concerningListsRowsInRegisterOrder() {
        assertThat(Ambiguity.concerning(Clause.VMC_ZERO_1)).containsExactly(Ambiguity.AMB_01, Ambiguity.AMB_10);
        assertThat(Ambiguity.concerning(Clause.VMC_CONC_1)).isEmpty();
    }

    @Test
    void registerHasAtLeastFourteenRows() {
        assertThat(Ambiguity.values()).hasSizeGreaterThanOrEqualTo(14);
    }
}
