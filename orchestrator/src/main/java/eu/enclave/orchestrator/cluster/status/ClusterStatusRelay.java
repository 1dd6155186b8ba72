package eu.enclave.orchestrator.cluster.status;

import eu.enclave.orchestrator.cluster.watch.ChangeListener;
import eu.enclave.orchestrator.cluster.watch.ChangeNotifications;
import eu.enclave.orchestrator.project.ProjectStatusChanged;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Carries live status across replicas: the leader stores a project's cluster status, but the pages showing it may
 * be open on any replica. A stored status (or a project status change) is notified on
 * {@link ChangeNotifications#CHANNEL} inside its transaction; every replica listens, and a notification from
 * another replica is published here as {@link ClusterStatusChangedElsewhere}, which the live-status streams send
 * on as they do their own replica's changes.
 */
@Component
class ClusterStatusRelay {

    private final ChangeNotifications notifications;
    private final ApplicationEventPublisher events;
    private final ChangeListener listener;

    ClusterStatusRelay(ChangeNotifications notifications, DataSource dataSource, ApplicationEventPublisher events) {
        this.notifications = notifications;
        this.events = events;
        this.listener = new ChangeListener(dataSource, notifications, this::heard, Duration.ofSeconds(5));
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        listener.start();
    }

    @PreDestroy
    void stop() {
        listener.close();
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void onStatusSaved(ClusterStatusSaved saved) {
        notifications.statusChanged(saved.slug());
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void onProjectStatusChanged(ProjectStatusChanged change) {
        notifications.statusChanged(change.slug());
    }

    private void heard(String payload) {
        ChangeNotifications.statusSlug(payload).ifPresent(slug -> events.publishEvent(
                new ClusterStatusChangedElsewhere(slug)));
    }
}
