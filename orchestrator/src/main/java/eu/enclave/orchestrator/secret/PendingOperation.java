package eu.enclave.orchestrator.secret;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Vault work that failed and is tried again until it succeeds: lease ids and paths only, never a value.
 *
 * @param workspace the workspace of a lease; null for a project's paths
 * @param leaseId   the lease to revoke; null for a project's paths
 * @param cause     why it had to be done ("workspace stopped", "project SUSPENDED", "project archived")
 * @param lastError Vault's reason for the last failure
 */
public record PendingOperation(UUID id, Kind kind, String project, String workspace, String leaseId, String cause,
                               Instant createdAt, int attempts, String lastError, Instant lastAttemptAt,
                               Instant nextAttemptAt) {

    public enum Kind { REVOKE_LEASE, DESTROY_PROJECT_SECRETS }

    static final Duration FIRST_RETRY = Duration.ofSeconds(30);
    static final Duration LONGEST_WAIT = Duration.ofHours(1);

    /** Doubling from 30 s after the first failure, at most an hour apart. */
    static Instant nextAttempt(int attempts, Instant failedAt) {
        Duration wait = FIRST_RETRY.multipliedBy(1L << Math.min(attempts - 1, 20));
        return failedAt.plus(wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait);
    }
}
