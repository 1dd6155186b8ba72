package eu.enclave.orchestrator.cluster.bundle;

import eu.enclave.orchestrator.cluster.ClusterSettings;
import eu.enclave.orchestrator.cluster.ProjectClusterSpec;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything a project is on the cluster, in the order it must be applied: the namespace first, the
 * network lock-down before anything that could run, then the rest; the volumes and claims of
 * the datasets approved now come last. Pure: desired state in, objects out.
 */
public final class ProjectBundle {

    private ProjectBundle() {
    }

    public static List<HasMetadata> desired(ProjectClusterSpec spec, ClusterSettings settings) {
        List<HasMetadata> objects = new ArrayList<>();
        objects.add(ProjectNamespace.desired(spec, settings));
        objects.addAll(NetworkPolicies.desired(spec, settings));
        objects.add(ProjectQuotas.quota(spec, settings));
        objects.add(ProjectQuotas.limits(spec, settings));
        objects.add(WorkspaceServiceAccount.desired(spec, settings));
        objects.addAll(ProjectVolumes.desired(spec, settings));
        objects.addAll(DatasetVolumes.desired(spec, settings));
        return objects;
    }
}
