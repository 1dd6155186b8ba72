package eu.enclave.orchestrator;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layering the code relies on: web classes go through services (and so through the access policy),
 * never straight to the database; services know nothing of the web.
 */
@AnalyzeClasses(packages = "eu.enclave.orchestrator", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule webDoesNotReachTheDatabase = noClasses().that().resideInAPackage("..web..")
            .should().dependOnClassesThat().haveSimpleNameEndingWith("Repository")
            .orShould().dependOnClassesThat().resideInAnyPackage("org.springframework.jdbc..")
            .because("every request must pass the service layer, where the access policy is checked");

    @ArchTest
    static final ArchRule servicesDoNotKnowTheWeb = noClasses().that().haveSimpleNameEndingWith("Service")
            .should().dependOnClassesThat().resideInAnyPackage("eu.enclave.orchestrator..web..", "jakarta.servlet..");

    @ArchTest
    static final ArchRule onlyServicesWriteTheAuditTrail = noClasses().that().resideInAPackage("..web..")
            .should().dependOnClassesThat().haveFullyQualifiedName("eu.enclave.platform.audit.AuditTrail")
            .because("an audit event is recorded in the same transaction as its change, inside a service");
}
