package eu.enclave.orchestrator.cluster;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import org.junit.jupiter.api.AfterAll;

/**
 * The reconcile scenarios against a real API server, which enforces admission: a subclass finds its cluster in a
 * {@code @BeforeAll} and hands its configuration to {@link #open(Config)}; the client is closed after the class.
 */
abstract class RealApiServerScenarios extends ReconcileScenarios {

    private static KubernetesClient client;

    static void open(Config config) {
        client = new KubernetesClientBuilder().withConfig(config).build();
    }

    @AfterAll
    static void close() {
        if (client != null) {
            client.close();
            client = null;
        }
    }

    @Override
    protected KubernetesClient client() {
        return client;
    }

    @Override
    protected String noAdmissionBecause() {
        return null;
    }
}
