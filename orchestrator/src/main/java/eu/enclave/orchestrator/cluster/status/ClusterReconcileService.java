package eu.enclave.orchestrator.cluster.status;

import eu.enclave.orchestrator.cluster.ClusterSpecSource;
import eu.enclave.orchestrator.cluster.ProjectReconciler;
import eu.enclave.orchestrator.cluster.ReconcileOutcome;
import eu.enclave.orchestrator.cluster.Workspaces;
import eu.enclave.orchestrator.cluster.apply.ApplyResult;
import eu.enclave.orchestrator.project.Project;
import eu.enclave.orchestrator.project.ProjectRepository;
import eu.enclave.orchestrator.project.ProjectService;
import eu.enclave.orchestrator.project.ProjectStatusChanged;
import eu.enclave.orchestrator.cluster.settings.ClusterSettingsChanged;
import eu.enclave.orchestrator.dataset.approval.DatasetAccessChanged;
import eu.enclave.platform.audit.AuditEvent;
import eu.enclave.platform.audit.AuditTrail;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import jakarta.annotation.PreDestroy;
import org.springframework.beans.factory.annotation.Value;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps every project that should be on the cluster reconciled: after each status or settings change (once
 * committed, on a worker thread) and periodically, which also repairs hand edits. One project's failure never stops the others.
 * Each outcome is stored for the status endpoint; the audit trail gets an entry only when objects were
 * created, updated or pruned or the state changed, so a steady periodic run adds nothing to it.
 *
 * <p>Runs are serialised in this process. Several replicas would reconcile side by side (harmless, as
 * reconciling is idempotent, but audited twice): leader election is not done yet.
 */
@Service
public class ClusterReconcileService {

    private static final Logger log = LoggerFactory.getLogger(ClusterReconcileService.class);

    private final ProjectRepository projects;
    private final ClusterSpecSource specs;
    private final ProjectReconciler reconciler;
    private final ClusterStatusRepository statuses;
    private final AuditTrail audit;
    private final TransactionTemplate newTransaction;
    private final Clock clock;
    private final ExecutorService background;
    private final Executor afterChanges;
    private final ApplicationEventPublisher events;

