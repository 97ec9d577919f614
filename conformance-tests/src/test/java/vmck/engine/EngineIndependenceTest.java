package vmck.engine;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class EngineIndependenceTest {

    @Test
    void engineDependsOnlyOnItselfAndTheJdk() {
        // So it knows nothing about Mach (vmck.spec, vmck.model, ...) and can be reused as is.
        JavaClasses engine = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("vmck.engine");

        classes().that().resideInAPackage("vmck.engine..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("vmck.engine..", "java..")
                .check(engine);
    }
}
