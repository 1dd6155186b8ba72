package eu.enclave.egress.support;

import eu.enclave.egress.orchestrator.OrchestratorPeer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/** Points a test context at the JVM's orchestrator peer and at a blob store folder of its own. */
public class EgressTestContext implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        OrchestratorPeer peer = OrchestratorPeer.shared();
        Path blobs;
        try {
            blobs = Files.createTempDirectory("egress-blobs");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path folder = blobs;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(folder), "egress-blobs-cleanup"));
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("egress-test", Map.of(
                "enclave.orchestrator.internal-url", peer.url(),
                "enclave.orchestrator.credential-file", peer.credentialFile().toString(),
                "enclave.storage.filesystem.directory", blobs.toString())));
    }

    private static void deleteTree(Path root) {
        try (var paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // best effort at JVM exit
        }
    }
}
