package eu.enclave.orchestrator.workspace;

import java.util.UUID;

/**
 * Published inside the transaction that changes a workspace; after the commit the cluster is brought in line.
 *
 * @param started whether it was (re)started, so that a new desktop password is issued
 * @param deleted whether it is gone, so that its objects (but not the home volume) are removed
 */
public record WorkspaceChanged(UUID projectId, String slug, String name, boolean started, boolean deleted) {
}
