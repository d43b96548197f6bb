package gov.keyproject.statistics.figures;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

/** The figures are plain Java: no Spring, MongoDB, Kafka or other framework; only the JDK and the shared contracts. */
class FiguresArchitectureTest {

    @Test
    void figures_depend_only_on_the_jdk_and_the_contracts() {
        JavaClasses figures = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("gov.keyproject.statistics.figures");
        classes().should().onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "gov.keyproject.statistics.figures..", "gov.keyproject.contracts..")
                .check(figures);
    }
}
