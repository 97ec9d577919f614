package vmck.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import vmck.spec.SpecDocument.SpecFormatException;

/** The SPEC.md parser and checks, on small texts: each check can fail. */
class SpecDocumentTest {

    private static final String TASK_1 = """
            ### VMC-TASK-1 · target_task must name a live task
            - **Kind:** required
            - **Statement:** MUST fail.
            - **Provenance:** vm_copy.man lines 70-71
            - **Rationale:** why.
            """;

    private static final String ALIGN_1 = """
            ### VMC-ALIGN-1 · source_address must be page-aligned
            - **Kind:** profile-dependent
            - **Statement:** MUST be aligned.
            - **Provenance:** vm_copy.man lines 105-108
            - **Rationale:** why.
            - **Profiles:** mach3: first; gnumach: late; xnu (planned): none
            """;

    private static final String ROW_1 = """
            ### AMB-01 · count 0
            - **Seed says:** silent (lines 79-80)
            - **Text allows:** {`KERN_SUCCESS`}
            - **GNU Mach:** success
            - **XNU:** success
            - **Profiles:** mach3: a; gnumach: b; xnu (planned): c
            - **Literal profile:** the text's.
            - **Clauses:** VMC-ZERO-1, VMC-ORDER-4
            """;

    private static final List<Clause> FIRST_TWO = List.of(Clause.VMC_TASK_1, Clause.VMC_ALIGN_1);

    @Test
    void parsesBlocksFieldsAndContinuationLines() {
        SpecDocument doc = SpecDocument.parse("# Title\n\nprose VMC-TASK-1\n\n" + TASK_1
                + "  continued.\n\n## Next\n\nprose\n\n" + ROW_1);
        assertThat(doc.clauses()).singleElement().satisfies(block -> {
            assertThat(block.id()).isEqualTo("VMC-TASK-1");
            assertThat(block.title()).isEqualTo("target_task must name a live task");
            assertThat(block.field("Kind")).isEqualTo("required");
            assertThat(block.field("Rationale")).isEqualTo("why. continued.");
            assertThat(block.line()).isEqualTo(5);
        });
        assertThat(doc.registerRows()).singleElement().satisfies(row ->
                assertThat(SpecDocument.idList(row.field("Clauses"))).containsExactly("VMC-ZERO-1", "VMC-ORDER-4"));
    }

    @Test
    void aHeadingEndsABlockSoProseAfterItIsNotAField() {
        SpecDocument doc = SpecDocument.parse(TASK_1 + "\n### 9.9 Notes\n\n- **Kind:** untestable\n");
        assertThat(doc.clauses()).singleElement().satisfies(block ->
                assertThat(block.field("Kind")).isEqualTo("required"));
    }

    @Test
    void rejectsStrayLineInsideABlock() {
        assertThatThrownBy(() -> SpecDocument.parse(TASK_1 + "stray prose\n"))
                .isInstanceOf(SpecFormatException.class).hasMessageContaining("line 6").hasMessageContaining("stray");
    }

    @Test
    void rejectsRepeatedField() {
        assertThatThrownBy(() -> SpecDocument.parse(TASK_1 + "- **Kind:** untestable\n"))
                .isInstanceOf(SpecFormatException.class).hasMessageContaining("repeated");
    }

    @Test
    void rejectsIdHeadingWithoutTheMiddleDot() {
        assertThatThrownBy(() -> SpecDocument.parse("### VMC-TASK-1 - target_task must name a live task\n"))
                .isInstanceOf(SpecFormatException.class).hasMessageContaining("malformed block heading");
    }

    @Test
    void catalogueCheckPassesOnMatchingText() {
        assertThat(SpecChecks.catalogueMismatches(SpecDocument.parse(TASK_1 + ALIGN_1), FIRST_TWO)).isEmpty();
    }

