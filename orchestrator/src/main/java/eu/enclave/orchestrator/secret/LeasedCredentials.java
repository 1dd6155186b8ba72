package eu.enclave.orchestrator.secret;

import java.time.Duration;

/**
 * Credentials leased from Vault's database secrets engine. Handed to the workspace as a Kubernetes Secret and
 * nowhere else: {@link #toString()} leaves the password out.
 */
public record LeasedCredentials(String username, String password, String leaseId, Duration leaseDuration,
                                boolean renewable) {

    @Override
    public String toString() {
        return "LeasedCredentials[username=" + username + ", leaseId=" + leaseId + ", leaseDuration="
                + leaseDuration + ", renewable=" + renewable + "]";
    }
}
