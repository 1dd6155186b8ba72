package eu.enclave.orchestrator.secret;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where Enclave keeps its secrets: HashiCorp Vault (or OpenBao), or, with nothing configured, the demo-only
 * in-process store. Unset values fall back to Vault's standard environment variables ({@code VAULT_ADDR},
 * {@code VAULT_TOKEN}, {@code VAULT_CACERT}, {@code VAULT_NAMESPACE}); see docs/vault.md.
 *
 * @param address     Vault's address, e.g. {@code https://vault.example:8200}; null: {@code VAULT_ADDR}
 * @param namespace   Vault Enterprise / OpenBao namespace sent as {@code X-Vault-Namespace}; null: none
 * @param kvMount     the KV version 2 secrets engine's mount
 * @param pathPrefix  the folder in that mount under which every Enclave secret lives
 * @param caCert      PEM file of the CA that signed Vault's certificate; null: the JVM's trust store
 * @param demo        true: always use the demo store; false: never (fail at startup when no Vault is configured);
 *                    null (the default): the demo store only when no Vault is configured
 * @param timeout     connect and read timeout of each call to Vault
 * @param renewCheckInterval how often the token's age is checked; it is renewed at two thirds of its TTL
 */
@ConfigurationProperties("enclave.vault")
public record VaultSettings(String address, String namespace, @DefaultValue("secret") String kvMount,
                            @DefaultValue("enclave") String pathPrefix, Path caCert, Boolean demo,
                            @DefaultValue("PT10S") Duration timeout, @DefaultValue("PT30S") Duration renewCheckInterval,
                            @DefaultValue Auth auth, @DefaultValue Database database) {

    public enum AuthMethod { TOKEN, KUBERNETES, APPROLE }

    /**
     * How the orchestrator logs in to Vault. With no method, the first that is configured: a token, a
     * Kubernetes role, an AppRole role id.
     *
     * @param token a token, for development only; null: {@code VAULT_TOKEN}
     */
    public record Auth(AuthMethod method, String token, @DefaultValue Kubernetes kubernetes,
                       @DefaultValue AppRole approle) {
    }

    /** Kubernetes auth: the pod's service-account token (re-read at each login: it is rotated) for a role. */
    public record Kubernetes(String role,
                             @DefaultValue("/var/run/secrets/kubernetes.io/serviceaccount/token") Path tokenPath,
                             @DefaultValue("kubernetes") String mount) {
    }

    /** AppRole auth: the secret id is read from a file at each login, never from configuration. */
    public record AppRole(String roleId, Path secretIdFile, @DefaultValue("approle") String mount) {
    }

    /**
     * Vault's database secrets engine.
     *
     * @param roles the roles Enclave may lease credentials for (its policy grants exactly these)
     */
    public record Database(@DefaultValue("database") String mount, @DefaultValue List<String> roles) {
    }
}
