package eu.enclave.orchestrator.secret;

import io.github.jopenlibs.vault.VaultException;
import io.github.jopenlibs.vault.api.Logical;
import io.github.jopenlibs.vault.response.LogicalResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Secrets in Vault's KV version 2 engine, under {@code <mount>/<prefix>/projects/<slug>/...}. The driver's
 * {@code logical()} API in KV v2 mode covers every call: read and write go to {@code <mount>/data/...}, list is
 * a {@code GET ...?list=true} on {@code <mount>/metadata/...} (Vault's LIST), and delete is a
 * {@code DELETE <mount>/metadata/...}, which destroys all versions and the metadata.
 */
public final class VaultSecretStore implements SecretStore {

    private final VaultSession session;
    private final String kvMount;
    private final String prefix;

    public VaultSecretStore(VaultSession session, String kvMount, String prefix) {
        this.session = session;
        this.kvMount = kvMount;
        this.prefix = prefix;
    }

    @Override
    public Kind kind() {
        return Kind.VAULT;
    }

    @Override
    public String describe() {
        return session.describe() + "; KV v2 mount " + kvMount + ", prefix " + prefix;
    }

    @Override
    public void write(SecretPath path, Map<String, String> values) {
        session.call("write " + path, vault -> VaultResponses.require(
                vault.kv().logical().write(full(path.underPrefix()), new HashMap<>(values)), "write " + path));
    }

    @Override
    public Optional<Map<String, String>> read(SecretPath path) {
        return session.call("read " + path, vault -> {
            LogicalResponse response = absentOn404(() -> vault.kv().logical().read(full(path.underPrefix())));
            return response == null ? Optional.empty()
                    : Optional.of(Map.copyOf(VaultResponses.require(response, "read " + path).getData()));
        });
    }

    @Override
    public List<SecretPath> list(String project) {
        String folder = SecretPath.projectFolder(project);
        return session.call("list " + folder, vault -> {
            List<SecretPath> found = new ArrayList<>();
            collect(vault.kv().logical(), project, folder, "", found);
            found.sort((a, b) -> a.relative().compareTo(b.relative()));
            return found;
        });
    }

    @Override
    public void destroy(SecretPath path) {
        session.call("destroy " + path, vault -> {
            LogicalResponse response = absentOn404(() -> vault.kv().logical().delete(full(path.underPrefix())));
            return response == null ? null : VaultResponses.require(response, "destroy " + path);
        });
    }

    /** Lists {@code folder/relative}; keys ending in '/' are sub-folders, listed in turn. */
    private void collect(Logical logical, String project, String folder, String relative, List<SecretPath> found)
            throws VaultException {
        String path = relative.isEmpty() ? folder : folder + "/" + relative;
        LogicalResponse response = absentOn404(() -> logical.list(full(path)));
        if (response == null) {
            return;
        }
        for (String key : VaultResponses.require(response, "list " + path).getListData()) {
            String child = relative.isEmpty() ? key : relative + "/" + key;
            if (key.endsWith("/")) {
                collect(logical, project, folder, child.substring(0, child.length() - 1), found);
            } else {
                found.add(SecretPath.parse(project, child));
            }
        }
    }

    private String full(String underPrefix) {
        return kvMount + "/" + prefix + "/" + underPrefix;
    }

    @FunctionalInterface
    private interface Request {
        LogicalResponse send() throws VaultException;
    }

    /** Null when Vault answers 404 (nothing there), whether the driver returns that answer or throws it. */
    private static LogicalResponse absentOn404(Request request) throws VaultException {
        try {
            LogicalResponse response = request.send();
            return VaultResponses.isStatus(response, 404) ? null : response;
        } catch (VaultException e) {
            if (e.getHttpStatusCode() == 404) {
                return null;
            }
            throw e;
        }
    }
}
