package eu.enclave.orchestrator.workspace.cluster;

import eu.enclave.orchestrator.cluster.ClusterNames;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches workspace pods and StatefulSets (label {@code enclave.eu/component=workspace}, every namespace) through
 * informers, and reports each workspace's {@link ObservedStatus} whenever either changes. Events are read only
 * for a pod that is not ready, to name the reason of a failure.
 */
public final class WorkspaceStatusWatcher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(WorkspaceStatusWatcher.class);

    private final KubernetesClient client;
    private final Consumer<Observation> sink;
    private final long resyncMillis;
    private SharedIndexInformer<Pod> pods;
    private SharedIndexInformer<StatefulSet> sets;

    public WorkspaceStatusWatcher(KubernetesClient client, Consumer<Observation> sink, long resyncMillis) {
        this.client = client;
        this.sink = sink;
        this.resyncMillis = resyncMillis;
    }

    public synchronized void start() {
        if (pods != null) {
            return;
        }
        Map<String, String> selector = ClusterNames.workspacePods();
        sets = client.apps().statefulSets().inAnyNamespace().withLabels(selector).inform(handler(), resyncMillis);
        pods = client.pods().inAnyNamespace().withLabels(selector).inform(handler(), resyncMillis);
    }

    /** The current observation of one workspace, from the informers' caches. */
    public Observation observe(String namespace, UUID projectId, String workspace) {
        StatefulSet set = sets == null ? null : sets.getIndexer()
                .getByKey(namespace + "/" + WorkspaceNames.workload(workspace));
        Pod pod = pods == null ? null : pods.getIndexer().getByKey(namespace + "/" + WorkspaceNames.pod(workspace));
        ObservedStatus.Status status = ObservedStatus.of(set, pod, pod == null || isReady(pod) ? List.of()
                : eventsOf(pod));
        return new Observation(projectId, workspace, status.status(), status.reason());
    }

    private <T extends HasMetadata> ResourceEventHandler<T> handler() {
        return new ResourceEventHandler<>() {
            @Override
            public void onAdd(T object) {
                changed(object);
            }

            @Override
            public void onUpdate(T before, T after) {
                changed(after);
            }

            @Override
            public void onDelete(T object, boolean finalStateUnknown) {
                changed(object);
            }
        };
    }

    private void changed(HasMetadata object) {
        Map<String, String> labels = object.getMetadata().getLabels();
        String workspace = labels == null ? null : labels.get(WorkspaceNames.WORKSPACE);
        String project = labels == null ? null : labels.get(ClusterNames.PROJECT_ID);
        if (workspace == null || project == null) {
            return;
        }
        try {
            sink.accept(observe(object.getMetadata().getNamespace(), UUID.fromString(project), workspace));
        } catch (RuntimeException e) {
            log.warn("Could not record the status of workspace {} in {}: {}", workspace,
                    object.getMetadata().getNamespace(), e.toString());
        }
    }

    private List<Event> eventsOf(Pod pod) {
        try {
            return client.v1().events().inNamespace(pod.getMetadata().getNamespace()).list().getItems().stream()
                    .filter(e -> e.getInvolvedObject() != null
                            && pod.getMetadata().getName().equals(e.getInvolvedObject().getName()))
                    .toList();
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    private static boolean isReady(Pod pod) {
        return pod.getStatus() != null && pod.getStatus().getConditions() != null && pod.getStatus().getConditions()
                .stream().anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
    }

    @Override
    public synchronized void close() {
        if (pods != null) {
            pods.close();
            sets.close();
        }
    }
}
