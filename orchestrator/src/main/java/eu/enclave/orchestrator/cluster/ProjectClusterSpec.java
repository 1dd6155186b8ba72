package eu.enclave.orchestrator.cluster;

import java.util.List;
import java.util.UUID;

/**
 * The desired state of one project on the cluster: what the builders turn into Kubernetes objects.
 *
 * @param datasets the datasets whose approval is current, each mounted read-only in the project's workspaces
 */
public record ProjectClusterSpec(UUID projectId, String slug, ProjectQuota quota, List<Mirror> mirrors,
                                 List<DatasetVolume> datasets) {

    public ProjectClusterSpec {
        mirrors = List.copyOf(mirrors);
        datasets = List.copyOf(datasets);
    }

    /** A project with no dataset approved. */
    public ProjectClusterSpec(UUID projectId, String slug, ProjectQuota quota, List<Mirror> mirrors) {
        this(projectId, slug, quota, mirrors, List.of());
    }

    public boolean needsDns() {
        return mirrors.stream().anyMatch(Mirror::needsDns);
    }
}
