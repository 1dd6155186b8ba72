package eu.enclave.orchestrator.cluster;

import io.fabric8.kubernetes.client.KubernetesClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The reconcile scenarios against Fabric8's CRUD mock API server made to answer as kube-apiserver does where it
 * matters ({@link ApiServerLikeMock}: no object in a namespace that does not exist, server-defaulted fields): always
 * run, with no cluster at all.
 */
class MockClusterReconcileTest extends ReconcileScenarios {

    private static ApiServerLikeMock mock;
    private static KubernetesClient client;

    @BeforeAll
    static void startMock() {
        mock = ApiServerLikeMock.start();
        client = mock.client();
    }

    @AfterAll
    static void stopMock() {
        client.close();
        mock.close();
    }

    @Override
    protected KubernetesClient client() {
        return client;
    }

    @Override
    protected String noAdmissionBecause() {
        return "Fabric8's mock API server stores objects and runs no admission control";
    }
}
