package vmck.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The kit is what a Java implementer adds as one test-scoped dependency, so it stays lean: no JSON,
 * no command line, nothing of the tool built on top of it (module {@code cli}). Maven already keeps
 * the cli's classes off this module's class path; these rules also catch a library slipping in
 * through a transitive dependency.
 */
class KitBoundaryTest {

    private static final String[] KIT_PACKAGES = {"vmck.engine..", "vmck.scenario..", "vmck.conformance..", "vmck.junit.."};

    private static JavaClasses kit;

    @BeforeAll
    static void importTheKit() {
        kit = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("vmck.engine", "vmck.scenario", "vmck.conformance", "vmck.junit");
    }

    @Test
    void theImportSeesEveryKitPackage() {
        // A rule over an empty import passes vacuously.
        for (String pkg : KIT_PACKAGES) {
            assertThat(kit.containPackage(pkg.replace("..", ""))).as(pkg).isTrue();
        }
    }

    @Test
    void theKitUsesNoJsonNoCommandLineAndNothingOfTheTool() {
        noClasses().that().resideInAnyPackage(KIT_PACKAGES)
                .should().dependOnClassesThat().resideInAnyPackage(
                        "com.fasterxml..", "picocli..", "vmck.cli..", "vmck.adapter..", "vmck.report..",
                        "vmck.vectors..", "vmck.clarify..", "vmck.json..", "vmck.samples..")
                .check(kit);
    }

    @Test
    void theEngineKnowsNothingAboutMach() {
        // So it can be reused as is, and no Mach notion hides in generation or shrinking.
        classes().that().resideInAPackage("vmck.engine..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("vmck.engine..", "java..")
                .check(kit);
    }
}
