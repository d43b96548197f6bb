package gov.keyproject.assessment;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The assessment domain (colours, notices, scores and the bulletin's formats) is plain Java: no Spring, MongoDB/BSON,
 * Kafka or platform code, so it can be tested and replayed without any infrastructure.
 */
class DomainArchitectureTest {

    private static final String[] DOMAIN = {
            "gov.keyproject.assessment.warning",
            "gov.keyproject.assessment.notice",
            "gov.keyproject.assessment.ranking",
            "gov.keyproject.assessment.bulletin"};

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(DOMAIN);

    private static final ArchRule PLAIN = noClasses().should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..",
                    "org.bson..",
                    "com.mongodb..",
                    "org.apache.kafka..",
                    "gov.keyproject.platform..")
            .because("the assessment domain is plain Java, testable and replayable without infrastructure");

    @ParameterizedTest(name = "{0} is free of Spring, MongoDB, Kafka and platform code")
    @ValueSource(strings = {
            "gov.keyproject.assessment.warning",
            "gov.keyproject.assessment.notice",
            "gov.keyproject.assessment.ranking",
            "gov.keyproject.assessment.bulletin"})
    void theDomainPackagesStayPlain(String domainPackage) {
        JavaClasses domain = MAIN.that(JavaClass.Predicates.resideInAPackage(domainPackage + ".."));
        assertThat(domain).as("classes in " + domainPackage).isNotEmpty();
        PLAIN.check(domain);
    }

    /** The rule is not vacuous: the Spring application class itself breaks it. */
    @Test
    void theRuleCatchesASpringDependency() {
        JavaClasses application = new ClassFileImporter().importClasses(AssessmentApplication.class);
        assertThatThrownBy(() -> PLAIN.check(application)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("org.springframework");
    }
}
