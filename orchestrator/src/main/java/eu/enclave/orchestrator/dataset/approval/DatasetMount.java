package eu.enclave.orchestrator.dataset.approval;

import eu.enclave.orchestrator.cluster.ClusterNames;

/**
 * A dataset a project's workspaces mount now, read-only: the claim in the project namespace and where it appears.
 *
 * @param claimName the PersistentVolumeClaim {@code ds-<dataset>} in the project namespace
 * @param mountPath {@code /data/<dataset>}
 */
public record DatasetMount(String dataset, String claimName, String mountPath) {

    public static final String MOUNT_ROOT = "/data/";

    public static DatasetMount of(String dataset) {
        return new DatasetMount(dataset, ClusterNames.datasetClaim(dataset), MOUNT_ROOT + dataset);
    }
}
