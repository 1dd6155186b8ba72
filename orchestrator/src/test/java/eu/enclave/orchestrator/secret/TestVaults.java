package eu.enclave.orchestrator.secret;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Settings and sessions for tests that talk to a Vault (the test peer or a real server), never the demo store. */
final class TestVaults {

    static final String DATABASE_ROLE = "warehouse-read";

    private TestVaults() {
    }

    static VaultSettings settings(String address, String namespace, String prefix, VaultSettings.Auth auth) {
        return new VaultSettings(address, namespace, "secret", prefix, null, false, Duration.ofSeconds(5),
                Duration.ofSeconds(30), auth, new VaultSettings.Database("database", List.of(DATABASE_ROLE)));
    }

    static VaultSettings.Auth tokenAuth(String token) {
        return auth(VaultSettings.AuthMethod.TOKEN, token, null, null, null);
    }

    static VaultSettings.Auth kubernetesAuth(Path jwtFile) {
        return auth(VaultSettings.AuthMethod.KUBERNETES, null, jwtFile, null, null);
    }

    static VaultSettings.Auth appRoleAuth(String roleId, Path secretIdFile) {
        return auth(VaultSettings.AuthMethod.APPROLE, null, null, roleId, secretIdFile);
    }

    private static VaultSettings.Auth auth(VaultSettings.AuthMethod method, String token, Path jwtFile, String roleId,
                                           Path secretIdFile) {
        return new VaultSettings.Auth(method, token,
                new VaultSettings.Kubernetes(VaultPeer.KUBERNETES_ROLE, jwtFile, "kubernetes"),
                new VaultSettings.AppRole(roleId, secretIdFile, "approle"));
    }

    /** A backend on Vault only: with no address, this fails rather than fall back to the demo store. */
    static SecretBackend backend(VaultSettings settings, Clock clock) {
        SecretBackend backend = SecretBackends.open(settings, Map.<String, String>of()::get, clock);
        if (backend.demo()) {
            throw new IllegalStateException("a Vault test got the demo store");
        }
        return backend;
    }
}
