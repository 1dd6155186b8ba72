package eu.enclave.orchestrator.secret;

import java.nio.file.Path;
import java.time.Clock;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses where secrets live: Vault when an address is configured ({@code enclave.vault.address} or
 * {@code VAULT_ADDR}), else the demo-only in-process store, which {@code enclave.vault.demo=false} (the
 * {@code prod} profile) refuses.
 */
public final class SecretBackends {

    private static final Logger log = LoggerFactory.getLogger(SecretBackends.class);

    private SecretBackends() {
    }

    public static SecretBackend open(VaultSettings settings, Clock clock) {
        return open(settings, System::getenv, clock);
    }

    static SecretBackend open(VaultSettings settings, Function<String, String> env, Clock clock) {
        if (Boolean.TRUE.equals(settings.demo())) {
            return demo("enclave.vault.demo=true");
        }
        String address = firstOf(settings.address(), env.apply("VAULT_ADDR"));
        if (address == null) {
            if (Boolean.FALSE.equals(settings.demo())) {
                throw new IllegalStateException("enclave.vault.demo=false, but no Vault is configured: set"
                        + " enclave.vault.address or VAULT_ADDR, and its authentication (see docs/vault.md)");
            }
            return demo("no enclave.vault.address or VAULT_ADDR");
        }
        VaultSession session = vault(settings, address, env, clock);
        SecretBackend backend = new SecretBackend(
                new VaultSecretStore(session, strip(settings.kvMount()), strip(settings.pathPrefix())),
                new VaultDatabaseEngine(session, strip(settings.database().mount())), session,
                settings.address() != null ? "enclave.vault.address" : "VAULT_ADDR");
        log.info("Secrets: {} (from {})", backend.store().describe(), backend.source());
        return backend;
    }

    static VaultSession vault(VaultSettings settings, String address, Function<String, String> env, Clock clock) {
        String caCert = firstOf(settings.caCert() == null ? null : settings.caCert().toString(),
                env.apply("VAULT_CACERT"));
        VaultEndpoint endpoint = new VaultEndpoint(strip(address), firstOf(settings.namespace(),
                env.apply("VAULT_NAMESPACE")), caCert == null ? null : Path.of(caCert), settings.timeout(),
                strip(settings.kvMount()));
        return new VaultSession(endpoint, login(settings.auth(), env), clock);
    }

    static VaultLogin login(VaultSettings.Auth auth, Function<String, String> env) {
        String token = firstOf(auth.token(), env.apply("VAULT_TOKEN"));
        VaultSettings.AuthMethod method = auth.method() != null ? auth.method()
                : token != null ? VaultSettings.AuthMethod.TOKEN
                : auth.kubernetes().role() != null ? VaultSettings.AuthMethod.KUBERNETES
                : auth.approle().roleId() != null ? VaultSettings.AuthMethod.APPROLE
                : null;
        if (method == null) {
            throw new IllegalStateException("Vault is configured but not how to log in to it: set"
                    + " enclave.vault.auth.kubernetes.role, enclave.vault.auth.approle.role-id (with"
                    + " enclave.vault.auth.approle.secret-id-file), or, in development, VAULT_TOKEN");
        }
        return switch (method) {
            case TOKEN -> new VaultLogin.FixedToken(require(token, "enclave.vault.auth.token or VAULT_TOKEN"));
            case KUBERNETES -> new VaultLogin.Kubernetes(
                    require(auth.kubernetes().role(), "enclave.vault.auth.kubernetes.role"),
                    auth.kubernetes().tokenPath(), strip(auth.kubernetes().mount()));
            case APPROLE -> new VaultLogin.AppRole(
                    require(auth.approle().roleId(), "enclave.vault.auth.approle.role-id"),
                    require(auth.approle().secretIdFile(), "enclave.vault.auth.approle.secret-id-file"),
                    strip(auth.approle().mount()));
        };
    }

    private static SecretBackend demo(String why) {
        log.warn("Secrets: DEMO-ONLY in-process store ({}): secrets are kept in this process's memory and lost at"
                + " shutdown, and database credentials are invented. Configure Vault for any real use"
                + " (docs/vault.md); the prod profile refuses this store.", why);
        return new SecretBackend(new DemoSecretStore(), new DemoDatabaseEngine(), null, "demo: " + why);
    }

    private static <T> T require(T value, String what) {
        if (value == null || value.toString().isBlank()) {
            throw new IllegalStateException("Vault authentication needs " + what);
        }
        return value;
    }

    private static String firstOf(String configured, String fromEnvironment) {
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        return fromEnvironment == null || fromEnvironment.isBlank() ? null : fromEnvironment;
    }

    /** "secret/" and "/secret" name the same mount as "secret". */
    private static String strip(String path) {
        String stripped = path.strip();
        while (stripped.endsWith("/")) {
            stripped = stripped.substring(0, stripped.length() - 1);
        }
        while (stripped.startsWith("/")) {
            stripped = stripped.substring(1);
        }
        return stripped;
    }
}
