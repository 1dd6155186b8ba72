package eu.enclave.orchestrator.cluster.retention;

import eu.enclave.orchestrator.cluster.ClusterNames;
import eu.enclave.orchestrator.cluster.ClusterSettings;
import eu.enclave.orchestrator.cluster.ProjectReconciler;
import eu.enclave.orchestrator.cluster.leader.ClusterLeadership;
import eu.enclave.orchestrator.cluster.TeardownOutcome;
import eu.enclave.orchestrator.cluster.TeardownOutcome.Result;
import eu.enclave.orchestrator.project.ProjectService;
import eu.enclave.orchestrator.secret.WorkspaceCredentials;
import eu.enclave.platform.audit.AuditEvent;
import eu.enclave.platform.audit.AuditTrail;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes the namespaces of projects archived longer than the retention, and keeps the proof: a record per
 * project ({@code project_deletions}) and its audit entries, stored together. Every run starts from what the
 * database says, so it is idempotent and carries on after a restart: a namespace known to be gone is never
 * touched again, one being emptied by the cluster is only checked on (never deleted twice), a refusal or a
 * failure is tried again at the next run without being audited again.
 *
 * <p>It runs in one replica only: {@link #scheduledRun()} returns at once unless this replica leads.
 */
@Service
public class ArchiveRetentionService {

    private static final Logger log = LoggerFactory.getLogger(ArchiveRetentionService.class);

    private final ProjectDeletionRepository deletions;
    private final ProjectReconciler reconciler;
    private final ClusterSettings settings;
    private final AuditTrail audit;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final ArchiveRetention retention;
    private final ClusterLeadership leadership;
    private final WorkspaceCredentials credentials;

    ArchiveRetentionService(ProjectDeletionRepository deletions, ProjectReconciler reconciler, ClusterSettings settings,
                            AuditTrail audit, PlatformTransactionManager transactionManager, Clock clock,
                            @Value("${" + ArchiveRetention.PROPERTY + ":P30D}") String retention,
                            WorkspaceCredentials credentials, ClusterLeadership leadership) {
        this.leadership = leadership;
        this.deletions = deletions;
        this.reconciler = reconciler;
        this.settings = settings;
        this.audit = audit;
        this.transaction = new TransactionTemplate(transactionManager);
        this.clock = clock;
        this.retention = ArchiveRetention.parse(retention);
        this.credentials = credentials;
    }

    /** The periodic entry point: only the leading replica deletes namespaces. */
    @Scheduled(fixedDelayString = "${enclave.cluster.archive-retention-interval:PT1H}",
            initialDelayString = "${enclave.cluster.archive-retention-interval:PT1H}")
    void scheduledRun() {
        if (!leadership.isLeader()) {
            return;
        }
        try {
            run();
        } catch (RuntimeException e) {
            log.error("The archive retention run failed; retrying at the next interval", e);
        }
    }

    /** One run over every archived project with work left; returns the records as they stand after it. */
    public synchronized List<ProjectDeletion> run() {
        Instant now = clock.instant();
        List<ProjectDeletion> records = new ArrayList<>();
        for (ProjectDeletionRepository.Pending pending : deletions.findPending(retention.archivedUpTo(now))) {
            try {
                records.add(handle(pending));
            } catch (RuntimeException e) {
                log.error("Deleting the namespace of archived project '{}' failed; retrying at the next run",
                        pending.project().slug(), e);
            }
        }
        return records;
    }

    private ProjectDeletion handle(ProjectDeletionRepository.Pending pending) {
        DeletionRecords.Archived project = pending.project();
        String namespace = ClusterNames.namespace(settings.namespacePrefix(), project.slug());
        TeardownOutcome outcome = DeletionRecords.awaitsConfirmation(pending.previous())
                ? reconciler.confirmTeardown(project.projectId(), namespace)
                : reconciler.teardown(project.projectId(), namespace);
        outcome = new TeardownOutcome(outcome.projectId(), outcome.namespace(), outcome.result(), outcome.contents(),
                outcome.reason(), outcome.at().truncatedTo(ChronoUnit.MICROS));
        DeletionRecords.Step step = DeletionRecords.next(project, pending.previous(), outcome);
        ProjectDeletion record = step.record();
        transaction.executeWithoutResult(tx -> {
            deletions.save(record);
            step.audit().forEach(action -> audit.record(new AuditEvent(ProjectService.SYSTEM, action, record.slug(),
                    "project:" + record.slug(), details(action, record))));
        });
        if (outcome.result() == Result.DELETED || outcome.result() == Result.ABSENT) {
            destroySecrets(record.slug());
        }
        if (record.result() == Result.REFUSED || record.result() == Result.FAILED) {
            log.warn("Namespace {} of archived project '{}' is not deleted ({}): {}", record.namespace(),
                    record.slug(), record.result(), record.reason());
        } else if (!step.audit().isEmpty()) {
            log.info("Namespace {} of archived project '{}': {}", record.namespace(), record.slug(), record.result());
        }
        return record;
    }

    /**
     * The namespace is gone: the project's secrets go too (audited {@code secret.project_destroyed}). When the store
     * is unavailable, the rest is a pending operation, retried until it succeeds and shown on the secrets page.
     */
    private void destroySecrets(String slug) {
        try {
            credentials.destroyProjectOrDefer(slug, "project archived, namespace deleted");
        } catch (RuntimeException e) {
            log.error("Destroying the secrets of archived project '{}' failed", slug, e);
        }
    }

    private Map<String, Object> details(String action, ProjectDeletion record) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("namespace", record.namespace());
        switch (action) {
            case DeletionRecords.DELETED -> {
                details.put("objects", record.objects());
                details.put("at", record.requestedAt().toString());
                details.put("result", record.result().name());
                details.put("archivedAt", record.archivedAt().toString());
                details.put("retention", retention.period().toString());
            }
            case DeletionRecords.CONFIRMED -> {
                details.put("at", record.confirmedAt().toString());
                details.put("alreadyAbsent", record.result() == Result.ABSENT);
            }
            default -> {
                details.put("at", record.lastAttemptAt().toString());
                details.put("reason", record.reason());
                details.put("attempts", record.attempts());
            }
        }
        return details;
    }
}
