package eu.enclave.orchestrator.secret;

import eu.enclave.orchestrator.cluster.leader.ClusterLeadership;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Tries the due {@link PendingSecretOperations} again, on the leading replica only. */
@Component
public class PendingSecretRetries {

    private static final Logger log = LoggerFactory.getLogger(PendingSecretRetries.class);

    private final PendingSecretOperations pending;
    private final DatabaseCredentials leases;
    private final WorkspaceCredentials secrets;
    private final ClusterLeadership leadership;
    private final Clock clock;

    PendingSecretRetries(PendingSecretOperations pending, DatabaseCredentials leases, WorkspaceCredentials secrets,
                         ClusterLeadership leadership, Clock clock) {
        this.pending = pending;
        this.leases = leases;
        this.secrets = secrets;
        this.leadership = leadership;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${enclave.vault.retry-interval:PT30S}",
            initialDelayString = "${enclave.vault.retry-interval:PT30S}")
    void scheduledRun() {
        if (!leadership.isLeader()) {
            return;
        }
        try {
            runDue(clock.instant());
        } catch (RuntimeException e) {
            log.error("Retrying pending Vault operations failed; retrying at the next interval", e);
        }
    }

    /** Tries every operation due at {@code at} once; returns those that succeeded. */
    public List<PendingOperation> runDue(Instant at) {
        Instant now = at.truncatedTo(ChronoUnit.MICROS);
        List<PendingOperation> done = new ArrayList<>();
        for (PendingOperation operation : pending.due(now)) {
            try {
                switch (operation.kind()) {
                    case REVOKE_LEASE -> leases.revokePending(operation);
                    case DESTROY_PROJECT_SECRETS -> secrets.destroyProject(operation.project());
                }
                pending.completed(operation, now);
                done.add(operation);
            } catch (SecretStoreUnavailable e) {
                pending.failedAgain(operation, e.reason(), now);
            }
        }
        return done;
    }
}
