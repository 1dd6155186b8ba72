package eu.enclave.orchestrator.cluster.watch;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Tells the leading replica, through PostgreSQL {@code NOTIFY}, that a project's desired state changed. The
 * notification is sent inside the transaction of the change, so it is delivered when, and only if, that
 * transaction commits. The payload is the project's slug.
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

    /** Must run inside the transaction of the change. */
    public void changed(String slug) {
        Integer session = jdbc.sql("SELECT pg_backend_pid() FROM (SELECT pg_notify(?, ?)) AS sent")
                .param(CHANNEL).param(slug).query(Integer.class).single();
        ownSessions.put(session, System.nanoTime());
    }

    /** Whether a notification came from this process (its pooled sessions are few, so the map stays small). */
    public boolean sentHere(int sessionPid) {
        Long notifiedAt = ownSessions.get(sessionPid);
        return notifiedAt != null && System.nanoTime() - notifiedAt < RECENT.toNanos();
    }
}
