package eu.enclave.orchestrator.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * The one demo-mode context that the API tests share (same annotation, same cached context): embedded
 * PostgreSQL, the demo directory plus {@code outsider} (no roles, no membership), MockMvc through the real
 * security filter chain, and a {@link MutableClock} in place of the application's clock. The periodic
 * end-date job is pushed out of the way so that only the tests that call it move anything.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(properties = "enclave.lifecycle.check-interval=PT24H")
@TestPropertySource(locations = "classpath:demo-users.properties")
@AutoConfigureMockMvc
@Import(TestSupportConfiguration.class)
public @interface OrchestratorApiTest {
}
