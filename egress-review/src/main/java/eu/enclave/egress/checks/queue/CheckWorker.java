package eu.enclave.egress.checks.queue;

import eu.enclave.egress.request.RequestSubmitted;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * This replica's worker of the check queue: one thread that drains the queue every poll interval and at once after
 * a submission. Off with {@code enclave.checks.queue.enabled=false}, as in the tests, which drain it themselves.
 */
@Component
class CheckWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(CheckWorker.class);

    private final CheckQueue queue;
    private final CheckQueueSettings settings;
    private final AtomicBoolean draining = new AtomicBoolean();
    private ScheduledExecutorService executor;

    CheckWorker(CheckQueue queue, CheckQueueSettings settings) {
        this.queue = queue;
        this.settings = settings;
    }

    @EventListener
    void submitted(RequestSubmitted event) {
        ScheduledExecutorService current = executor;
        if (current != null) {
            current.execute(this::drain);
        }
    }

    private void drain() {
        if (!draining.compareAndSet(false, true)) {
            return;
        }
        try {
            queue.runPending();
        } catch (RuntimeException e) {
            log.warn("The check queue could not be drained; trying again in {}", settings.pollInterval(), e);
        } finally {
            draining.set(false);
        }
    }

    @Override
    public synchronized void start() {
        if (Boolean.TRUE.equals(settings.enabled()) && executor == null) {
            executor = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread thread = new Thread(r, "check-queue");
                thread.setDaemon(true);
                return thread;
            });
            executor.scheduleWithFixedDelay(this::drain, 0, settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
            log.info("Check queue worker {} started (every {})", settings.workerId(), settings.pollInterval());
        }
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
