package eu.enclave.orchestrator.secret;

import eu.enclave.orchestrator.project.ProjectService;
import eu.enclave.platform.audit.AuditEvent;
import eu.enclave.platform.audit.AuditTrail;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The record of Vault work that failed once ({@code pending_secret_operations}): deferred with its reason and
 * audited ({@code secret.operation_pending}) when it first fails, tried again with a growing wait by
 * {@link PendingSecretRetries}, and audited once more ({@code secret.operation_completed}) when it finally succeeds.
 */
@Service
public class PendingSecretOperations {

    private static final Logger log = LoggerFactory.getLogger(PendingSecretOperations.class);

    private final PendingOperationRepository operations;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final Clock clock;

    PendingSecretOperations(PendingOperationRepository operations, AuditTrail audit,
                            PlatformTransactionManager transactionManager, Clock clock) {
        this.operations = operations;
        this.audit = audit;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /** Records work that just failed, unless it is pending already; the first retry is due in 30 s. */
    void defer(PendingOperation.Kind kind, String project, String workspace, String leaseId, String cause,
               String error) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        PendingOperation operation = new PendingOperation(UUID.randomUUID(), kind, project, workspace, leaseId, cause,
                now, 1, error, now, PendingOperation.nextAttempt(1, now));
        transactions.executeWithoutResult(status -> {
            if (operations.insertIfAbsent(operation)) {
                audit.record(event("secret.operation_pending", operation, Map.of("reason", error,
                        "nextAttemptAt", operation.nextAttemptAt().toString())));
            }
        });
        log.warn("Vault could not {} ({}); it is tried again until it succeeds", describe(operation), error);
    }

    /** A project's open operations, oldest first: for the admins' secrets page. */
    public List<PendingOperation> open(String project) {
        return operations.openFor(project);
    }

    List<PendingOperation> due(Instant at) {
        return operations.due(at);
    }

    void failedAgain(PendingOperation operation, String error, Instant at) {
        int attempts = operation.attempts() + 1;
        operations.failedAgain(operation.id(), error, at, PendingOperation.nextAttempt(attempts, at));
        log.warn("Vault still could not {} after {} attempts ({})", describe(operation), attempts, error);
    }

    void completed(PendingOperation operation, Instant at) {
        transactions.executeWithoutResult(status -> {
            operations.done(operation.id(), at);
            audit.record(event("secret.operation_completed", operation, Map.of(
                    "attempts", Integer.toString(operation.attempts() + 1),
                    "pendingSince", operation.createdAt().toString())));
        });
        log.info("Vault could {} at last, after {} failed attempts", describe(operation), operation.attempts());
    }

    private static String describe(PendingOperation operation) {
        return operation.kind() == PendingOperation.Kind.REVOKE_LEASE
                ? "revoke lease " + operation.leaseId() + " of workspace " + operation.workspace() + " of project "
                        + operation.project()
                : "destroy the secrets of project " + operation.project();
    }

    private static AuditEvent event(String action, PendingOperation operation, Map<String, String> more) {
        Map<String, String> details = new TreeMap<>(more);
        details.put("operation", operation.kind().name());
        details.put("cause", operation.cause());
        if (operation.leaseId() != null) {
            details.put("lease", operation.leaseId());
            details.put("workspace", operation.workspace());
        }
        String target = operation.workspace() != null ? "workspace:" + operation.workspace()
                : "project:" + operation.project(); // as the secret.* entries name them
        return new AuditEvent(ProjectService.SYSTEM, action, operation.project(), target, details);
    }
}
