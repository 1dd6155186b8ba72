package eu.enclave.orchestrator.workspace;

import eu.enclave.orchestrator.secret.WorkspaceCredentials;

/**
 * A new password at each start, stored in the secret store (Vault, or the demo store) before it is returned, so
 * that the Kubernetes Secret is written only once the store holds it. When the store is unavailable,
 * {@link eu.enclave.orchestrator.secret.SecretStoreUnavailable} propagates and nothing reaches the cluster.
 */
final class StoredDesktopPasswords implements DesktopPasswords {

    private final WorkspaceCredentials credentials;

    StoredDesktopPasswords(WorkspaceCredentials credentials) {
        this.credentials = credentials;
    }

    @Override
    public String issue(Workspace workspace) {
        return credentials.rotate(workspace.slug(), workspace.name());
    }
}
