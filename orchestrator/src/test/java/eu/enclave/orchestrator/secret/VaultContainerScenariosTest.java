package eu.enclave.orchestrator.secret;

import java.time.Clock;
import org.junit.jupiter.api.BeforeAll;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.vault.VaultContainer;

/**
 * The scenarios against Vault in a container (a dev server: KV v2 at {@code secret/}, no database engine).
 * Skipped when no Docker engine is available, as on the development machines here.
 */
@Testcontainers(disabledWithoutDocker = true)
class VaultContainerScenariosTest extends VaultScenarios {

    private static final String ROOT_TOKEN = "enclave-test-root";

    @Container
    static final VaultContainer<?> VAULT = new VaultContainer<>("hashicorp/vault:1.17").withVaultToken(ROOT_TOKEN);

    private static SecretBackend backend;

    @BeforeAll
    static void connect() {
        backend = TestVaults.backend(TestVaults.settings(VAULT.getHttpHostAddress(), null, "enclave",
                TestVaults.tokenAuth(ROOT_TOKEN)), Clock.systemUTC());
    }

    @Override
    protected SecretBackend backend() {
        return backend;
    }
}
