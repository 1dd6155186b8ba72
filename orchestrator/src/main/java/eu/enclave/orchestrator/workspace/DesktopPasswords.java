package eu.enclave.orchestrator.workspace;

/**
 * Issues a workspace's desktop password at each start. The value goes only into the workspace's Kubernetes
 * Secret: never into the database, a log, the audit trail or an API response. Backed by the secret
 * store ({@link StoredDesktopPasswords}), where the tunnel reads it.
 */
public interface DesktopPasswords {

    String issue(Workspace workspace);
}
