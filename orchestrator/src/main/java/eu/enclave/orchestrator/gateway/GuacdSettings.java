package eu.enclave.orchestrator.gateway;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Where guacd listens ({@code enclave.guacd.*}); only the orchestrator ever knows this address. */
@ConfigurationProperties("enclave.guacd")
public record GuacdSettings(@DefaultValue("guacd") String host, @DefaultValue("4822") int port,
                            @DefaultValue("false") boolean tls) {
}