    @Test
    void catalogueCheckReportsWrongOrder() {
        assertThat(SpecChecks.catalogueMismatches(SpecDocument.parse(ALIGN_1 + TASK_1), FIRST_TWO))
                .anyMatch(p -> p.contains("SPEC.md has VMC-ALIGN-1 where Clause.java has VMC-TASK-1"));
    }

    @Test
    void catalogueCheckReportsWrongTitleAndKind() {
        String broken = TASK_1.replace("live task", "task").replace("required", "untestable");
        assertThat(SpecChecks.catalogueMismatches(SpecDocument.parse(broken + ALIGN_1), FIRST_TWO))
                .hasSize(2).anyMatch(p -> p.contains("title")).anyMatch(p -> p.contains("kind"));
    }

    @Test
    void catalogueCheckReportsMissingAndExtraClauses() {
        assertThat(SpecChecks.catalogueMismatches(SpecDocument.parse(TASK_1), FIRST_TWO))
                .containsExactly("#2: VMC-ALIGN-1 missing from SPEC.md");
        assertThat(SpecChecks.catalogueMismatches(SpecDocument.parse(TASK_1 + ALIGN_1), List.of(Clause.VMC_TASK_1)))
                .singleElement().asString().contains("not in Clause.java");
    }

    @Test
    void fieldCheckReportsEmptyStatementAndMissingRationale() {
        String broken = TASK_1.replace("MUST fail.", "").replace("- **Rationale:** why.\n", "");
        assertThat(SpecChecks.missingClauseFields(SpecDocument.parse(broken)))
                .containsExactlyInAnyOrder("VMC-TASK-1: empty or missing Statement",
                        "VMC-TASK-1: empty or missing Rationale");
    }

    @Test
    void profilesLineCheckReportsMissingLineAndMissingProfile() {
        String noLine = ALIGN_1.replaceAll("- \\*\\*Profiles:.*\\n", "");
        assertThat(SpecChecks.profilesLineProblems(SpecDocument.parse(noLine), List.of(Profiles.MACH3, Profiles.GNUMACH)))
                .containsExactly("VMC-ALIGN-1: profile-dependent without a Profiles line");
        String noGnumach = ALIGN_1.replace("gnumach: late; ", "");
        assertThat(SpecChecks.profilesLineProblems(SpecDocument.parse(noGnumach), List.of(Profiles.MACH3, Profiles.GNUMACH)))
                .containsExactly("VMC-ALIGN-1: Profiles line does not answer for gnumach");
        assertThat(SpecChecks.profilesLineProblems(SpecDocument.parse(ALIGN_1 + TASK_1), List.of(Profiles.MACH3, Profiles.GNUMACH))).isEmpty();
    }

    @Test
    void registerCheckReportsWrongClauseListAndTitle() {
        String broken = ROW_1.replace("VMC-ZERO-1, VMC-ORDER-4", "VMC-ZERO-1").replace("count 0", "zero");
        List<String> problems = SpecChecks.registerMismatches(SpecDocument.parse(broken), List.of(Ambiguity.AMB_01));
        assertThat(problems).hasSize(2).anyMatch(p -> p.contains("title")).anyMatch(p -> p.contains("clauses"));
        assertThat(SpecChecks.registerMismatches(SpecDocument.parse(ROW_1), List.of(Ambiguity.AMB_01))).isEmpty();
    }

    @Test
    void registerCheckReportsMissingRowAndMissingField() {
        assertThat(SpecChecks.registerMismatches(SpecDocument.parse(ROW_1), List.of(Ambiguity.AMB_01, Ambiguity.AMB_02)))
                .containsExactly("AMB-02 missing from SPEC.md");
        String noXnu = ROW_1.replace("- **XNU:** success\n", "");
        assertThat(SpecChecks.registerMismatches(SpecDocument.parse(noXnu), List.of(Ambiguity.AMB_01)))
                .containsExactly("AMB-01: empty or missing XNU");
    }

