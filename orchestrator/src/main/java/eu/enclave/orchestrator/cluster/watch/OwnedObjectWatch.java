package eu.enclave.orchestrator.cluster.watch;

import eu.enclave.orchestrator.cluster.ClusterNames;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches every object Enclave owns, in all namespaces, through one informer per kind of the bundle, and
 * reports the project of each one edited, deleted or added by someone, so that it is repaired within
 * seconds instead of at the next periodic pass. Only the label {@code app.kubernetes.io/managed-by=enclave}
 * is selected on the server: objects that are not ours cost nothing.
 *
 * <p>The informers keep one watch connection per kind open and make no call per project while nothing
 * changes. An informer that stops (its watch refused or failed for good) is logged and started again after
 * {@code restartDelay}; meanwhile the periodic pass still repairs.
 */
public final class OwnedObjectWatch implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OwnedObjectWatch.class);

    private final KubernetesClient client;
    private final Consumer<UUID> projectChanged;
    private final Duration restartDelay;
    private final Clock clock;
    private final List<Kind> kinds;
    private final Map<String, SharedIndexInformer<? extends HasMetadata>> informers = new ConcurrentHashMap<>();
    private final ScheduledExecutorService restarts = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "cluster-watch-restart");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean watching;
    private volatile Instant startedAt = Instant.MIN;

    /**
     * @param projectChanged told the project of each relevant event; called on informer threads, so it must
     *                       only hand the work over (see {@link ReconcileQueue})
     */
    public OwnedObjectWatch(KubernetesClient client, Consumer<UUID> projectChanged, Duration restartDelay,
                            Clock clock) {
        this.client = client;
        this.projectChanged = projectChanged;
        this.restartDelay = restartDelay;
        this.clock = clock;
        this.kinds = List.of(
                new Kind("Namespace", c -> c.namespaces().withLabel(ClusterNames.MANAGED_BY, ClusterNames.MANAGER)
                        .runnableInformer(0)),
                new Kind("NetworkPolicy", c -> c.network().v1().networkPolicies().inAnyNamespace()
                        .withLabel(ClusterNames.MANAGED_BY, ClusterNames.MANAGER).runnableInformer(0)),
                new Kind("ResourceQuota", c -> c.resourceQuotas().inAnyNamespace()
                        .withLabel(ClusterNames.MANAGED_BY, ClusterNames.MANAGER).runnableInformer(0)),
                new Kind("LimitRange", c -> c.limitRanges().inAnyNamespace()
                        .withLabel(ClusterNames.MANAGED_BY, ClusterNames.MANAGER).runnableInformer(0)),
                new Kind("ServiceAccount", c -> c.serviceAccounts().inAnyNamespace()
                        .withLabel(ClusterNames.MANAGED_BY, ClusterNames.MANAGER).runnableInformer(0)),
                new Kind("PersistentVolumeClaim", c -> c.persistentVolumeClaims().inAnyNamespace()
                        .withLabel(ClusterNames.MANAGED_BY, ClusterNames.MANAGER).runnableInformer(0)));
    }

    public synchronized void start() {
        if (watching) {
            return;
        }
        watching = true;
        startedAt = clock.instant();
        kinds.forEach(this::startInformer);
        log.info("Watching the objects Enclave owns on the cluster ({} kinds)", kinds.size());
    }

    public synchronized void stop() {
        if (!watching) {
            return;
        }
        watching = false;
        informers.values().forEach(SharedIndexInformer::stop);
        informers.clear();
        log.info("Stopped watching the objects Enclave owns on the cluster");
    }

    /** Whether every informer is running and watching; false while one is being restarted. */
    public boolean isWatching() {
        return watching && informers.size() == kinds.size()
                && informers.values().stream().allMatch(SharedIndexInformer::isWatching);
    }

    @Override
    public void close() {
        stop();
        restarts.shutdownNow();
    }

    private synchronized void startInformer(Kind kind) {
        if (!watching) {
            return;
        }
        SharedIndexInformer<? extends HasMetadata> informer;
        try {
            informer = kind.informer().apply(client);
        } catch (RuntimeException e) {
            log.warn("Could not create the informer for {}; retrying in {}", kind.name(), restartDelay, e);
            scheduleRestart(kind);
            return;
        }
        informer.addEventHandler(new Handler());
        informers.put(kind.name(), informer);
        informer.start().whenComplete((ignored, error) -> {
            if (error != null) {
                log.warn("The informer for {} could not start: {}", kind.name(), error.toString());
            }
        });
        informer.stopped().whenComplete((ignored, error) -> onStopped(kind, informer, error));
    }

    private void onStopped(Kind kind, SharedIndexInformer<? extends HasMetadata> informer, Throwable error) {
        synchronized (this) {
            if (!watching || informers.get(kind.name()) != informer) {
                return; // stopped on purpose
            }
            informers.remove(kind.name());
        }
        log.warn("The informer for {} stopped ({}); the periodic pass keeps repairing, and it is restarted in {}",
                kind.name(), error == null ? "no reason given" : error.toString(), restartDelay);
        scheduleRestart(kind);
    }

    private void scheduleRestart(Kind kind) {
        try {
            restarts.schedule(() -> startInformer(kind), restartDelay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closed) {
            log.debug("Not restarting the informer for {}: the watch is closed", kind.name());
        }
    }

    private void report(HasMetadata object) {
        OwnedObjectEvents.projectOf(object).ifPresent(projectChanged);
    }

    /** Runs on informer threads: it decides and hands over, never calls the cluster or the database. */
    private final class Handler implements ResourceEventHandler<HasMetadata> {

        @Override
        public void onAdd(HasMetadata object) {
            if (OwnedObjectEvents.isNew(object, startedAt)) {
                report(object);
            }
        }

        @Override
        public void onUpdate(HasMetadata before, HasMetadata after) {
            if (OwnedObjectEvents.changedContent(before, after)) {
                report(after);
                OwnedObjectEvents.projectOf(before).filter(id -> !OwnedObjectEvents.projectOf(after)
                        .map(id::equals).orElse(false)).ifPresent(projectChanged); // its owner label was edited
            }
        }

        @Override
        public void onDelete(HasMetadata object, boolean finalStateUnknown) {
            report(object);
        }
    }

    private record Kind(String name, Function<KubernetesClient, SharedIndexInformer<? extends HasMetadata>> informer) {
    }
}
