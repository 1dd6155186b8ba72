package eu.enclave.egress.orchestrator;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OrchestratorSettings.class)
class OrchestratorConfiguration {

    private static final Logger log = LoggerFactory.getLogger(OrchestratorConfiguration.class);

    @Bean
    ServiceCredential serviceCredential(OrchestratorSettings settings) {
        if (settings.credentialFile() == null) {
            log.warn("No service credential for the orchestrator's internal API (enclave.orchestrator.credential-file):"
                    + " every intake call and decision will be refused with 503 until one is configured.");
        }
        return new ServiceCredential(settings.credentialFile());
    }

    @Bean
    InternalApiClient internalApiClient(OrchestratorSettings settings, ServiceCredential credential) {
        return new InternalApiClient(settings, credential);
    }

    @Bean
    Orchestrator orchestrator(InternalApiClient client, Clock clock, OrchestratorSettings settings) {
        return new Orchestrator(client, clock, settings.cacheTtl());
    }
}
