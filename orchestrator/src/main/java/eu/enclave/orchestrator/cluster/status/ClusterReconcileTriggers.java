package eu.enclave.orchestrator.cluster.status;

import eu.enclave.orchestrator.cluster.connection.ClusterConnection;
import eu.enclave.orchestrator.cluster.leader.ClusterLeadership;
import eu.enclave.orchestrator.cluster.leader.LeaderElectionSettings;
import eu.enclave.orchestrator.cluster.leader.LeadershipAcquired;
import eu.enclave.orchestrator.cluster.leader.LeadershipLost;
import eu.enclave.orchestrator.cluster.settings.ClusterSettingsChanged;
import eu.enclave.orchestrator.cluster.watch.ChangeListener;
import eu.enclave.orchestrator.cluster.watch.ChangeNotifications;
import eu.enclave.orchestrator.cluster.watch.ClusterWatchSettings;
import eu.enclave.orchestrator.cluster.watch.OwnedObjectWatch;
import eu.enclave.orchestrator.cluster.watch.ReconcileQueue;
import eu.enclave.orchestrator.dataset.approval.DatasetAccessChanged;
import eu.enclave.orchestrator.project.ProjectStatusChanged;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * When projects are reconciled, and where: only on the leading replica ({@link ClusterLeadership}), which
 * <ul>
 *   <li>runs a full pass when it gains the lead, and then every {@code enclave.cluster.reconcile-interval}
 *       as a safety net;</li>
 *   <li>reconciles a project right after a change to it is committed: a change made here directly, a change
 *       made through another replica on its {@code NOTIFY} (sent in the change's transaction);</li>
 *   <li>watches the objects it owns and reconciles a project shortly after one of them is edited, deleted
 *       or added by someone else ({@link OwnedObjectWatch}, debounced by {@link ReconcileQueue}).</li>
 * </ul>
 * A reconcile that finds everything as desired writes nothing, so the events of its own writes end in one
 * more run that changes nothing.
 */
@Component
public class ClusterReconcileTriggers {

    private final ClusterReconcileService service;
    private final ClusterLeadership leadership;
    private final ChangeNotifications notifications;
    private final ReconcileQueue queue;
    private final OwnedObjectWatch watch;
    private final ChangeListener listener;
    private final ClusterWatchSettings watchSettings;
    private final boolean inBackground;

    /**
     * @param inBackground whether reconciles caused by a change run on the worker thread (the default), so that
     *                     the person's request does not wait for the cluster and its retries; tests that check
     *                     the cluster right after a change turn it off
     */
    ClusterReconcileTriggers(ClusterReconcileService service, ClusterLeadership leadership,
                             LeaderElectionSettings election, ChangeNotifications notifications,
                             ClusterConnection connection, DataSource dataSource, ClusterWatchSettings watchSettings,
                             @Value("${enclave.cluster.reconcile-changes-in-background:true}") boolean inBackground) {
        this.service = service;
        this.leadership = leadership;
        this.notifications = notifications;
        this.watchSettings = watchSettings;
        this.inBackground = inBackground;
        this.queue = new ReconcileQueue("cluster-reconcile", this::reconcileIfLeader);
        this.watch = watchSettings.enabled()
                ? new OwnedObjectWatch(connection.client(), this::ownedObjectChanged, watchSettings.restartDelay(),
                        Clock.systemUTC()) // compared with the API server's creation times, not the business clock
                : null;
        // With leader election off there is one replica, so no change is made anywhere else.
        this.listener = election.enabled()
                ? new ChangeListener(dataSource, notifications, this::changedElsewhere, Duration.ofSeconds(5))
                : null;
    }

    /** Sent inside the change's transaction, so that the leader hears of it when, and only if, it commits. */
    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void notifyStatusChange(ProjectStatusChanged change) {
        if (ClusterPresence.onCluster(change.to())) {
            notifications.changed(change.slug());
        }
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void notifySettingsChange(ClusterSettingsChanged change) {
        notifications.changed(change.slug());
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void notifyDatasetAccessChange(DatasetAccessChanged change) {
        notifications.changed(change.projectSlug());
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void onStatusChanged(ProjectStatusChanged change) {
        if (ClusterPresence.onCluster(change.to())) {
            changedHere(change.slug());
        }
    }

    /** A new quota or mirror list is applied at once, not at the next periodic pass. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void onSettingsChanged(ClusterSettingsChanged change) {
        changedHere(change.slug());
    }

    /** An approved, revoked or ended dataset approval adds or removes the dataset's claim at once. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void onDatasetAccessChanged(DatasetAccessChanged change) {
        changedHere(change.projectSlug());
    }

    @EventListener
    void onLeadershipAcquired(LeadershipAcquired acquired) {
        if (watch != null) {
            watch.start();
        }
        // Listening first, then the full pass: a change committed in between is either seen by the pass or heard.
        // On the worker thread, not on the elector's, which must keep renewing the lead meanwhile; in the
        // synchronous mode of the tests, at once, so that no pass runs behind a test's back.
        Runnable pass = () -> {
            if (listener != null) {
                listener.start();
            }
            service.reconcileAll();
        };
        if (inBackground) {
            queue.execute(pass);
        } else {
            pass.run();
        }
    }

    /** Returns once the run in progress has ended, so that the next leader never runs beside this one. */
    @EventListener
    void onLeadershipLost(LeadershipLost lost) {
        if (watch != null) {
            watch.stop();
        }
        if (listener != null) {
            listener.stop();
        }
        service.awaitIdle();
    }

    /** The safety net: repairs whatever no event reported (an informer down, a notification lost). */
    @Scheduled(fixedDelayString = "${enclave.cluster.reconcile-interval:PT10M}",
            initialDelayString = "${enclave.cluster.reconcile-interval:PT10M}")
    public void periodicPass() {
        if (leadership.isLeader()) { // spares the database query on the other replicas
            service.reconcileAll();
        }
    }

    /** Whether the owned objects are being watched right now (false on a replica that does not lead). */
    public boolean watching() {
        return watch != null && watch.isWatching();
    }

    @PreDestroy
    void stop() {
        if (watch != null) {
            watch.close();
        }
        if (listener != null) {
            listener.close();
        }
        queue.close();
    }

    private void changedHere(String slug) {
        if (!leadership.isLeader()) {
            return; // the leader heard of it through the notification
        }
        if (inBackground) {
            queue.request(slug, Duration.ZERO);
        } else {
            service.reconcileIfOnCluster(slug);
        }
    }

    private void changedElsewhere(String payload) {
        ChangeNotifications.changedSlug(payload).ifPresent(slug -> queue.request(slug, Duration.ZERO));
    }

    private void ownedObjectChanged(UUID projectId) {
        service.slugOf(projectId).ifPresent(slug -> queue.request(slug, watchSettings.debounce()));
    }

    private void reconcileIfLeader(String slug) {
        service.reconcileIfOnCluster(slug); // which checks the lead under its lock
    }
}
