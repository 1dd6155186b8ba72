package eu.enclave.orchestrator.cluster.apply;

import eu.enclave.orchestrator.cluster.ClusterNames;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Deletes what the project no longer needs: objects that carry the project's ownership labels but are not in
 * its desired bundle (the mirror and DNS policies once the mirrors are gone, a dataset whose approval ended).
 * Unlabelled objects, and objects of other projects, are never seen.
 *
 * <p>Volume claims hold research data (homes, share, outbox) and are not pruned: that data goes only with the
 * namespace at the end of its retention. The one exception is a dataset's claim, labelled
 * {@code enclave.eu/component=dataset}: it only points, read-only, at data kept elsewhere. The cluster-wide
 * volumes made for those claims are pruned after them; their reclaim policy is Retain, so deleting one never
 * deletes the data.
 */
public final class Pruner {

    static final List<Class<? extends HasMetadata>> PRUNED_KINDS = OwnedObjects.BUNDLE_KINDS.stream()
            .filter(kind -> kind != PersistentVolumeClaim.class).toList();

    private final KubernetesClient client;
    private final OwnedObjects owned;

    public Pruner(KubernetesClient client) {
        this.client = client;
        this.owned = new OwnedObjects(client);
    }

    /** In deletion order: namespaced objects, then dataset claims, then the volumes made for them. */
    public List<HasMetadata> undesired(String namespace, UUID projectId, Collection<ObjectRef> desired) {
        Stream<HasMetadata> datasetClaims = owned.find(namespace, projectId, List.of(PersistentVolumeClaim.class))
                .stream().filter(Pruner::isDatasetObject);
        Stream<HasMetadata> datasetVolumes = owned.findVolumes(projectId).stream().filter(Pruner::isDatasetObject)
                .map(HasMetadata.class::cast);
        return Stream.of(owned.find(namespace, projectId, PRUNED_KINDS).stream(), datasetClaims, datasetVolumes)
                .flatMap(s -> s)
                .filter(object -> !desired.contains(ObjectRef.of(object))).toList();
    }

    /** Returns false when it was already gone. */
    public boolean delete(HasMetadata object) {
        return !client.resource(object).delete().isEmpty();
    }

    static boolean isDatasetObject(HasMetadata object) {
        Map<String, String> labels = object.getMetadata().getLabels();
        return labels != null && ClusterNames.DATASET_COMPONENT.equals(labels.get(ClusterNames.COMPONENT));
    }
}
