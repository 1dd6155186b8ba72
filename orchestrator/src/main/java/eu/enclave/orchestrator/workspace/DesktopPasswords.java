package eu.enclave.orchestrator.workspace;

/**
 * Issues a workspace's desktop password at each start. The value goes only into the workspace's Kubernetes
 * Secret: never into the database, a log, the audit trail or an API response. {@link RandomDesktopPasswords}
 * until a Vault-backed issuer (which also stores it for the tunnel) replaces it.
 */
public interface DesktopPasswords {

    String issue(Workspace workspace);
}
