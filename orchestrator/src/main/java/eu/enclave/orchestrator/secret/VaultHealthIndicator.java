package eu.enclave.orchestrator.secret;

import eu.enclave.orchestrator.health.BoundedCheck;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code secretStore}: whether Vault accepts the orchestrator's token (a token self-lookup: sealed, unreachable or a
 * refused token are DOWN with the reason). The demo store is UP and says it is the demo store.
 */
@Component("secretStoreHealthIndicator")
class VaultHealthIndicator implements HealthIndicator {

    private final SecretBackend backend;

    VaultHealthIndicator(SecretBackend backend) {
        this.backend = backend;
    }

    @Override
    public Health health() {
        if (backend.demo()) {
            return Health.up().withDetail("store", "demo").withDetail("detail", backend.store().describe()).build();
        }
        Health probed = BoundedCheck.run(() -> {
            try {
                backend.session().call("check the orchestrator's token", vault -> vault.plain().auth().lookupSelf());
                return Health.up().build();
            } catch (SecretStoreUnavailable e) {
                return Health.down().withDetail("reason", e.reason()).build();
            }
        });
        return Health.status(probed.getStatus()).withDetails(probed.getDetails()).withDetail("store", "vault")
                .withDetail("detail", backend.store().describe()).build();
    }
}
