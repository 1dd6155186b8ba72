package eu.enclave.orchestrator.cluster.apply;

import eu.enclave.orchestrator.cluster.ClusterNames;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.Map;

/**
 * Makes one object on the cluster match its desired form, with plain reads, creates and updates: a path that
 * works on every API server and on Fabric8's CRUD mock (which has no server-side apply). Only the fields
 * Enclave owns are compared ({@link OwnedFields}); an update is sent only when they differ, and carries the
 * live resourceVersion, so a concurrent write makes it fail with 409 rather than be overwritten.
 *
 * <p>API errors are thrown as they come; the caller decides whether to try again ({@link Retrier}).
 */
public final class ClusterApplier {

    private static final int CONFLICT = 409;

    private final KubernetesClient client;

    public ClusterApplier(KubernetesClient client) {
        this.client = client;
    }

    public ApplyResult apply(HasMetadata desired) {
        ObjectRef ref = ObjectRef.of(desired);
        HasMetadata live = client.resource(desired).get();
        if (live == null) {
            try {
                client.resource(desired).create();
                return ApplyResult.done(ref, ApplyResult.Action.CREATED);
            } catch (KubernetesClientException error) {
                live = liveAfterCreateConflict(desired, error);
            }
        }
        String refusal = refusal(desired, live);
        if (refusal != null) {
            return ApplyResult.failed(ref, refusal);
        }
        OwnedFields.Merge merge = OwnedFields.merge(desired, live);
        boolean changed = merge.changes(live);
        if (changed) {
            client.resource(merge.object()).update();
        }
        if (!merge.drift().isEmpty()) {
            return ApplyResult.failed(ref, String.join("; ", merge.drift()));
        }
        return ApplyResult.done(ref, changed ? ApplyResult.Action.UPDATED : ApplyResult.Action.UNCHANGED);
    }

    /** Someone created it between our read and our create: read it again and carry on from there. */
    private HasMetadata liveAfterCreateConflict(HasMetadata desired, KubernetesClientException error) {
        if (error.getCode() != CONFLICT) {
            throw error;
        }
        HasMetadata live = client.resource(desired).get();
        if (live == null) {
            throw error; // gone again already: a conflict, which the caller may retry
        }
        return live;
    }

    /**
     * Objects of another project are never taken over, and neither is a namespace Enclave did not create
     * for this project: it is the isolation boundary, and its name could be a platform namespace's.
     */
    private static String refusal(HasMetadata desired, HasMetadata live) {
        String ours = labels(desired).get(ClusterNames.PROJECT_ID);
        String owner = labels(live).get(ClusterNames.PROJECT_ID);
        if (owner != null && !owner.equals(ours)) {
            return ObjectRef.of(live) + " belongs to project " + owner + " and is not taken over";
        }
        if (owner == null && live instanceof Namespace) {
            return ObjectRef.of(live) + " exists but was not created by Enclave for this project and is not taken over";
        }
        return null;
    }

    private static Map<String, String> labels(HasMetadata object) {
        Map<String, String> labels = object.getMetadata().getLabels();
        return labels == null ? Map.of() : labels;
    }
}
