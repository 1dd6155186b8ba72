package eu.enclave.orchestrator.cluster.watch;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Listens on {@link ChangeNotifications#CHANNEL} on a connection of its own, on a thread of its own, and
 * hands each project slug notified by another process to {@code changed}. A broken connection is reopened
 * after {@code reconnectDelay}; notifications sent meanwhile are lost, which the periodic pass makes good.
 */
public final class ChangeListener implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ChangeListener.class);
    private static final int POLL_MILLIS = 500;

    private final DataSource dataSource;
    private final ChangeNotifications notifications;
    private final Consumer<String> changed;
    private final Duration reconnectDelay;
    private Thread thread;

    public ChangeListener(DataSource dataSource, ChangeNotifications notifications, Consumer<String> changed,
                          Duration reconnectDelay) {
        this.dataSource = dataSource;
        this.notifications = notifications;
        this.changed = changed;
        this.reconnectDelay = reconnectDelay;
    }

    /** Starts listening; returns once LISTEN is in effect (or the first attempt failed), so that no change is missed after. */
    public synchronized void start() {
        if (thread != null) {
            return;
        }
        CountDownLatch listening = new CountDownLatch(1);
        thread = new Thread(() -> listen(listening), "cluster-change-listener");
        thread.setDaemon(true);
        thread.start();
        try {
            listening.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public synchronized void stop() {
        if (thread != null) {
            thread.interrupt();
            thread = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    private void listen(CountDownLatch listening) {
        while (!Thread.currentThread().isInterrupted()) {
            try (Connection connection = dataSource.getConnection()) {
                try {
                    connection.setAutoCommit(true);
                    try (Statement statement = connection.createStatement()) {
                        statement.execute("LISTEN " + ChangeNotifications.CHANNEL);
                    }
                    listening.countDown();
                    log.info("Listening for cluster changes made through other replicas");
                    receive(connection.unwrap(PGConnection.class));
                } finally {
                    unlisten(connection); // a pooled connection must not keep listening once returned
                }
            } catch (SQLException e) {
                listening.countDown();
                if (Thread.currentThread().isInterrupted()) {
                    return;
                }
                log.warn("Listening for cluster changes failed ({}); reconnecting in {}", e.getMessage(), reconnectDelay);
                try {
                    Thread.sleep(reconnectDelay.toMillis());
                } catch (InterruptedException stop) {
                    return;
                }
            }
        }
    }

    private void receive(PGConnection connection) throws SQLException {
        while (!Thread.currentThread().isInterrupted()) {
            PGNotification[] received = connection.getNotifications(POLL_MILLIS);
            if (received == null) {
                continue;
            }
            for (PGNotification notification : received) {
                if (!notifications.sentHere(notification.getPID())) {
                    changed.accept(notification.getParameter());
                }
            }
        }
    }

    private static void unlisten(Connection connection) {
        boolean interrupted = Thread.interrupted(); // the driver would refuse to talk while interrupted
        try (Statement statement = connection.createStatement()) {
            statement.execute("UNLISTEN *");
        } catch (SQLException e) {
            log.debug("UNLISTEN failed; the connection is being closed anyway", e);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
