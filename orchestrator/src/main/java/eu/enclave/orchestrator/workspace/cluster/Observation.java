package eu.enclave.orchestrator.workspace.cluster;

import eu.enclave.orchestrator.workspace.WorkspaceStatus;
import java.util.UUID;

/** What the cluster shows of one workspace. @param reason why it failed; empty otherwise */
public record Observation(UUID projectId, String workspace, WorkspaceStatus status, String reason) {
}
