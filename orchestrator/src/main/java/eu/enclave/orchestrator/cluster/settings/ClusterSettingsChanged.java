package eu.enclave.orchestrator.cluster.settings;

import java.util.UUID;

/** A project's quota or mirrors changed: its cluster bundle should be applied again. */
public record ClusterSettingsChanged(UUID projectId, String slug) {
}
