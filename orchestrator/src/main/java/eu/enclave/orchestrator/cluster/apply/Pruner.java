package eu.enclave.orchestrator.cluster.apply;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Deletes what the project no longer needs: objects that carry the project's ownership labels but are not in
 * its desired bundle (the mirror and DNS policies once the mirrors are gone). Unlabelled objects, and objects
 * of other projects, are never seen. Volume claims are not pruned: they hold research data, which goes only
 * with the namespace at the end of its retention.
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

    public List<HasMetadata> undesired(String namespace, UUID projectId, Collection<ObjectRef> desired) {
        return owned.find(namespace, projectId, PRUNED_KINDS).stream()
                .filter(object -> !desired.contains(ObjectRef.of(object))).toList();
    }

    /** Returns false when it was already gone. */
    public boolean delete(HasMetadata object) {
        return !client.resource(object).delete().isEmpty();
    }
}
