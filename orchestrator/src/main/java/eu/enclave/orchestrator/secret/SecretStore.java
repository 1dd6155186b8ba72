package eu.enclave.orchestrator.secret;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Secrets kept per project: Vault's KV version 2 engine ({@link VaultSecretStore}), or the demo-only in-process
 * store ({@link DemoSecretStore}). Every method either completes or throws {@link SecretStoreUnavailable} having
 * changed nothing that it reports as changed.
 *
 * <p>Atomicity across Vault and Kubernetes is the caller's: write to the store first, then create the
 * Kubernetes object that carries the value; if that fails, {@link #destroy} what was written. A secret left in
 * Vault without its Kubernetes object is harmless (the next rotation overwrites it); a Kubernetes object
 * pointing at nothing is not.
 */
public interface SecretStore {

    enum Kind { VAULT, DEMO }

    Kind kind();

    /** For people: where the secrets are ("Vault at https://…, mount secret, prefix enclave"). */
    String describe();

    /** Replaces the secret at {@code path} with {@code values} (a new version in Vault). */
    void write(SecretPath path, Map<String, String> values);

    /** The latest version of the secret, or empty when there is none. */
    Optional<Map<String, String>> read(SecretPath path);

    /** Every secret under the project's folder, sorted; empty when it has none. */
    List<SecretPath> list(String project);

    /** Destroys every version of the secret and its metadata; nothing happens when there is none. */
    void destroy(SecretPath path);
}
