package eu.enclave.orchestrator.gateway;

import eu.enclave.orchestrator.support.TestSupportConfiguration;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * A real server on a random port (WebSockets need one) with the demo users of the API tests and the real
 * workspace feature behind the gateway's ports. guacd's address is the test's to give.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "enclave.lifecycle.check-interval=PT24H",
    "enclave.desktop.recording-root=/recordings",
})
@TestPropertySource(locations = "classpath:demo-users.properties")
@Import(TestSupportConfiguration.class)
public @interface GatewayServerTest {
}
