package eu.enclave.orchestrator.secret;

import java.time.Duration;
import java.util.UUID;

/**
 * DEMO ONLY: invents credentials that no database knows, so that the workspace flow can be tried without Vault.
 * Refused by the {@code prod} profile with the demo store.
 */
public final class DemoDatabaseEngine implements DatabaseEngine {

    static final Duration LEASE = Duration.ofHours(1);

    @Override
    public LeasedCredentials issue(String role) {
        String id = UUID.randomUUID().toString();
        return new LeasedCredentials("demo-" + role + "-" + id.substring(0, 8), PasswordGenerator.generate(),
                "demo/creds/" + role + "/" + id, LEASE, true);
    }

    @Override
    public Duration renew(String leaseId, Duration increment) {
        return increment.isZero() ? LEASE : increment;
    }

    @Override
    public void revoke(String leaseId) {
        // nothing to drop: the credentials open nothing
    }
}
