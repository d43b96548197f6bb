package gov.keyproject.registry;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Domain code stays free of Spring and MongoDB; only adapters (controllers, services, stores, consumers) use them. */
@AnalyzeClasses(packages = "gov.keyproject.registry", importOptions = ImportOption.DoNotIncludeTests.class)
class RegistryArchitectureTest {

    @ArchTest
    static final ArchRule domainIsFrameworkFree = noClasses()
            .that().haveSimpleNameNotEndingWith("Controller")
            .and().haveSimpleNameNotEndingWith("Service")
            .and().haveSimpleNameNotEndingWith("Store")
            .and().haveSimpleNameNotEndingWith("Consumer")
            .and().haveSimpleNameNotEndingWith("Configuration")
            .and().haveSimpleNameNotEndingWith("Application")
            .and().resideOutsideOfPackage("..web..")
            .and().areNotNestedClasses()
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.bson..", "com.mongodb..");
}
