package eu.enclave.orchestrator.cluster.watch;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Tells the leading replica, through PostgreSQL {@code NOTIFY}, that a project's desired state changed. The
 * notification is sent inside the transaction of the change, so it is delivered when, and only if, that
 * transaction commits. The payload is the project's slug; {@code status:<slug>} tells every replica's open pages
 * that the project's shown status changed ({@link #statusChanged}).
 *
 * <p>Remembers the database sessions it notified from, and when, so that the listener of the same process can
 * leave its own notifications to the after-commit reconcile, which already handles them. Only recent ones
 * count: a session of another replica could later get the same process id.
 */
@Repository
public class ChangeNotifications {

    public static final String CHANNEL = "enclave_cluster_changes";

    private final JdbcClient jdbc;
    private static final Duration RECENT = Duration.ofMinutes(1);

    private final Map<Integer, Long> ownSessions = new ConcurrentHashMap<>();

    public ChangeNotifications(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The payload prefix of a stored status to show, as against a desired state to apply. */
    private static final String STATUS = "status:";

    /** Must run inside the transaction of the change. */
    public void changed(String slug) {
        notify(slug);
    }

    /**
     * A project's status to show changed (stored, or its project status): every replica's open pages are told.
     * Must run inside the transaction that stored it.
     */
    public void statusChanged(String slug) {
        notify(STATUS + slug);
    }

    /** The project of a desired-state payload; empty for a status one. */
    public static Optional<String> changedSlug(String payload) {
        return payload.startsWith(STATUS) ? Optional.empty() : Optional.of(payload);
    }

    /** The project of a status payload; empty for a desired-state one. */
    public static Optional<String> statusSlug(String payload) {
        return payload.startsWith(STATUS) ? Optional.of(payload.substring(STATUS.length())) : Optional.empty();
    }

    private void notify(String payload) {
        Integer session = jdbc.sql("SELECT pg_backend_pid() FROM (SELECT pg_notify(?, ?)) AS sent")
                .param(CHANNEL).param(payload).query(Integer.class).single();
        ownSessions.put(session, System.nanoTime());
    }

    /** Whether a notification came from this process (its pooled sessions are few, so the map stays small). */
    public boolean sentHere(int sessionPid) {
        Long notifiedAt = ownSessions.get(sessionPid);
        return notifiedAt != null && System.nanoTime() - notifiedAt < RECENT.toNanos();
    }
}
