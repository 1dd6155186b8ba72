package eu.enclave.orchestrator.cluster.watch;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reconciles requested projects one at a time on a worker thread, never on the caller's thread (informer,
 * notification listener, request). A project already waiting is not queued twice, so a burst of events for
 * one project becomes one run after the delay of the first; a request made while that project's run is in
 * progress queues another run, since the run may have read the state before the change.
 *
 * <p>A failing run is logged and the next one proceeds: one project never blocks the others for longer than
 * its own run.
 */
public final class ReconcileQueue implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ReconcileQueue.class);

    private final ScheduledExecutorService worker;
    private final Consumer<String> reconcile;
    private final Map<String, Boolean> waiting = new ConcurrentHashMap<>();

    /** @param reconcile reconciles the project of the given slug; called on the worker thread only */
    public ReconcileQueue(String threadName, Consumer<String> reconcile) {
        this.worker = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, threadName);
            thread.setDaemon(true);
            return thread;
        });
        this.reconcile = reconcile;
    }

    /** Reconciles the project after {@code delay}, unless a run of it is already waiting. */
    public void request(String slug, Duration delay) {
        if (waiting.putIfAbsent(slug, Boolean.TRUE) != null) {
            return;
        }
        try {
            worker.schedule(() -> run(slug), delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closed) {
            waiting.remove(slug);
        }
    }

    /** Runs a task (a full pass) on the worker thread, after the runs already due. */
    public void execute(Runnable task) {
        try {
            worker.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    log.error("A cluster task failed", e);
                }
            });
        } catch (RejectedExecutionException closed) {
            log.debug("Cluster task dropped: the queue is closed");
        }
    }

    /** Projects waiting for a run, for tests and logs. */
    public int waiting() {
        return waiting.size();
    }

    private void run(String slug) {
        waiting.remove(slug); // first, so that a change during the run queues another one
        try {
            reconcile.accept(slug);
        } catch (RuntimeException e) {
            log.error("Reconciling project '{}' failed; it is tried again at the next change or periodic run", slug, e);
        }
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
