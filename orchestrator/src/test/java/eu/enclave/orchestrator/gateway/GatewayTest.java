package eu.enclave.orchestrator.gateway;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Import;

/**
 * The gateway tests' context: {@link GatewayServerTest} with {@link TestDesktopWorkspaces} behind the gateway's
 * ports, so that a test can register the workspace it connects to. guacd's address is the test's to give.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@GatewayServerTest
@Import(GatewayTestSupport.class)
public @interface GatewayTest {
}
