package eu.enclave.orchestrator.cluster;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What a suspension does to workloads, as pure functions over objects read from the cluster: every StatefulSet
 * and Deployment that is the project's own and labelled as a workspace is scaled to zero replicas. Nothing is
 * deleted: the pods go, their volume claims (homes, share, outbox) and so the data stay.
 */
public final class SuspendedWorkspaces {

    /** The kinds a suspension scales. */
    public static final List<Class<? extends HasMetadata>> KINDS = List.of(StatefulSet.class, Deployment.class);

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private SuspendedWorkspaces() {
    }

    /** Of {@code live}, the project's workspace workloads that still ask for replicas. */
    public static List<HasMetadata> toScaleDown(List<HasMetadata> live, UUID projectId) {
        return live.stream().filter(object -> isWorkspaceOf(object, projectId))
                .filter(object -> replicas(object) != 0).toList();
    }

    /** A copy of {@code live} with zero replicas, or empty when it has none already (or is not a scaled kind). */
    public static Optional<HasMetadata> scaledToZero(HasMetadata live) {
        if (!(live instanceof StatefulSet || live instanceof Deployment) || replicas(live) == 0) {
            return Optional.empty();
        }
        HasMetadata copy = SERIALIZATION.unmarshal(SERIALIZATION.asJson(live), live.getClass());
        if (copy instanceof StatefulSet set) {
            set.getSpec().setReplicas(0);
        } else {
            ((Deployment) copy).getSpec().setReplicas(0);
        }
        return Optional.of(copy);
    }

    static boolean isWorkspaceOf(HasMetadata object, UUID projectId) {
        Map<String, String> labels = object.getMetadata().getLabels();
        return ClusterNames.ownedBy(labels, projectId)
                && ClusterNames.WORKSPACE_COMPONENT.equals(labels.get(ClusterNames.COMPONENT));
    }

    /** Kubernetes reads absent replicas as 1. */
    static int replicas(HasMetadata object) {
        Integer replicas = object instanceof StatefulSet set && set.getSpec() != null ? set.getSpec().getReplicas()
                : object instanceof Deployment deployment && deployment.getSpec() != null
                        ? deployment.getSpec().getReplicas() : Integer.valueOf(0);
        return replicas == null ? 1 : replicas;
    }
}
