package eu.enclave.orchestrator.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

/**
 * The one demo-mode context that the API tests share (same annotation, same cached context): embedded
 * PostgreSQL, the demo directory plus {@code outsider} (no roles, no membership), MockMvc through the real
 * security filter chain, and a {@link MutableClock} in place of the application's clock. The periodic
 * end-date job is pushed out of the way so that only the tests that call it move anything.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(properties = {
    "enclave.lifecycle.check-interval=PT24H",
    "enclave.demo.users[0].username=admin",
    "enclave.demo.users[0].display-name=Alice Admin",
    "enclave.demo.users[0].roles[0]=ADMIN",
    "enclave.demo.users[1].username=steward",
    "enclave.demo.users[1].display-name=Sam Steward",
    "enclave.demo.users[1].roles[0]=STEWARD",
    "enclave.demo.users[2].username=pi",
    "enclave.demo.users[2].display-name=Paula Investigator",
    "enclave.demo.users[3].username=researcher",
    "enclave.demo.users[3].display-name=Rémi Researcher",
    "enclave.demo.users[4].username=reviewer",
    "enclave.demo.users[4].display-name=Rita Reviewer",
    "enclave.demo.users[5].username=outsider",
    "enclave.demo.users[5].display-name=Oscar Outsider",
})
@AutoConfigureMockMvc
@Import(TestSupportConfiguration.class)
public @interface OrchestratorApiTest {
}
