package eu.enclave.orchestrator.gateway.web;

import eu.enclave.orchestrator.gateway.DesktopDefaults;
import eu.enclave.orchestrator.gateway.DesktopSessionService;
import jakarta.annotation.PreDestroy;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/**
 * Every open desktop relay: their guacd-side threads, and one sweep that enforces the session limits. On shutdown
 * every session is closed (and audited) before the database goes away.
 */
@Component
class OpenTunnels {

    /** How often an open session's access is checked again: membership, project status, workspace running. */
    static final long REAUTHORISE_EVERY_NANOS = TimeUnit.SECONDS.toNanos(30);

    private final Set<DesktopRelay> open = ConcurrentHashMap.newKeySet();
    private final DesktopSessionService sessions;
    private long lastReauthorisation = System.nanoTime();
    private final ExecutorService relays = Executors.newCachedThreadPool(named("desktop-relay-"));
    private final ScheduledExecutorService limits = Executors.newSingleThreadScheduledExecutor(named("desktop-limits-"));

    /**
     * @param sessions checks open sessions' access again; also makes this bean be destroyed before the service
     *                 (and the database) through which closing sessions are audited
     */
    OpenTunnels(DesktopDefaults defaults, DesktopSessionService sessions) {
        this.sessions = sessions;
        long every = defaults.limitCheckInterval().toMillis();
        limits.scheduleWithFixedDelay(this::enforceLimits, every, every, TimeUnit.MILLISECONDS);
    }

    ExecutorService relays() {
        return relays;
    }

    void add(DesktopRelay relay) {
        open.add(relay);
    }

    void remove(DesktopRelay relay) {
        open.remove(relay);
    }

    int count() {
        return open.size();
    }

    void enforceLimits() {
        enforceLimitsAt(System.nanoTime());
    }

    /** One sweep as if the monotonic clock read {@code now} (tests move it forward). */
    void enforceLimitsAt(long now) {
        for (DesktopRelay relay : List.copyOf(open)) {
            try {
                relay.enforceLimits(now);
            } catch (RuntimeException e) {
                // one failing close must not stop the sweep; the next sweep tries again
            }
        }
        if (now - lastReauthorisation >= REAUTHORISE_EVERY_NANOS) {
            lastReauthorisation = now;
            reauthorise();
        }
    }

    /**
     * Ends the sessions whose user may no longer use the workspace (removed member, suspended project, stopped),
     * and renews the others in the database, so that every replica counts them as open.
     */
    void reauthorise() {
        try {
            sessions.stillOpen(open.stream().filter(DesktopRelay::connected).map(r -> r.admission().sessionId())
                    .toList());
        } catch (RuntimeException e) {
            // the database may be briefly away: the next sweep renews them, well within their staleness
        }
        for (DesktopRelay relay : List.copyOf(open)) {
            try {
                if (!sessions.stillAllowed(relay.user(), relay.admission())) {
                    relay.close(CloseReason.ACCESS_ENDED);
                }
            } catch (RuntimeException e) {
                // the database may be briefly away: the session goes on and the next check tries again
            }
        }
    }

    @PreDestroy
    void closeAll() {
        limits.shutdownNow();
        for (DesktopRelay relay : List.copyOf(open)) {
            relay.close(CloseReason.SERVER_STOPPING);
        }
        relays.shutdownNow();
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + n.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
