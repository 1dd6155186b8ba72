package eu.enclave.orchestrator.secret;

import java.time.Duration;

/** Vault's database secrets engine ({@link VaultDatabaseEngine}), or its demo-only stand-in. */
public interface DatabaseEngine {

    /** New credentials for {@code role} ({@code <mount>/creds/<role>}) and their lease. */
    LeasedCredentials issue(String role);

    /** Extends the lease by {@code increment} (Vault may grant less); returns the lease's new duration. */
    Duration renew(String leaseId, Duration increment);

    /** Revokes the lease: the database drops the user. */
    void revoke(String leaseId);
}
