package eu.enclave.orchestrator.secret;

import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;

/** The secret backend chosen at startup, its store and database engine, and the token renewal schedule. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(VaultSettings.class)
class SecretConfiguration {

    @Bean
    SecretBackend secretBackend(VaultSettings settings, Clock clock) {
        return SecretBackends.open(settings, clock);
    }

    @Bean
    SecretStore secretStore(SecretBackend backend) {
        return backend.store();
    }

    @Bean
    DatabaseEngine databaseEngine(SecretBackend backend) {
        return backend.database();
    }

    @Bean
    TokenRenewal vaultTokenRenewal(SecretBackend backend) {
        return new TokenRenewal(backend.session());
    }

    /** Checks the token's age on a schedule; {@link VaultSession#renewIfDue()} decides whether to renew. */
    static final class TokenRenewal {

        private final VaultSession session;

        TokenRenewal(VaultSession session) {
            this.session = session;
        }

        @Scheduled(fixedDelayString = "${enclave.vault.renew-check-interval:PT30S}",
                initialDelayString = "${enclave.vault.renew-check-interval:PT30S}")
        void check() {
            if (session != null) {
                session.renewIfDue();
            }
        }
    }
}
