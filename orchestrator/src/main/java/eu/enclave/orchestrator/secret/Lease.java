package eu.enclave.orchestrator.secret;

import java.time.Instant;

/** A tracked lease of database credentials: identifiers and times, never the credentials. */
public record Lease(String leaseId, String project, String workspace, String role, State state, Instant issuedAt,
                    Instant expiresAt, Instant revokedAt) {

    /** ACTIVE and REVOKED are stored; EXPIRED is an ACTIVE lease read after its expiry. */
    public enum State { ACTIVE, EXPIRED, REVOKED }

    Lease asSeenAt(Instant now) {
        return state == State.ACTIVE && !now.isBefore(expiresAt)
                ? new Lease(leaseId, project, workspace, role, State.EXPIRED, issuedAt, expiresAt, revokedAt)
                : this;
    }
}
