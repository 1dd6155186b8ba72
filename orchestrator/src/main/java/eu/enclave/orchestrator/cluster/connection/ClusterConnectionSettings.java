package eu.enclave.orchestrator.cluster.connection;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Which Kubernetes API server the orchestrator talks to. The same {@code enclave.cluster} prefix as
 * {@link eu.enclave.orchestrator.cluster.ClusterSettings}, which describes the layout on that cluster.
 *
 * @param kubeconfig    a kubeconfig file to use; when unset, the standard sources are tried
 * @param context       the kubeconfig context; null for the file's current context
 * @param simulated     true: always run the in-process simulated cluster; false: never (fail at startup when no
 *                      real cluster is configured); null (the default): simulate only when nothing is configured
 * @param simulatedPort port of the simulated API server on 127.0.0.1; 0 (the default) for any free port
 */
@ConfigurationProperties("enclave.cluster")
public record ClusterConnectionSettings(Path kubeconfig, String context, Boolean simulated, int simulatedPort) {
}
