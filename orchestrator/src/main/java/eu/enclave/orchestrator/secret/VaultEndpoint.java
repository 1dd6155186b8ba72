package eu.enclave.orchestrator.secret;

import io.github.jopenlibs.vault.EnvironmentLoader;
import io.github.jopenlibs.vault.SslConfig;
import io.github.jopenlibs.vault.Vault;
import io.github.jopenlibs.vault.VaultConfig;
import io.github.jopenlibs.vault.VaultException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * One Vault server as the orchestrator reaches it, and the driver clients for it. Two clients per token: the
 * driver rewrites {@code logical()} paths for KV version 2 ({@code data/}, {@code metadata/}) on every mount
 * when its engine version is 2, which would break the database engine's {@code creds/} paths; the plain
 * client (version 1) leaves paths as they are.
 *
 * @param address   e.g. {@code https://vault.example:8200}
 * @param namespace null for none
 * @param caCert    PEM file; null for the JVM's trust store
 * @param kvMount   the KV v2 mount, possibly several segments deep ({@code kv/enclave})
 */
record VaultEndpoint(String address, String namespace, Path caCert, Duration timeout, String kvMount) {

    /** The driver reads VAULT_* variables by itself when a value is unset; here every value is explicit. */
    private static final EnvironmentLoader NO_ENVIRONMENT = new EnvironmentLoader() {
        @Override
        public String loadVariable(String name) {
            return null;
        }
    };

    Vault kvClient(String token) throws VaultException {
        return Vault.create(config(token, 2).prefixPathDepth(kvMount.split("/").length));
    }

    Vault plainClient(String token) throws VaultException {
        return Vault.create(config(token, 1));
    }

    private VaultConfig config(String token, int engineVersion) throws VaultException {
        int seconds = (int) Math.max(1, timeout.toSeconds());
        VaultConfig config = new VaultConfig().environmentLoader(NO_ENVIRONMENT).address(address)
                .engineVersion(engineVersion).openTimeout(seconds).readTimeout(seconds)
                .sslConfig(ssl());
        if (token != null) {
            config.token(token);
        }
        if (namespace != null) {
            config.nameSpace(namespace);
        }
        return config.build();
    }

    private SslConfig ssl() throws VaultException {
        SslConfig ssl = new SslConfig().verify(true);
        if (caCert != null) {
            ssl.pemFile(caCert.toFile());
        }
        return ssl.build();
    }
}
