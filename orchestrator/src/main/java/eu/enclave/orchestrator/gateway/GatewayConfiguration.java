package eu.enclave.orchestrator.gateway;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** The gateway's settings: guacd's address and the desktop defaults and limits. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({GuacdSettings.class, DesktopDefaults.class})
class GatewayConfiguration {
}