    @Test
    void unregisteredCheckReportsProfileDependentClauseInNoRow() {
        assertThat(SpecChecks.unregisteredProfileDependentClauses(SpecDocument.parse(ALIGN_1 + ROW_1)))
                .containsExactly("VMC-ALIGN-1: profile-dependent but in no register row");
        assertThat(SpecChecks.unregisteredProfileDependentClauses(
                SpecDocument.parse(ALIGN_1 + ROW_1.replace("VMC-ORDER-4", "VMC-ALIGN-1")))).isEmpty();
    }

    @Test
    void unknownIdCheckReportsClauseAndRowIdsThatDoNotExist() {
        SpecDocument doc = SpecDocument.parse("See VMC-TASK-9 and AMB-77.\n\n" + ROW_1);
        assertThat(SpecChecks.unknownIds(doc))
                .containsExactly("mentions unknown clause VMC-TASK-9", "mentions unknown register row AMB-77");
        assertThat(SpecChecks.unknownIds(SpecDocument.parse("See VMC-ALIGN-1..3 and AMB-01.\n\n" + ROW_1))).isEmpty();
    }

    @Test
    void profileTableCheckReportsAWrongTraitAndAMissingColumn() {
        String table = """
                | Trait | mach3 (default) | gnumach |
                |---|---|---|
                | checkOrder | TASK, ALIGNMENT, COUNT_ZERO, SOURCE, DESTINATION | TASK, COUNT_ZERO, SOURCE, ALIGNMENT, DESTINATION |
                | invalidTaskResults | MACH_SEND_INVALID_DEST, KERN_INVALID_ARGUMENT | KERN_INVALID_ARGUMENT, MACH_SEND_INVALID_DEST |
                | sourceBounds | CHECKED_FIRST | WRAP_FIRST |
                | destinationBounds | CHECKED_FIRST | CHECKED_FIRST |
                | sourceNeedsMaxRead | false | false |
                | bufferedCopyLimit | 0 | 0 |
                | alignmentOrderOpen | true | false |
                | rangeProblemsOrderOpen | true | false |
                | zeroCountMayCheckAddresses | true | false |
                | failedWriteMayLeavePrefix | true | false |
                | nativeGeometry | i386 | i386 |
                | deadTaskResult | KERN_INVALID_ARGUMENT | MACH_SEND_INVALID_DEST |
                | provenance | %s | %s |
                """.formatted(Profiles.MACH3.provenance(), Profiles.GNUMACH.provenance());
        assertThat(SpecChecks.profileTableMismatches(SpecDocument.parse(table), List.of(Profiles.MACH3, Profiles.GNUMACH)))
                .containsExactly("gnumach.destinationBounds: table says 'CHECKED_FIRST' but Profiles.java says 'IN_WALK'");
        String fixed = table.replace("| CHECKED_FIRST | CHECKED_FIRST |\n| sourceNeedsMaxRead",
                "| CHECKED_FIRST | IN_WALK |\n| sourceNeedsMaxRead");
        assertThat(SpecChecks.profileTableMismatches(SpecDocument.parse(fixed), List.of(Profiles.MACH3, Profiles.GNUMACH))).isEmpty();
        assertThat(SpecChecks.profileTableMismatches(SpecDocument.parse(fixed.replace("gnumach |", "other |")),
                List.of(Profiles.MACH3, Profiles.GNUMACH))).containsExactly("profiles table has no column for gnumach");
        String otherTableFirst = "| Call | mach3 | gnumach |\n|---|---|---|\n| x | y | z |\n\n" + fixed;
        assertThat(SpecChecks.profileTableMismatches(SpecDocument.parse(otherTableFirst), List.of(Profiles.MACH3, Profiles.GNUMACH))).isEmpty();
        assertThat(SpecChecks.profileTableMismatches(SpecDocument.parse("| Call | mach3 |\n|---|---|\n"),
                List.of(Profiles.MACH3, Profiles.GNUMACH))).containsExactly("no profiles table with a 'Trait' header");
    }
}
