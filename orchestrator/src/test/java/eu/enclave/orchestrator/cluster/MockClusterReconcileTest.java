package eu.enclave.orchestrator.cluster;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;

/** The reconcile scenarios against Fabric8's CRUD mock API server: always run, with no cluster at all. */
@EnableKubernetesMockClient(crud = true)
class MockClusterReconcileTest extends ReconcileScenarios {

    KubernetesClient client;

    @Override
    protected KubernetesClient client() {
        return client;
    }

    @Override
    protected String noAdmissionBecause() {
        return "Fabric8's mock API server stores objects and runs no admission control";
    }
}
