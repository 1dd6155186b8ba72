package eu.enclave.orchestrator.cluster.watch;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Tells the leading replica, through PostgreSQL {@code NOTIFY}, that a project's desired state changed. The
 * notification is sent inside the transaction of the change, so it is delivered when, and only if, that
 * transaction commits. The payload is the project's slug.
 *
 * <p>Remembers the database sessions it notified from, so that the listener of the same process can leave
 * its own notifications to the after-commit reconcile, which already handles them.
 */
@Repository
public class ChangeNotifications {

    public static final String CHANNEL = "enclave_cluster_changes";

    private final JdbcClient jdbc;
    private final Set<Integer> ownSessions = ConcurrentHashMap.newKeySet();

    public ChangeNotifications(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Must run inside the transaction of the change. */
    public void changed(String slug) {
        Integer session = jdbc.sql("SELECT pg_backend_pid() FROM (SELECT pg_notify(?, ?)) AS sent")
                .param(CHANNEL).param(slug).query(Integer.class).single();
        ownSessions.add(session);
    }

    /** Whether a notification came from this process (its pooled sessions are few and long-lived). */
    public boolean sentHere(int sessionPid) {
        return ownSessions.contains(sessionPid);
    }
}