    /**
     * @param inBackground whether reconciles caused by a change run on a worker thread (the default), so that
     *                     the person's request does not wait for the cluster and its retries; tests that check
     *                     the cluster right after a change turn it off
     */
    ClusterReconcileService(ProjectRepository projects, ClusterSpecSource specs, ProjectReconciler reconciler,
                            ClusterStatusRepository statuses, AuditTrail audit,
                            PlatformTransactionManager transactionManager, Clock clock,
                            @Value("${enclave.cluster.reconcile-changes-in-background:true}") boolean inBackground,
                            ApplicationEventPublisher events) {
        this.background = inBackground
                ? Executors.newSingleThreadExecutor(runnable -> new Thread(runnable, "cluster-reconcile"))
                : null;
        this.afterChanges = inBackground ? background : Runnable::run;
        this.projects = projects;
        this.specs = specs;
        this.reconciler = reconciler;
        this.statuses = statuses;
        this.audit = audit;
        // New, because the status-change listener runs after a commit, while that transaction is still bound.
        this.newTransaction = new TransactionTemplate(transactionManager);
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
        this.events = events;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void onStatusChanged(ProjectStatusChanged change) {
        if (ClusterPresence.onCluster(change.to())) {
            reconcileSoon(change.slug());
        }
    }

    /** A new quota or mirror list is applied at once, not at the next periodic run. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void onSettingsChanged(ClusterSettingsChanged change) {
        reconcileSoon(change.slug());
    }

    /** An approved, revoked or ended dataset approval adds or removes the dataset's claim at once. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void onDatasetAccessChanged(DatasetAccessChanged change) {
        reconcileSoon(change.projectSlug());
    }

    private void reconcileSoon(String slug) {
        afterChanges.execute(() -> projects.findBySlug(slug).filter(p -> ClusterPresence.onCluster(p.status()))
                .ifPresent(this::reconcileQuietly));
    }

    @PreDestroy
    void stop() {
        if (background != null) {
            background.shutdownNow();
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStartup() {
        reconcileAll();
    }

    /** The periodic run: every project that should be on the cluster. */
    @Scheduled(fixedDelayString = "${enclave.cluster.reconcile-interval:PT1M}",
            initialDelayString = "${enclave.cluster.reconcile-interval:PT1M}")
    public void reconcileAll() {
        List<Project> due;
        try {
            due = projects.findWithStatus(ClusterPresence.ON_CLUSTER);
        } catch (RuntimeException e) {
            log.error("Could not list the projects to reconcile; retrying at the next interval", e);
            return;
        }
        due.forEach(this::reconcileQuietly);
    }

    private void reconcileQuietly(Project project) {
        try {
            reconcile(project);
        } catch (RuntimeException e) {
            log.error("Reconciling project '{}' failed; retrying at the next interval", project.slug(), e);
        }
    }

    /** Reconciles one project, stores the outcome and audits what changed. */
    public synchronized ClusterStatus reconcile(Project project) {
        ClusterStatus status;
        List<String> created = new ArrayList<>();
        List<String> updated = new ArrayList<>();
        List<String> pruned = new ArrayList<>();
        List<String> scaledToZero = new ArrayList<>();
        String failedObject = null;
        try {
            ReconcileOutcome outcome = reconciler.reconcile(specs.specOf(project),
                    Workspaces.of(project.status()));
            List<AppliedObject> objects = new ArrayList<>();
            for (ApplyResult result : outcome.objects()) {
                objects.add(AppliedObject.of(result));
                switch (result.action()) {
                    case CREATED -> created.add(result.object().toString());
                    case UPDATED -> updated.add(result.object().toString());
                    default -> { }
                }
            }
            outcome.pruned().forEach(ref -> {
                objects.add(AppliedObject.pruned(ref));
                pruned.add(ref.toString());
            });
            outcome.scaledToZero().forEach(ref -> {
                objects.add(AppliedObject.scaledToZero(ref));
                scaledToZero.add(ref.toString());
            });
            ReconcileOutcome.Failure failure = outcome.failure();
            if (failure != null && failure.object() != null) {
                failedObject = failure.object().toString();
            }
            status = new ClusterStatus(project.id(),
                    outcome.state() == ReconcileOutcome.State.READY ? ClusterState.READY : ClusterState.FAILED,
                    failure == null ? "" : reason(failure), outcome.at().truncatedTo(ChronoUnit.MICROS), objects);
        } catch (RuntimeException unexpected) {
            log.error("Reconciling project '{}' failed unexpectedly", project.slug(), unexpected);
            status = new ClusterStatus(project.id(), ClusterState.FAILED,
                    "unexpected error: " + unexpected.getClass().getSimpleName(),
                    clock.instant().truncatedTo(ChronoUnit.MICROS), List.of());
        }
        save(project, status, created, updated, pruned, scaledToZero, failedObject);
        return status;
    }

    private void save(Project project, ClusterStatus status, List<String> created, List<String> updated,
                      List<String> pruned, List<String> scaledToZero, String failedObject) {
        newTransaction.executeWithoutResult(tx -> {
            ClusterState before = statuses.find(project.id()).map(ClusterStatus::state).orElse(null);
            statuses.save(status);
            events.publishEvent(new ClusterStatusSaved(project.id(), project.slug(), status.state()));
            boolean objectsChanged = !created.isEmpty() || !updated.isEmpty() || !pruned.isEmpty()
                    || !scaledToZero.isEmpty();
            if (!objectsChanged && before == status.state()) {
                return;
            }
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("state", status.state().name());
            details.put("previousState", before == null ? "" : before.name());
            details.put("created", created);
            details.put("updated", updated);
            details.put("pruned", pruned);
            if (!scaledToZero.isEmpty()) {
                details.put("scaledToZero", scaledToZero);
            }
            String action = "cluster.applied";
            if (status.state() == ClusterState.FAILED) {
                action = "cluster.reconcile_failed";
                details.put("reason", status.reason());
                details.put("object", failedObject == null ? "" : failedObject);
            }
            audit.record(new AuditEvent(ProjectService.SYSTEM, action, project.slug(), "project:" + project.slug(),
                    details));
            if (status.state() == ClusterState.FAILED) {
                log.warn("Project '{}' is FAILED on the cluster: {}", project.slug(), status.reason());
            }
        });
    }

    private static String reason(ReconcileOutcome.Failure failure) {
        String where = failure.object() == null ? "" : failure.object() + ": ";
        String api = failure.apiMessage() == null || failure.apiMessage().isBlank() ? "" : " (" + failure.apiMessage() + ")";
        return where + failure.reason() + api;
    }
}
