package eu.enclave.orchestrator.secret;

import java.time.Clock;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;

/**
 * The scenarios against a real Vault (or OpenBao) given by {@code ENCLAVE_TEST_VAULT_ADDR} and
 * {@code ENCLAVE_TEST_VAULT_TOKEN}, with a KV v2 engine at {@code secret/} (as a dev server has). Each run works
 * under a prefix of its own. The database scenario runs when {@code ENCLAVE_TEST_VAULT_DATABASE_ROLE} names a
 * role of a database engine at {@code database/}. Skipped, saying why, when the variables are unset.
 */
class RealVaultScenariosTest extends VaultScenarios {

    private static SecretBackend backend;

    @BeforeAll
    static void connect() {
        String address = System.getenv("ENCLAVE_TEST_VAULT_ADDR");
        String token = System.getenv("ENCLAVE_TEST_VAULT_TOKEN");
        if (address == null || token == null) {
            String why = "no real Vault: set ENCLAVE_TEST_VAULT_ADDR and ENCLAVE_TEST_VAULT_TOKEN to run these scenarios";
            System.out.println("RealVaultScenariosTest skipped: " + why);
            Assumptions.abort(why);
        }
        backend = TestVaults.backend(TestVaults.settings(address, System.getenv("ENCLAVE_TEST_VAULT_NAMESPACE"),
                "enclave-test-" + UUID.randomUUID(), TestVaults.tokenAuth(token)), Clock.systemUTC());
    }

    @Override
    protected SecretBackend backend() {
        return backend;
    }

    @Override
    protected String databaseRole() {
        return System.getenv("ENCLAVE_TEST_VAULT_DATABASE_ROLE");
    }
}
