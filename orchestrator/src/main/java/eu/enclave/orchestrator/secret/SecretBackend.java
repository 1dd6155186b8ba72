package eu.enclave.orchestrator.secret;

/**
 * The secret store and database engine in use, and the Vault session behind them (null for the demo ones).
 *
 * @param source why this backend was chosen, for the startup log and the admin page
 */
public record SecretBackend(SecretStore store, DatabaseEngine database, VaultSession session, String source) {

    public boolean demo() {
        return session == null;
    }
}
