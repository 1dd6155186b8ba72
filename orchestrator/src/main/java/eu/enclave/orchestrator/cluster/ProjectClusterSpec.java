package eu.enclave.orchestrator.cluster;

import java.util.List;
import java.util.UUID;

/** The desired state of one project on the cluster: what the builders turn into Kubernetes objects. */
public record ProjectClusterSpec(UUID projectId, String slug, ProjectQuota quota, List<Mirror> mirrors) {

    public ProjectClusterSpec {
        mirrors = List.copyOf(mirrors);
    }

    public boolean needsDns() {
        return mirrors.stream().anyMatch(Mirror::needsDns);
    }
}
