package eu.enclave.orchestrator.cluster.connection;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;

/**
 * The orchestrator's connection to Kubernetes, and whether that cluster is real or simulated, for the API and
 * the portal to say so.
 *
 * @param source    where the configuration came from, for people ("kubeconfig /etc/enclave/kubeconfig")
 * @param simulator the in-process API server when simulated; null otherwise
 */
public record ClusterConnection(KubernetesClient client, boolean simulated, String url, String source,
                                KubernetesMockServer simulator) implements AutoCloseable {

    @Override
    public void close() {
        client.close();
        if (simulator != null) {
            simulator.destroy();
        }
    }
}
