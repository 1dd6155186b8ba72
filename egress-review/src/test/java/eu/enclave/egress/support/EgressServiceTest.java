package eu.enclave.egress.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * The one running egress-review that the service tests share (same annotation, same cached context): both
 * listeners on free ports (people's port: {@code @LocalServerPort}; intake: {@code IntakeConnector.port()}), embedded
 * PostgreSQL, the JVM's {@link eu.enclave.egress.orchestrator.OrchestratorPeer#shared() orchestrator peer} as the
 * internal API, a blob store in a temporary folder, a {@link eu.enclave.platform.testing.MutableClock} in place of
 * the service's clock (tests that move it reset it), a {@link ScriptedOutputChecker} in place of the checks engine,
 * the check queue's background worker off (tests run the queue themselves), and small intake limits (8 MB per file,
 * 20 files per request, 32 MB per project and day, 5 pre-submission checks a minute) so that tests reach them. Tests script projects of their own on the peer, so that they never depend on each other.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "enclave.intake.port=0",
    "enclave.checks.queue.enabled=false",
    "enclave.intake.sweep-interval=PT24H",
    "enclave.intake.max-file-size=8MB",
    "enclave.intake.max-files-per-request=20",
    "enclave.intake.max-bytes-per-project-per-day=32MB",
    "enclave.intake.checks-per-minute=5"})
@ContextConfiguration(initializers = EgressTestContext.class)
@Import(EgressTestConfiguration.class)
public @interface EgressServiceTest {
}
