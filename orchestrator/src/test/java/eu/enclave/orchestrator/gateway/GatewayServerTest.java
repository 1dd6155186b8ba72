package eu.enclave.orchestrator.gateway;

import eu.enclave.orchestrator.support.TestSupportConfiguration;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

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
@Import(TestSupportConfiguration.class)
public @interface GatewayServerTest {
}
