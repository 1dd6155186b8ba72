package eu.enclave.orchestrator.secret;

import java.time.Duration;
import java.time.Instant;

/**
 * The orchestrator's current Vault token. A TTL of zero means it never expires (a root token in development).
 * {@link #toString()} leaves the value out, so that a token logged by mistake is not leaked.
 */
record VaultToken(String value, Instant obtainedAt, Duration ttl, boolean renewable) {

    /** Renewed at two thirds of its life: early enough to survive a slow or briefly unreachable Vault. */
    Instant renewAt() {
        return obtainedAt.plus(ttl.multipliedBy(2).dividedBy(3));
    }

    boolean expires() {
        return !ttl.isZero();
    }

    @Override
    public String toString() {
        return "VaultToken[obtainedAt=" + obtainedAt + ", ttl=" + ttl + ", renewable=" + renewable + "]";
    }
}
