package eu.enclave.orchestrator.cluster;

import eu.enclave.orchestrator.cluster.TeardownOutcome.Result;
import eu.enclave.orchestrator.cluster.apply.ClusterCallFailed;
import eu.enclave.orchestrator.cluster.apply.ObjectRef;
import eu.enclave.orchestrator.cluster.apply.OwnedObjects;
import eu.enclave.orchestrator.cluster.apply.Retrier;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.PersistentVolume;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Deletes a project's namespace, which takes everything in it along, after listing the project's objects in it
 * for the record, and the cluster-wide dataset volumes made for the project. A namespace that does not carry the
 * project's ownership labels is never deleted.
 */
final class ProjectTeardown {

    /** What the record lists: the bundle, and the workloads that workspaces add to it. */
    static final List<Class<? extends HasMetadata>> RECORDED_KINDS = Stream.concat(
            OwnedObjects.BUNDLE_KINDS.stream(), Stream.of(StatefulSet.class, Deployment.class)).toList();

    private final KubernetesClient client;
    private final OwnedObjects owned;
    private final Retrier retrier;
    private final Clock clock;

    ProjectTeardown(KubernetesClient client, Retrier retrier, Clock clock) {
        this.client = client;
        this.owned = new OwnedObjects(client);
        this.retrier = retrier;
        this.clock = clock;
    }

    TeardownOutcome run(UUID projectId, String namespace) {
        try {
            Namespace live = read(namespace);
            if (live == null) {
                return outcome(projectId, namespace, Result.ABSENT, List.of(), null);
            }
            if (!ClusterNames.ownedBy(live.getMetadata().getLabels(), projectId)) {
                return outcome(projectId, namespace, Result.REFUSED, List.of(),
                        "namespace " + namespace + " does not carry the ownership labels of project " + projectId);
            }
            List<ObjectRef> contents = new ArrayList<>(retrier.call(() -> owned.find(namespace, projectId,
                    RECORDED_KINDS)).stream().map(ObjectRef::of).toList());
            List<PersistentVolume> datasetVolumes = retrier.call(() -> owned.findVolumes(projectId));
            retrier.call(() -> client.resource(live).delete());
            // cluster-wide, so not taken along by the namespace; Retain keeps the data they point at
            for (PersistentVolume volume : datasetVolumes) {
                retrier.call(() -> client.resource(volume).delete());
                contents.add(ObjectRef.of(volume));
            }
            // a real server keeps the namespace, Terminating, until it has deleted what is inside
            Result result = read(namespace) == null ? Result.DELETED : Result.DELETING;
            return outcome(projectId, namespace, result, contents, null);
        } catch (ClusterCallFailed error) {
            return outcome(projectId, namespace, Result.FAILED, List.of(), error.reason() + ": " + error.apiMessage());
        }
    }

    /**
     * After a deletion that was still going on (DELETING): DELETED once the namespace is gone, DELETING while it
     * is still there. Only reads, so asking again never deletes anything twice.
     */
    TeardownOutcome confirm(UUID projectId, String namespace) {
        try {
            Result result = read(namespace) == null ? Result.DELETED : Result.DELETING;
            return outcome(projectId, namespace, result, List.of(), null);
        } catch (ClusterCallFailed error) {
            return outcome(projectId, namespace, Result.FAILED, List.of(), error.reason() + ": " + error.apiMessage());
        }
    }

    private Namespace read(String namespace) {
        return retrier.call(() -> client.namespaces().withName(namespace).get());
    }

    private TeardownOutcome outcome(UUID projectId, String namespace, Result result, List<ObjectRef> contents,
                                    String reason) {
        return new TeardownOutcome(projectId, namespace, result, contents, reason, clock.instant());
    }
}
