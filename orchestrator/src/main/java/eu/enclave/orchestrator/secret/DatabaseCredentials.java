package eu.enclave.orchestrator.secret;

import eu.enclave.orchestrator.project.ProjectService;
import eu.enclave.platform.audit.AuditEvent;
import eu.enclave.platform.audit.AuditTrail;
import eu.enclave.platform.web.ApiException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Dynamic database credentials for workspaces: leased from Vault's database secrets engine, tracked (lease id,
 * role, expiry: never the credentials) so that they can be listed, renewed, and revoked when the workspace stops
 * or the project is suspended. Vault is always called first; the database records only what Vault did.
 */
@Service
public class DatabaseCredentials {

    private static final Logger log = LoggerFactory.getLogger(DatabaseCredentials.class);

    private final DatabaseEngine engine;
    private final LeaseRepository leases;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final List<String> roles;
    private final Clock clock;
    private final PendingSecretOperations pending;

    DatabaseCredentials(DatabaseEngine engine, LeaseRepository leases, AuditTrail audit,
                        PlatformTransactionManager transactionManager, VaultSettings settings, Clock clock,
                        PendingSecretOperations pending) {
        this.pending = pending;
        this.engine = engine;
        this.leases = leases;
        this.audit = audit;
        this.transactions = new TransactionTemplate(transactionManager);
        this.roles = List.copyOf(settings.database().roles());
        this.clock = clock;
    }

    /**
     * Leases credentials for {@code role} on behalf of a workspace. If recording the lease fails, the lease is
     * revoked at once, so that no credentials exist that nobody tracks.
     */
    public LeasedCredentials lease(String project, String workspace, String role) {
        if (!roles.contains(role)) {
            throw ApiException.invalid("role", "is not a configured database role (enclave.vault.database.roles: "
                    + roles + ")");
        }
        LeasedCredentials issued = engine.issue(role);
        Instant now = clock.instant();
        Lease lease = new Lease(issued.leaseId(), project, workspace, role, Lease.State.ACTIVE, now,
                now.plus(issued.leaseDuration()), null);
        try {
            transactions.executeWithoutResult(status -> {
                leases.insert(lease);
                audit.record(event("secret.lease_issued", lease, Map.of("expiresAt", lease.expiresAt().toString())));
            });
        } catch (RuntimeException e) {
            log.warn("Recording lease {} failed; revoking it", issued.leaseId());
            engine.revoke(issued.leaseId());
            throw e;
        }
        return issued;
    }

    /** Extends a tracked lease by {@code increment} (Vault may grant less); returns the lease as now recorded. */
    public Lease renew(String leaseId, Duration increment) {
        Lease lease = leases.find(leaseId).filter(l -> l.state() == Lease.State.ACTIVE)
                .orElseThrow(() -> ApiException.notFound("leaseId", "no active lease " + leaseId));
        Duration granted = engine.renew(leaseId, increment);
        Instant expiresAt = clock.instant().plus(granted);
        transactions.executeWithoutResult(status -> {
            leases.extend(leaseId, expiresAt);
            audit.record(event("secret.lease_renewed", lease, Map.of("expiresAt", expiresAt.toString())));
        });
        return leases.find(leaseId).orElseThrow();
    }

    /**
     * Revokes the workspace's active leases, failing with {@link SecretStoreUnavailable} when Vault does (at
     * deletion, which then does not happen); returns them as revoked.
     */
    public List<Lease> revokeWorkspace(String project, String workspace) {
        return revoke(leases.active(project, workspace));
    }

    /**
     * Revokes the workspace's active leases (at its stop); a lease Vault cannot revoke now is recorded as a pending
     * operation, retried until it succeeds. Returns the leases revoked now.
     */
    public List<Lease> revokeWorkspaceOrDefer(String project, String workspace, String cause) {
        return revokeOrDefer(leases.active(project, workspace), cause);
    }

    /** Revokes every active lease of the project (at suspension or archival), deferring those Vault refuses now. */
    public List<Lease> revokeProjectOrDefer(String project, String cause) {
        return revokeOrDefer(leases.active(project, null), cause);
    }

    /** A pending revocation tried again; a lease no longer active (revoked meanwhile) needs nothing more. */
    void revokePending(PendingOperation operation) {
        Lease lease = leases.find(operation.leaseId()).orElse(null);
        if (lease != null && lease.state() == Lease.State.ACTIVE) {
            revokeOne(lease, Map.of("attempts", Integer.toString(operation.attempts() + 1),
                    "pendingSince", operation.createdAt().toString()));
        }
    }

    /** The project's leases, newest first, with expired ones reported as such. */
    public List<Lease> leases(String project) {
        Instant now = clock.instant();
        return leases.forProject(project).stream().map(l -> l.asSeenAt(now)).toList();
    }

    /**
     * One lease at a time, Vault first: when Vault fails part-way, the leases revoked so far are recorded as
     * revoked and the rest stay active for the caller to retry.
     */
    private List<Lease> revoke(List<Lease> active) {
        List<Lease> revoked = new ArrayList<>();
        for (Lease lease : active) {
            revoked.add(revokeOne(lease, Map.of()));
        }
        return revoked;
    }

    private List<Lease> revokeOrDefer(List<Lease> active, String cause) {
        List<Lease> revoked = new ArrayList<>();
        for (Lease lease : active) {
            try {
                revoked.add(revokeOne(lease, Map.of()));
            } catch (SecretStoreUnavailable e) {
                pending.defer(PendingOperation.Kind.REVOKE_LEASE, lease.project(), lease.workspace(), lease.leaseId(),
                        cause, e.reason());
            }
        }
        return revoked;
    }

    /** Vault first; then the record and its audit entry, together. */
    private Lease revokeOne(Lease lease, Map<String, String> more) {
        engine.revoke(lease.leaseId());
        Instant now = clock.instant();
        transactions.executeWithoutResult(status -> {
            leases.markRevoked(lease.leaseId(), now);
            audit.record(event("secret.lease_revoked", lease, more));
        });
        return leases.find(lease.leaseId()).orElseThrow();
    }

    private static AuditEvent event(String action, Lease lease, Map<String, String> more) {
        Map<String, String> details = new java.util.TreeMap<>(more);
        details.put("role", lease.role());
        details.put("workspace", lease.workspace());
        details.put("lease", lease.leaseId());
        return new AuditEvent(ProjectService.SYSTEM, action, lease.project(), "workspace:" + lease.workspace(),
                details);
    }
}
