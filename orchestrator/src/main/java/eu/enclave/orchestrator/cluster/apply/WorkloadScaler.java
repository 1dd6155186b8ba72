package eu.enclave.orchestrator.cluster.apply;

import eu.enclave.orchestrator.cluster.SuspendedWorkspaces;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.UUID;

/**
 * The client side of a suspension: lists the project's workloads and scales one to zero with a plain read and
 * update carrying the live resourceVersion (so a concurrent write fails with 409, which the caller may retry).
 * Deciding what to scale is {@link SuspendedWorkspaces}'s.
 */
public final class WorkloadScaler {

    private final KubernetesClient client;
    private final OwnedObjects owned;

    public WorkloadScaler(KubernetesClient client) {
        this.client = client;
        this.owned = new OwnedObjects(client);
    }

    public List<HasMetadata> workspacesToScaleDown(String namespace, UUID projectId) {
        return SuspendedWorkspaces.toScaleDown(owned.find(namespace, projectId, SuspendedWorkspaces.KINDS), projectId);
    }

    /** Returns false when it was gone or at zero already. */
    public boolean scaleToZero(HasMetadata workload) {
        HasMetadata live = client.resource(workload).get();
        if (live == null) {
            return false;
        }
        return SuspendedWorkspaces.scaledToZero(live).map(scaled -> {
            client.resource(scaled).update();
            return true;
        }).orElse(false);
    }
}
