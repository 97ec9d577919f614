package vmck.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import vmck.spec.Clause;

/** The base class's own rules: which clauses run, and which JUnit it accepts. */
class VmCopyConformanceTestTest {

    @Test
    void withNoSelectionEveryClauseGetsATest() {
        assertThat(VmCopyConformanceTest.selected(null)).containsExactly(Clause.values());
        assertThat(VmCopyConformanceTest.selected(" ")).containsExactly(Clause.values());
    }

    @Test
    void aSelectionRunsThoseClausesInCatalogueOrder() {
        assertThat(VmCopyConformanceTest.selected("VMC-COPY-1, VMC-ALIGN-1"))
                .containsExactly(Clause.VMC_ALIGN_1, Clause.VMC_COPY_1);
    }

    @Test
    void anUnknownClauseIsNamedWithTheKnownOnes() {
        assertThatThrownBy(() -> VmCopyConformanceTest.selected("VMC-COPY-9"))
                .hasMessageContaining("\"VMC-COPY-9\", which is no clause").hasMessageContaining("VMC-COPY-1");
    }

    @Test
    void junit510AndNewerOnBothLinesAreAccepted() {
        assertThat(VmCopyConformanceTest.unsupportedJunit("5.10.3")).isNull();
        assertThat(VmCopyConformanceTest.unsupportedJunit("5.11.4")).isNull();
        assertThat(VmCopyConformanceTest.unsupportedJunit("6.1.3")).isNull();
        assertThat(VmCopyConformanceTest.unsupportedJunit("6.0.0-M1")).isNull();
        assertThat(VmCopyConformanceTest.unsupportedJunit(null)).isNull();
    }

    @Test
    void anOlderJunitIsRefusedWithWhatToDo() {
        assertThat(VmCopyConformanceTest.unsupportedJunit("5.9.3"))
                .contains("5.10 or newer").contains("runs on 5.9.3").contains("junit-bom");
    }

    @Test
    void theRunningJunitIsTheKitsFloor() {
        // The kit's own tests run on the oldest JUnit it supports (conformance-tests/pom.xml).
        assertThat(org.junit.jupiter.api.TestFactory.class.getPackage().getImplementationVersion()).startsWith("5.10.");
    }
}
