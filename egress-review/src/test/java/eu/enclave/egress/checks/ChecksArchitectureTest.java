package eu.enclave.egress.checks;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The checks engine is a library: nothing of Spring, servlets or the web reaches its packages. */
class ChecksArchitectureTest {

    private static final JavaClasses ENGINE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("eu.enclave.egress.checks");

    @Test
    void theEngineHasNoSpringOrWebDependency() {
        noClasses().that().resideInAPackage("eu.enclave.egress.checks..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta.servlet..",
                        "jakarta.persistence..", "java.net.http..", "java.sql..", "javax.sql..")
                .because("the engine is a pure library; egress-review wires it in eu.enclave.egress.checking")
                .check(ENGINE);
    }

    @Test
    void theEngineDependsOnNoOtherPartOfEgressReview() {
        noClasses().that().resideInAPackage("eu.enclave.egress.checks..")
                .should().dependOnClassesThat().resideInAnyPackage("eu.enclave.egress.intake..",
                        "eu.enclave.egress.request..", "eu.enclave.egress.review..", "eu.enclave.egress.release..",
                        "eu.enclave.egress.storage..", "eu.enclave.egress.checking..")
                .check(ENGINE);
    }
}
