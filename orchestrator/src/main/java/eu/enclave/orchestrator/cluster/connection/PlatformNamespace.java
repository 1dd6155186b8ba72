package eu.enclave.orchestrator.cluster.connection;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * The namespace the orchestrator runs in, where its Lease is and its peers (guacd, the egress-review intake) run
 * by default: the pod's own namespace (its service account's namespace file, else {@code POD_NAMESPACE}), falling
 * back to {@code enclave.cluster.platform-namespace} outside a pod.
 *
 * @param source where the name came from, for the startup log
 */
public record PlatformNamespace(String name, String source) {

    public static final Path SERVICE_ACCOUNT_NAMESPACE =
            Path.of("/var/run/secrets/kubernetes.io/serviceaccount/namespace");

    public static PlatformNamespace resolve(String configured) {
        return resolve(configured, System::getenv, SERVICE_ACCOUNT_NAMESPACE);
    }

    static PlatformNamespace resolve(String configured, Function<String, String> env, Path namespaceFile) {
        String fromFile = read(namespaceFile);
        if (fromFile != null) {
            return new PlatformNamespace(fromFile, "the service account's namespace file " + namespaceFile);
        }
        String fromEnv = env.apply("POD_NAMESPACE");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return new PlatformNamespace(fromEnv.strip(), "POD_NAMESPACE");
        }
        return new PlatformNamespace(configured, "enclave.cluster.platform-namespace (not in a pod)");
    }

    private static String read(Path file) {
        try {
            String name = Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8).strip() : "";
            return name.isEmpty() ? null : name;
        } catch (IOException e) {
            return null;
        }
    }
}
