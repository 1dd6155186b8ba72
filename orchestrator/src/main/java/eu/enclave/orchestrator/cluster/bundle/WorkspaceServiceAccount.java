package eu.enclave.orchestrator.cluster.bundle;

import eu.enclave.orchestrator.cluster.ClusterSettings;
import eu.enclave.orchestrator.cluster.ProjectClusterSpec;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;

/** The identity workspace pods run as: no API token is mounted and no role is ever bound to it. */
public final class WorkspaceServiceAccount {

    public static final String NAME = "workspace";

    private WorkspaceServiceAccount() {
    }

    public static ServiceAccount desired(ProjectClusterSpec spec, ClusterSettings settings) {
        return new ServiceAccountBuilder().withMetadata(Objects.meta(NAME, spec, settings))
                .withAutomountServiceAccountToken(false).build();
    }
}
