package eu.enclave.orchestrator.cluster;

import io.fabric8.kubernetes.client.Config;
import java.io.File;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;

/**
 * The reconcile scenarios against the cluster of {@code ENCLAVE_TEST_KUBECONFIG} (a kubeconfig file; its context
 * {@code ENCLAVE_TEST_KUBE_CONTEXT}, else the file's current one). The kubeconfig's user needs to create and delete
 * namespaces and the bundle's kinds in them, and to create pods (dry run). Skipped, saying so, when the variable is
 * unset; never reads {@code KUBECONFIG} or {@code ~/.kube/config}, so that no test touches a cluster by accident.
 */
class ConfiguredClusterReconcileTest extends RealApiServerScenarios {

    static final String KUBECONFIG = "ENCLAVE_TEST_KUBECONFIG";
    static final String CONTEXT = "ENCLAVE_TEST_KUBE_CONTEXT";

    @BeforeAll
    static void connect() {
        String path = System.getenv(KUBECONFIG);
        if (path == null || path.isBlank()) {
            String reason = "Real-cluster reconcile scenarios: set " + KUBECONFIG + " to a kubeconfig file (and "
                    + CONTEXT + " to choose its context) to run them against that cluster";
            System.out.println("SKIPPED: " + reason);
            Assumptions.abort(reason);
        }
        File file = new File(path);
        if (!file.isFile()) {
            throw new IllegalStateException(KUBECONFIG + " names " + path + ", which is not a file");
        }
        String context = System.getenv(CONTEXT);
        Config config = Config.fromKubeconfig(context == null || context.isBlank() ? null : context, file);
        open(config);
        System.out.println("Reconcile scenarios against " + config.getMasterUrl() + " (" + KUBECONFIG + "=" + path
                + (context == null ? "" : ", context " + context) + "), namespaces " + RUN_PREFIX + "*");
    }
}
