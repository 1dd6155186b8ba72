package eu.enclave.orchestrator.workspace;

import eu.enclave.orchestrator.cluster.leader.ClusterLeadership;
import eu.enclave.orchestrator.cluster.leader.LeadershipAcquired;
import eu.enclave.orchestrator.cluster.leader.LeadershipLost;
import eu.enclave.orchestrator.cluster.watch.ClusterWatchSettings;
import eu.enclave.orchestrator.cluster.watch.ReconcileQueue;
import eu.enclave.orchestrator.cluster.ClusterNames;
import eu.enclave.orchestrator.cluster.ClusterSettings;
import eu.enclave.orchestrator.cluster.apply.ClusterCallFailed;
import eu.enclave.orchestrator.cluster.status.ClusterPresence;
import eu.enclave.orchestrator.dataset.approval.DatasetAccessChanged;
import eu.enclave.orchestrator.project.ProjectStatus;
import eu.enclave.orchestrator.project.ProjectStatusChanged;
import eu.enclave.orchestrator.secret.DatabaseCredentials;
import eu.enclave.orchestrator.secret.LeasedCredentials;
import eu.enclave.orchestrator.secret.ProjectDatabaseRoles;
import eu.enclave.orchestrator.secret.SecretStoreUnavailable;
import eu.enclave.orchestrator.workspace.cluster.Observation;
import eu.enclave.orchestrator.workspace.cluster.WorkspaceNames;
import eu.enclave.orchestrator.workspace.cluster.WorkspaceDriftWatch;
import eu.enclave.orchestrator.workspace.cluster.WorkspaceReconciler;
import eu.enclave.orchestrator.workspace.cluster.WorkspaceSpec;
import eu.enclave.orchestrator.workspace.cluster.WorkspaceStatusWatcher;
import eu.enclave.platform.web.ApiException;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Brings the cluster in line with the stored workspaces: after each committed change (on a worker thread,
 * like the project reconciles) and periodically, which also removes the objects of deleted workspaces and
 * repairs hand edits. Reports what the cluster shows back to {@link WorkspaceService#observe}, from informers.
 * A start issues a new desktop password, written only into the workspace's Secret. On the leading replica, a
 * {@link WorkspaceDriftWatch} repairs a hand edit of a workspace's StatefulSet or Service within seconds.
 */
@Service
public class WorkspaceReconcileService {

    private static final Logger log = LoggerFactory.getLogger(WorkspaceReconcileService.class);

    private final WorkspaceRepository workspaces;
    private final WorkspaceService service;
    private final WorkspaceReconciler reconciler;
    private final WorkspaceImages images;
    private final DatasetMounts datasets;
    private final DesktopPasswords passwords;
    private final DatabaseCredentials databaseCredentials;
    private final ProjectDatabaseRoles databaseRoles;
    private final WorkspaceSettings settings;
    private final ClusterSettings cluster;
    private final WorkspaceStatusWatcher watcher;
    private final ClusterLeadership leadership;
    private final ExecutorService background;
    private final Executor afterChanges;
    private final ClusterWatchSettings watchSettings;
    private final WorkspaceDriftWatch driftWatch;
    private final ReconcileQueue drifted;

    WorkspaceReconcileService(WorkspaceRepository workspaces, WorkspaceService service, WorkspaceReconciler reconciler,
                              WorkspaceImages images, DatasetMounts datasets, DesktopPasswords passwords,
                              DatabaseCredentials databaseCredentials, ProjectDatabaseRoles databaseRoles,
                              WorkspaceSettings settings, ClusterSettings cluster, KubernetesClient client,
                              ClusterLeadership leadership, ClusterWatchSettings watchSettings, Clock clock,
                              @Value("${enclave.cluster.reconcile-changes-in-background:true}") boolean inBackground) {
        this.workspaces = workspaces;
        this.service = service;
        this.reconciler = reconciler;
        this.images = images;
        this.datasets = datasets;
        this.passwords = passwords;
        this.databaseCredentials = databaseCredentials;
        this.databaseRoles = databaseRoles;
        this.settings = settings;
        this.cluster = cluster;
        this.leadership = leadership;
        this.watcher = new WorkspaceStatusWatcher(client, this::record, settings.statusResync().toMillis());
        this.background = inBackground
                ? Executors.newSingleThreadExecutor(runnable -> new Thread(runnable, "workspace-reconcile"))
                : null;
        this.afterChanges = inBackground ? background : Runnable::run;
        this.watchSettings = watchSettings;
        this.drifted = new ReconcileQueue("workspace-drift", this::reconcileDrifted);
        this.driftWatch = new WorkspaceDriftWatch(client, (namespace, project, name) -> drifted.request(
                namespace + "/" + project + "/" + name, watchSettings.debounce()), clock);
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStartup() {
        watcher.start();
    }

    /** The leader repairs hand edits of workspace objects within seconds (unless watches are turned off). */
    @EventListener
    void onLeadershipAcquired(LeadershipAcquired acquired) {
        if (watchSettings.enabled()) {
            driftWatch.start();
        }
    }

    @EventListener
    void onLeadershipLost(LeadershipLost lost) {
        driftWatch.stop();
    }

    /** Whether the leader's watch of workspace StatefulSets and Services is running. */
    public boolean watchingDrift() {
        return driftWatch.isWatching();
    }

    /**
     * A workspace whose StatefulSet or Service someone edited, deleted or added: applied again (its objects are
     * removed when the workspace does not exist), unless its project is no longer on the cluster.
     */
    private void reconcileDrifted(String key) {
        String[] parts = key.split("/", 3);
        String namespace = parts[0];
        UUID projectId = UUID.fromString(parts[1]);
        String name = parts[2];
        if (!leadership.isLeader()) {
            return;
        }
        if (!workspaces.exists(projectId, name)) {
            reconciler.remove(namespace, projectId, name);
            return;
        }
        workspaces.findInProjects(ClusterPresence.ON_CLUSTER, projectId, name).ifPresent(this::reconcileQuietly);
    }

    @PreDestroy
    void stop() {
        driftWatch.close();
        drifted.close();
        watcher.close();
        if (background != null) {
            background.shutdownNow();
        }
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void onChanged(WorkspaceChanged change) {
        afterChanges.execute(() -> {
            try {
                if (change.deleted()) {
                    reconciler.remove(namespace(change.slug()), change.projectId(), change.name());
                } else {
                    workspaces.find(change.projectId(), change.name()).ifPresent(w -> reconcile(w, change.started()));
                }
                if (!change.started()) {
                    databaseCredentials.revokeWorkspaceOrDefer(change.slug(), change.name(),
                            change.deleted() ? "workspace deleted" : "workspace stopped");
                }
            } catch (RuntimeException e) {
                log.error("Applying workspace '{}' of project '{}' failed; retrying at the next interval",
                        change.name(), change.slug(), e);
            }
        });
    }

    /**
     * A project that is no longer active stops all its workspaces (the reason is shown to their owners) and loses
     * its database leases.
     */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void onProjectStatusChanged(ProjectStatusChanged change) {
        if (change.to() != ProjectStatus.ACTIVE) {
            service.stopAllOf(change.projectId(), "project " + change.to());
            try {
                databaseCredentials.revokeProjectOrDefer(change.slug(), "project " + change.to());
            } catch (RuntimeException e) {
                log.error("Revoking the database leases of project '{}' failed; the periodic pass and the"
                        + " pending-operation retries try again", change.slug(), e);
            }
        }
    }

    /**
     * A dataset the project lost (revoked, or its approval ended) stops the running workspaces whose pod mounts it;
     * their next reconcile, once stopped, drops the mount. Another current approval of the same dataset keeps them.
     */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void onDatasetAccessChanged(DatasetAccessChanged change) {
        if (change.granted() || datasets.currentMounts(change.projectId()).stream()
                .anyMatch(m -> m.dataset().equals(change.dataset()))) {
            return;
        }
        try {
            Set<String> mounting = reconciler.mounting(namespace(change.projectSlug()), change.projectId(),
                    ClusterNames.datasetClaim(change.dataset()));
            service.stopThose(change.projectId(), mounting, "dataset access ended: " + change.dataset());
        } catch (RuntimeException e) {
            log.error("Stopping the workspaces of project '{}' that mount dataset '{}' failed", change.projectSlug(),
                    change.dataset(), e);
        }
    }

    /** The periodic run, on the leading replica only. */
    @Scheduled(fixedDelayString = "${enclave.workspaces.reconcile-interval:PT1M}",
            initialDelayString = "${enclave.workspaces.reconcile-interval:PT1M}")
    void periodicPass() {
        if (leadership.isLeader()) {
            reconcileAll();
        }
    }

    /**
     * A full pass: every workspace of a project whose namespace is reconciled (active or suspended), then
     * the objects of workspaces that no longer exist. An archived project's namespace is left to its teardown.
     */
    public void reconcileAll() {
        try {
            workspaces.findInProjects(ClusterPresence.ON_CLUSTER).forEach(this::reconcileQuietly);
            for (StatefulSet set : reconciler.workspaceSets()) {
                Map<String, String> labels = set.getMetadata().getLabels();
                String project = labels.get(ClusterNames.PROJECT_ID);
                String name = labels.get(WorkspaceNames.WORKSPACE);
                if (project != null && name != null && !workspaces.exists(UUID.fromString(project), name)) {
                    reconciler.remove(set.getMetadata().getNamespace(), UUID.fromString(project), name);
                }
            }
        } catch (RuntimeException e) {
            log.error("Reconciling workspaces failed; retrying at the next interval", e);
        }
    }

    private void reconcileQuietly(Workspace workspace) {
        try {
            reconcile(workspace, false);
        } catch (RuntimeException e) {
            log.error("Reconciling workspace '{}' of project '{}' failed", workspace.name(), workspace.slug(), e);
        }
    }

    /** Applies one workspace; a start, or a running workspace whose Secret is gone, gets a new password. */
    void reconcile(Workspace workspace, boolean started) {
        WorkspaceImage image = images.find(workspace.template()).orElse(null);
        if (image == null) {
            service.observe(workspace.projectId(), workspace.name(), WorkspaceStatus.FAILED,
                    "template '" + workspace.template() + "' is no longer in the catalogue");
            return;
        }
        String namespace = namespace(workspace.slug());
        WorkspaceSpec spec = new WorkspaceSpec(namespace, workspace.projectId(), workspace.slug(), workspace.name(),
                workspace.owner(), image, workspace.size(), workspace.wantsToRun(),
                datasets.currentMounts(workspace.projectId()), settings.homeSize(), settings.homeStorageClass(), null);
        try {
            boolean hasSecret = reconciler.hasDesktopSecret(namespace, workspace.name());
            if (!workspace.wantsToRun() && !hasSecret) {
                // never started successfully (say, the secret store was down): nothing of it belongs on the cluster
                reconciler.remove(namespace, workspace.projectId(), workspace.name());
            } else {
                // the lease first: a refused lease (role no longer configured) then leaves no rotation behind
                spec = withDatabase(spec, workspace, started);
                if (workspace.wantsToRun() && (started || !hasSecret)) {
                    spec = spec.withPassword(passwords.issue(workspace));
                }
                WorkspaceReconciler.Outcome outcome = reconciler.apply(spec);
                if (!outcome.converged()) {
                    service.observe(workspace.projectId(), workspace.name(), WorkspaceStatus.FAILED,
                            "could not apply " + outcome.failure());
                    return;
                }
                if (!workspace.wantsToRun()) {
                    // its credentials are revoked at the stop: nothing of them stays on the cluster either
                    reconciler.removeDatabaseSecret(namespace, workspace.projectId(), workspace.name());
                }
            }
        } catch (SecretStoreUnavailable e) {
            // thrown before anything is written to the cluster: no Secret or StatefulSet without a stored password
            service.observe(workspace.projectId(), workspace.name(), WorkspaceStatus.FAILED,
                    "secret store unavailable: " + e.reason());
            return;
        } catch (ApiException e) {
            // the linked database role is no longer configured: refused before anything reached the cluster
            service.observe(workspace.projectId(), workspace.name(), WorkspaceStatus.FAILED,
                    "database credentials: " + e.getMessage());
            return;
        } catch (ClusterCallFailed e) {
            service.observe(workspace.projectId(), workspace.name(), WorkspaceStatus.FAILED,
                    "could not apply: " + e.reason());
            return;
        }
        record(watcher.observe(namespace, workspace.projectId(), workspace.name()));
    }

    /**
     * A start of a workspace whose project is linked to a database role leases credentials for it (revoked at the
     * stop, when its Secret is deleted too); while it runs the pod keeps mounting the Secret it has.
     */
    private WorkspaceSpec withDatabase(WorkspaceSpec spec, Workspace workspace, boolean started) {
        Optional<String> role = databaseRoles.roleOf(workspace.projectId());
        if (role.isEmpty()) {
            return spec;
        }
        if (started && workspace.wantsToRun()) {
            LeasedCredentials leased = databaseCredentials.lease(workspace.slug(), workspace.name(), role.get());
            return spec.withDatabase(true, new WorkspaceSpec.DatabaseLogin(leased.username(), leased.password()));
        }
        if (!workspace.wantsToRun()) {
            return spec.withDatabase(false, null); // a stopped workspace mounts no credentials
        }
        return spec.withDatabase(reconciler.hasDatabaseSecret(spec.namespace(), workspace.name()), null);
    }

    private void record(Observation observation) {
        service.observe(observation.projectId(), observation.workspace(), observation.status(), observation.reason());
    }

    private String namespace(String slug) {
        return ClusterNames.namespace(cluster.namespacePrefix(), slug);
    }
}
