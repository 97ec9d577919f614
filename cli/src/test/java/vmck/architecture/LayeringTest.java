package vmck.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * Holds the one-way line between modules: spec ← reference-impl ← conformance-tests (the kit) ← cli,
 * with samples beside the kit. It lives in cli, the one module that sees every other. Maven already
 * forbids a module from seeing a later one; these rules also catch package-level tangles. The kit's
 * own boundary (no JSON, no command line, an engine without Mach) is held by the kit's KitBoundaryTest.
 */
class LayeringTest {

    private static final String[] CONFORMANCE_PACKAGES = {
        "vmck.engine..", "vmck.scenario..", "vmck.conformance..", "vmck.adapter..", "vmck.report..",
        "vmck.cli..", "vmck.junit..", "vmck.samples..", "vmck.clarify..", "vmck.vectors..", "vmck.json.."
    };

    private static final String[] CONFORMANCE_PACKAGES_BUT_SAMPLES = java.util.Arrays.stream(CONFORMANCE_PACKAGES)
            .filter(pkg -> !pkg.equals("vmck.samples..")).toArray(String[]::new);

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("vmck");
    }

    @Test
    void theImportSeesEveryModule() {
        // A rule over an empty import passes vacuously: make sure each layer is really there.
        org.assertj.core.api.Assertions.assertThat(classes.containPackage("vmck.spec")).isTrue();
        org.assertj.core.api.Assertions.assertThat(classes.containPackage("vmck.model")).isTrue();
        org.assertj.core.api.Assertions.assertThat(classes.containPackage("vmck.conformance")).isTrue();
        org.assertj.core.api.Assertions.assertThat(classes.containPackage("vmck.samples")).isTrue();
        org.assertj.core.api.Assertions.assertThat(classes.containPackage("vmck.cli")).isTrue();
    }

    @Test
    void specDependsOnNothingOfOurs() {
        noClasses().that().resideInAPackage("vmck.spec..")
                .should().dependOnClassesThat().resideInAnyPackage(concat("vmck.model..", CONFORMANCE_PACKAGES))
                .check(classes);
    }

    @Test
    void referenceImplDependsOnlyOnSpec() {
        noClasses().that().resideInAPackage("vmck.model..")
                .should().dependOnClassesThat().resideInAnyPackage(CONFORMANCE_PACKAGES)
                .check(classes);
    }

    @Test
    void theSamplesDependOnTheSpecOnly() {
        // They are implementations a user could have written: no kit, no tool.
        noClasses().that().resideInAPackage("vmck.samples..")
                .should().dependOnClassesThat().resideInAnyPackage(CONFORMANCE_PACKAGES_BUT_SAMPLES)
                .check(classes);
    }

    @Test
    void theExampleImplementationsAreWrittenApartFromTheModel() {
        noClasses().that().resideInAPackage("vmck.samples..")
                .should().dependOnClassesThat().resideInAPackage("vmck.model..")
                .check(classes);
    }

    @Test
    void packagesHaveNoCycles() {
        slices().matching("vmck.(*)..").should().beFreeOfCycles().check(classes);
    }

    private static String[] concat(String first, String[] rest) {
        String[] all = new String[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }
}
