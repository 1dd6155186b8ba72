package eu.enclave.orchestrator.secret;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * DEMO ONLY: secrets in this process's memory, lost at shutdown and readable by anyone who can dump the heap.
 * Used only when no Vault is configured; the {@code prod} profile refuses to start with it.
 */
public final class DemoSecretStore implements SecretStore {

    private final ConcurrentSkipListMap<String, Map<String, String>> secrets = new ConcurrentSkipListMap<>();

    @Override
    public Kind kind() {
        return Kind.DEMO;
    }

    @Override
    public String describe() {
        return "demo-only in-process store (no Vault configured; secrets are lost at shutdown)";
    }

    @Override
    public void write(SecretPath path, Map<String, String> values) {
        secrets.put(path.underPrefix(), Map.copyOf(values));
    }

    @Override
    public Optional<Map<String, String>> read(SecretPath path) {
        return Optional.ofNullable(secrets.get(path.underPrefix()));
    }

    @Override
    public List<SecretPath> list(String project) {
        String folder = SecretPath.projectFolder(project) + "/";
        return secrets.subMap(folder, folder + Character.MAX_VALUE).keySet().stream()
                .map(key -> SecretPath.parse(project, key.substring(folder.length())))
                .toList();
    }

    @Override
    public void destroy(SecretPath path) {
        secrets.remove(path.underPrefix());
    }
}
