package eu.enclave.orchestrator.workspace.cluster;

import eu.enclave.orchestrator.cluster.ClusterNames;
import eu.enclave.orchestrator.cluster.apply.ApplyResult;
import eu.enclave.orchestrator.cluster.apply.ClusterApplier;
import eu.enclave.orchestrator.cluster.apply.ClusterCallFailed;
import eu.enclave.orchestrator.cluster.apply.ObjectRef;
import eu.enclave.orchestrator.cluster.apply.Retrier;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Makes one workspace's objects on the cluster match its spec, or removes them (never the home volume). Keeps
 * no state: each run reads, compares and writes only what differs, so running it again is harmless.
 */
public final class WorkspaceReconciler {

    private final KubernetesClient client;
    private final ClusterApplier applier;
    private final Retrier retrier;

    public WorkspaceReconciler(KubernetesClient client, Retrier retrier) {
        this.client = client;
        this.applier = new ClusterApplier(client);
        this.retrier = retrier;
    }

    /**
     * @param failure the first object that could not be made right and why; null when all converged
     */
    public record Outcome(List<ApplyResult> results, String failure) {

        public boolean converged() {
            return failure == null;
        }
    }

    /** Applies in order; the first failure stops the run, since the StatefulSet relies on what comes before. */
    public Outcome apply(WorkspaceSpec spec) {
        List<ApplyResult> results = new ArrayList<>();
        for (HasMetadata object : WorkspaceObjects.desired(spec)) {
            ObjectRef ref = ObjectRef.of(object);
            try {
                ApplyResult result = retrier.call(() -> applier.apply(object));
                results.add(result);
                if (!result.converged()) {
                    return new Outcome(results, ref + ": " + result.reason());
                }
            } catch (ClusterCallFailed error) {
                results.add(ApplyResult.failed(ref, error.reason()));
                return new Outcome(results, ref + ": " + error.reason());
            }
        }
        return new Outcome(results, null);
    }

    /** Whether the desktop Secret exists, so that a reconcile after a lost start can issue a password again. */
    public boolean hasDesktopSecret(String namespace, String workspace) {
        return retrier.call(() -> client.secrets().inNamespace(namespace)
                .withName(WorkspaceNames.desktopSecret(workspace)).get()) != null;
    }

    /** Whether the database Secret exists, so that the pod keeps mounting it between starts. */
    public boolean hasDatabaseSecret(String namespace, String workspace) {
        return retrier.call(() -> client.secrets().inNamespace(namespace)
                .withName(WorkspaceNames.databaseSecret(workspace)).get()) != null;
    }

    /** Deletes the StatefulSet, Service and Secrets, when they are this project's; returns what was deleted. */
    public List<ObjectRef> remove(String namespace, UUID projectId, String workspace) {
        List<ObjectRef> removed = new ArrayList<>();
        remove(StatefulSet.class, namespace, WorkspaceNames.workload(workspace), projectId, removed);
        remove(Service.class, namespace, WorkspaceNames.workload(workspace), projectId, removed);
        remove(Secret.class, namespace, WorkspaceNames.desktopSecret(workspace), projectId, removed);
        remove(Secret.class, namespace, WorkspaceNames.databaseSecret(workspace), projectId, removed);
        return removed;
    }

    /** Deletes the database Secret (at a stop), when it is this project's; returns whether it was there. */
    public boolean removeDatabaseSecret(String namespace, UUID projectId, String workspace) {
        List<ObjectRef> removed = new ArrayList<>();
        remove(Secret.class, namespace, WorkspaceNames.databaseSecret(workspace), projectId, removed);
        return !removed.isEmpty();
    }

    /** The workspaces of the project whose running pod template mounts the claim: those that lose a dataset. */
    public Set<String> mounting(String namespace, UUID projectId, String claimName) {
        List<StatefulSet> sets = retrier.call(() -> client.apps().statefulSets().inNamespace(namespace)
                .withLabels(ClusterNames.workspacePods()).list().getItems());
        return sets.stream()
                .filter(set -> ClusterNames.ownedBy(set.getMetadata().getLabels(), projectId))
                .filter(set -> set.getSpec().getTemplate().getSpec().getVolumes().stream()
                        .anyMatch(v -> v.getPersistentVolumeClaim() != null
                                && claimName.equals(v.getPersistentVolumeClaim().getClaimName())))
                .map(set -> set.getMetadata().getLabels().get(WorkspaceNames.WORKSPACE))
                .filter(Objects::nonNull)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** Every workspace StatefulSet on the cluster, to find those whose workspace no longer exists. */
    public List<StatefulSet> workspaceSets() {
        return retrier.call(() -> client.apps().statefulSets().inAnyNamespace()
                .withLabels(ClusterNames.workspacePods()).list().getItems());
    }

    private <T extends HasMetadata> void remove(Class<T> kind, String namespace, String name, UUID projectId,
                                                List<ObjectRef> removed) {
        retrier.call(() -> {
            T live = client.resources(kind).inNamespace(namespace).withName(name).get();
            // a deletion never rests on a name alone
            if (live != null && ClusterNames.ownedBy(live.getMetadata().getLabels(), projectId)
                    && !client.resource(live).delete().isEmpty()) {
                removed.add(ObjectRef.of(live));
            }
            return null;
        });
    }
}
