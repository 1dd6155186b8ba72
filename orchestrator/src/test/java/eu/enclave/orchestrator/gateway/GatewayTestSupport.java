package eu.enclave.orchestrator.gateway;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** Puts {@link TestDesktopWorkspaces} in place of the interim ports (both of them: it implements each). */
@TestConfiguration(proxyBeanMethods = false)
public class GatewayTestSupport {

    @Bean
    @Primary
    TestDesktopWorkspaces testDesktopWorkspaces() {
        return new TestDesktopWorkspaces();
    }
}
