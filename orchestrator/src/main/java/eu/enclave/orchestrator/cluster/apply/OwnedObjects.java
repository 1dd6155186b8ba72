package eu.enclave.orchestrator.cluster.apply;

import eu.enclave.orchestrator.cluster.ClusterNames;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LimitRange;
import io.fabric8.kubernetes.api.model.PersistentVolume;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.ResourceQuota;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Finds the objects in a project namespace, and the cluster-wide volumes made for the project, that carry the
 * project's ownership labels, and only those.
 */
public final class OwnedObjects {

    /** Every namespaced kind of the project bundle. */
    public static final List<Class<? extends HasMetadata>> BUNDLE_KINDS = List.of(NetworkPolicy.class,
            ResourceQuota.class, LimitRange.class, ServiceAccount.class, PersistentVolumeClaim.class);

    private final KubernetesClient client;

    public OwnedObjects(KubernetesClient client) {
        this.client = client;
    }

    public List<HasMetadata> find(String namespace, UUID projectId, List<Class<? extends HasMetadata>> kinds) {
        Map<String, String> selector = ClusterNames.ownerSelector(projectId);
        return kinds.stream()
                .flatMap(kind -> client.resources(kind).inNamespace(namespace).withLabels(selector).list()
                        .getItems().stream())
                .map(HasMetadata.class::cast)
                // checked again here, for a deletion must never rest on a selector alone
                .filter(object -> ClusterNames.ownedBy(object.getMetadata().getLabels(), projectId))
                .toList();
    }

    /** The cluster-wide volumes made for the project (its dataset volumes), by the same two labels. */
    public List<PersistentVolume> findVolumes(UUID projectId) {
        return client.persistentVolumes().withLabels(ClusterNames.ownerSelector(projectId)).list().getItems().stream()
                .filter(volume -> ClusterNames.ownedBy(volume.getMetadata().getLabels(), projectId))
                .toList();
    }
}
