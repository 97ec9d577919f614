package vmck.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import vmck.spec.SpecDocument.Block;

/** SPEC.md agrees with the machine-readable catalogues: Clause, Ambiguity and Profiles. */
class SpecCatalogueTest {

    /** Maven runs tests with the module directory as the working directory. */
    static final Path SPEC = Path.of("SPEC.md");

    private static SpecDocument doc;

    @BeforeAll
    static void parseSpec() {
        assertThat(SPEC).as("SPEC.md next to the spec module's pom.xml").isRegularFile();
        doc = SpecDocument.read(SPEC);
    }

    @Test
    void clauseIdsOrderKindsAndTitlesEqualClauseValues() {
        assertThat(SpecChecks.catalogueMismatches(doc, List.of(Clause.values()))).isEmpty();
        assertThat(doc.clauses()).extracting(Block::id)
                .containsExactlyElementsOf(Arrays.stream(Clause.values()).map(Clause::id).toList());
    }

    @Test
    void everyClauseHasNonEmptyKindStatementProvenanceAndRationale() {
        assertThat(SpecChecks.missingClauseFields(doc)).isEmpty();
    }

    @Test
    void everyProfileDependentClauseHasAProfilesLineForEachProfileAndPlannedXnu() {
        assertThat(SpecChecks.profilesLineProblems(doc, Profiles.all())).isEmpty();
    }

    @Test
    void registerRowsEqualAmbiguityValuesWithTitlesAndClauseLists() {
        assertThat(SpecChecks.registerMismatches(doc, List.of(Ambiguity.values()))).isEmpty();
    }

    @Test
    void everyProfileDependentClauseAppearsInSomeRegisterRow() {
        assertThat(SpecChecks.unregisteredProfileDependentClauses(doc)).isEmpty();
    }

    @Test
    void registerHasAtLeastTwelveRows() {
        assertThat(doc.registerRows()).hasSizeGreaterThanOrEqualTo(12);
    }

    @Test
    void everyClauseIdAndRegisterIdMentionedAnywhereExists() {
        assertThat(doc.mentionedClauseIds()).isNotEmpty();
        assertThat(SpecChecks.unknownIds(doc)).isEmpty();
    }

    @Test
    void profilesTableMatchesProfilesJava() {
        assertThat(SpecChecks.profileTableMismatches(doc, Profiles.all())).isEmpty();
    }

    @Test
    void provenanceCitesTheSeedOrAKernelSource() {
        assertThat(doc.blocks()).allSatisfy(block -> {
            String cited = block.isClause() ? block.field("Provenance") : block.field("Seed says");
            if (block.isClause()) {
                assertThat(cited).as(block.id()).containsAnyOf("vm_copy.man", "gnumach", "xnu");
            } else {
                assertThat(cited).as(block.id()).containsAnyOf("line", "silent");
            }
        });
    }
}
