package gov.keyproject.contracts;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The contracts stay plain Java: no Spring, no persistence; events are immutable records. */
@AnalyzeClasses(packages = "gov.keyproject.contracts", importOptions = ImportOption.DoNotIncludeTests.class)
class ContractsArchitectureTest {

    @ArchTest
    static final ArchRule noSpringOrPersistence = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("org.springframework..", "org.bson..", "com.mongodb..", "org.apache.kafka..");

    @ArchTest
    static final ArchRule eventsAreRecords = classes().that().implement(DomainEvent.class).should().beRecords();
}
