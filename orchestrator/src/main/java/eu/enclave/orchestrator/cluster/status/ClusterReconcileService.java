package eu.enclave.orchestrator.cluster.status;

import eu.enclave.orchestrator.cluster.ClusterSpecSource;
import eu.enclave.orchestrator.cluster.ProjectReconciler;
import eu.enclave.orchestrator.cluster.ReconcileOutcome;
import eu.enclave.orchestrator.cluster.Workspaces;
import eu.enclave.orchestrator.cluster.apply.ApplyResult;
import eu.enclave.orchestrator.cluster.leader.ClusterLeadership;
import eu.enclave.orchestrator.project.Project;
import eu.enclave.orchestrator.project.ProjectRepository;
import eu.enclave.orchestrator.project.ProjectService;
import eu.enclave.platform.audit.AuditEvent;
import eu.enclave.platform.audit.AuditTrail;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reconciles projects that should be on the cluster: one at a time in this process, a failure of one never
 * stopping the others. Each outcome is stored for the status endpoint; the audit trail gets an entry only
 * when objects were created, updated or pruned or the state changed, so a steady run adds nothing to it.
 *
 * <p>When and where it runs (after changes, on watch events, periodically, only on the leading replica) is
 * decided by {@link ClusterReconcileTriggers}.
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
    private final ClusterLeadership leadership;
    /** Slugs of the projects reconciled so far, by id: how a watch event's owner label finds its project. */
    private final Map<UUID, String> slugs = new ConcurrentHashMap<>();
    private final ApplicationEventPublisher events;

    ClusterReconcileService(ProjectRepository projects, ClusterSpecSource specs, ProjectReconciler reconciler,
                            ClusterStatusRepository statuses, AuditTrail audit,
                            PlatformTransactionManager transactionManager, Clock clock, ClusterLeadership leadership,
                            ApplicationEventPublisher events) {
        this.projects = projects;
        this.specs = specs;
        this.reconciler = reconciler;
        this.statuses = statuses;
        this.audit = audit;
        // New, because reconciles also run right after a commit, while that transaction is still bound.
        this.newTransaction = new TransactionTemplate(transactionManager);
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
        this.events = events;
        this.leadership = leadership;
    }

    /** A full pass: every project that should be on the cluster, while this replica leads. */
    public void reconcileAll() {
        List<Project> due;
        try {
            due = projects.findWithStatus(ClusterPresence.ON_CLUSTER);
        } catch (RuntimeException e) {
            log.error("Could not list the projects to reconcile; retrying at the next pass", e);
            return;
        }
        due.forEach(this::reconcileQuietly);
    }

    /** Reconciles the project if it (still) should be on the cluster; a failure is logged, not thrown. */
    public void reconcileIfOnCluster(String slug) {
        projects.findBySlug(slug).filter(p -> ClusterPresence.onCluster(p.status())).ifPresent(this::reconcileQuietly);
    }

    /** The slug of a project reconciled by this replica, if any. */
    public Optional<String> slugOf(UUID projectId) {
        return Optional.ofNullable(slugs.get(projectId));
    }

    /**
     * Leadership is checked under the same lock as the run, so that once {@link #awaitIdle()} returned after
     * the lead was lost, this replica starts no run anymore.
     */
    private synchronized void reconcileQuietly(Project project) {
        if (!leadership.isLeader()) {
            return;
        }
        try {
            reconcile(project);
        } catch (RuntimeException e) {
            log.error("Reconciling project '{}' failed; retrying at the next pass", project.slug(), e);
        }
    }

    /** Returns once the run in progress, if any, has ended. */
    public synchronized void awaitIdle() {
        // the lock is all it takes: runs hold it
    }

    /** Reconciles one project, whether or not this replica leads; stores the outcome and audits what changed. */
    public synchronized ClusterStatus reconcile(Project project) {
        slugs.put(project.id(), project.slug());
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
