package eu.enclave.orchestrator.workspace.cluster;

import eu.enclave.orchestrator.cluster.ClusterNames;
import eu.enclave.orchestrator.cluster.watch.OwnedObjectEvents;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the workspace StatefulSets and Services (label {@code enclave.eu/component=workspace}, every namespace)
 * and reports the workspace of each one edited, deleted or added by someone, so that a hand edit is repaired
 * within seconds rather than at the next periodic pass. Secrets are not watched: a cluster-wide watch on Secrets
 * would read every Secret of the cluster; they stay on the periodic pass. Changes of status only are ignored, and so
 * is the listing of what existed before the watch started.
 */
public final class WorkspaceDriftWatch implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(WorkspaceDriftWatch.class);

    private final KubernetesClient client;
    private final Changed workspaceChanged;
    private final Clock clock;
    private final List<SharedIndexInformer<? extends HasMetadata>> informers = new ArrayList<>();
    private volatile Instant startedAt = Instant.MIN;

    /** Told of each workspace whose objects changed; called on informer threads, so it must only hand work over. */
    @FunctionalInterface
    public interface Changed {
        void workspace(String namespace, UUID projectId, String name);
    }

    public WorkspaceDriftWatch(KubernetesClient client, Changed workspaceChanged, Clock clock) {
        this.client = client;
        this.workspaceChanged = workspaceChanged;
        this.clock = clock;
    }

    public synchronized void start() {
        if (!informers.isEmpty()) {
            return;
        }
        startedAt = clock.instant();
        Map<String, String> selector = ClusterNames.workspacePods();
        informers.add(client.apps().statefulSets().inAnyNamespace().withLabels(selector).inform(new Handler<>(), 0));
        informers.add(client.services().inAnyNamespace().withLabels(selector).inform(new Handler<>(), 0));
        log.info("Watching workspace StatefulSets and Services for hand edits");
    }

    public synchronized boolean isWatching() {
        return !informers.isEmpty() && informers.stream().allMatch(SharedIndexInformer::isWatching);
    }

    public synchronized void stop() {
        informers.forEach(SharedIndexInformer::close);
        informers.clear();
    }

    @Override
    public void close() {
        stop();
    }

    private void report(HasMetadata object) {
        Map<String, String> labels = object.getMetadata().getLabels();
        String workspace = labels == null ? null : labels.get(WorkspaceNames.WORKSPACE);
        if (workspace != null) {
            OwnedObjectEvents.projectOf(object).ifPresent(project -> workspaceChanged.workspace(
                    object.getMetadata().getNamespace(), project, workspace));
        }
    }

    /** Runs on informer threads: it decides and hands over, never calls the cluster or the database. */
    private final class Handler<T extends HasMetadata> implements ResourceEventHandler<T> {

        @Override
        public void onAdd(T object) {
            if (OwnedObjectEvents.isNew(object, startedAt)) {
                report(object);
            }
        }

        @Override
        public void onUpdate(T before, T after) {
            if (OwnedObjectEvents.changedContent(before, after)) {
                report(after);
            }
        }

        @Override
        public void onDelete(T object, boolean finalStateUnknown) {
            report(object);
        }
    }
}
