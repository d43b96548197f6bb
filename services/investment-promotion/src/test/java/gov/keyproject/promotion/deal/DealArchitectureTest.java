package gov.keyproject.promotion.deal;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;

/** The deal domain is plain Java: no Spring, MongoDB, Kafka or other framework; only the JDK and the contracts. */
class DealArchitectureTest {

    @Test
    void the_deal_domain_depends_only_on_the_jdk_and_the_contracts() {
        JavaClasses deal = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("gov.keyproject.promotion.deal");
        assertThat(deal).as("classes imported").hasSizeGreaterThan(10);
        classes().should().onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "gov.keyproject.promotion.deal..", "gov.keyproject.contracts..")
                .check(deal);
    }
}
