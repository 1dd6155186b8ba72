package eu.enclave.orchestrator.cluster.status;

/** Another replica stored a project's cluster status, or changed its project status: pages here show it again. */
public record ClusterStatusChangedElsewhere(String slug) {
}
