package eu.enclave.egress.checking.queue;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CheckQueueSettings.class)
class CheckQueueConfiguration {
}
