package eu.enclave.orchestrator.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which backend is chosen from configuration and Vault's standard environment variables. */
class SecretBackendsTest {

    private static final VaultSettings.Auth NO_AUTH = new VaultSettings.Auth(null, null,
            new VaultSettings.Kubernetes(null, null, "kubernetes"), new VaultSettings.AppRole(null, null, "approle"));

    private static VaultSettings settings(String address, Boolean demo, VaultSettings.Auth auth) {
        return new VaultSettings(address, null, "secret/", "enclave", null, demo, Duration.ofSeconds(5),
                Duration.ofSeconds(30), auth, new VaultSettings.Database("database", List.of()));
    }

    @Test
    void withNothingConfiguredTheDemoStoreIsUsedAndSaysSo() {
        SecretBackend backend = SecretBackends.open(settings(null, null, NO_AUTH), Map.<String, String>of()::get,
                Clock.systemUTC());

        assertThat(backend.demo()).isTrue();
        assertThat(backend.store()).isInstanceOf(DemoSecretStore.class);
        assertThat(backend.store().describe()).startsWith("demo-only");
    }

    @Test
    void demoFalseWithoutAVaultRefusesToStart() {
        assertThatThrownBy(() -> SecretBackends.open(settings(null, false, NO_AUTH), Map.<String, String>of()::get,
                Clock.systemUTC()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("enclave.vault.demo=false").hasMessageContaining("no Vault is configured");
    }

    @Test
    void vaultStandardVariablesAreHonoured() {
        Map<String, String> env = Map.of("VAULT_ADDR", "https://vault.example:8200/", "VAULT_TOKEN", "dev-token",
                "VAULT_NAMESPACE", "team-a");

        SecretBackend backend = SecretBackends.open(settings(null, null, NO_AUTH), env::get, Clock.systemUTC());

        assertThat(backend.demo()).isFalse();
        assertThat(backend.source()).isEqualTo("VAULT_ADDR");
        assertThat(backend.store().describe()).isEqualTo("Vault at https://vault.example:8200, namespace team-a,"
                + " logging in with token; KV v2 mount secret, prefix enclave");
    }

    @Test
    void theAuthMethodIsTheFirstConfiguredOneAndItsMissingPartsAreNamed() {
        assertThat(SecretBackends.login(new VaultSettings.Auth(null, null,
                new VaultSettings.Kubernetes("orchestrator", null, "k8s/"), new VaultSettings.AppRole(null, null, "approle")),
                Map.<String, String>of()::get).describe()).isEqualTo("kubernetes role orchestrator at auth/k8s");
        assertThatThrownBy(() -> SecretBackends.login(NO_AUTH, Map.<String, String>of()::get))
                .hasMessageContaining("not how to log in");
        assertThatThrownBy(() -> SecretBackends.login(new VaultSettings.Auth(VaultSettings.AuthMethod.APPROLE, null,
                new VaultSettings.Kubernetes(null, null, "kubernetes"), new VaultSettings.AppRole("rid", null, "approle")),
                Map.<String, String>of()::get)).hasMessageContaining("enclave.vault.auth.approle.secret-id-file");
    }

    @Test
    void theFixedTokenNeverAppearsInDescriptions() {
        VaultLogin login = SecretBackends.login(NO_AUTH, Map.of("VAULT_TOKEN", "hvs.very-secret")::get);
        assertThat(login.describe() + login).doesNotContain("hvs.very-secret");
    }
}
