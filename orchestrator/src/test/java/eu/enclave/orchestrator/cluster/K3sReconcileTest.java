package eu.enclave.orchestrator.cluster;

import io.fabric8.kubernetes.client.Config;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.k3s.K3sContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The reconcile scenarios against k3s in a container: a real API server with Pod Security admission. Needs a
 * Docker engine and the k3s image ({@code ENCLAVE_TEST_K3S_IMAGE} to choose another); skipped, saying so,
 * without Docker.
 */
@ExtendWith(K3sReconcileTest.SayWhenNoDocker.class) // before @Testcontainers, which skips silently
@Testcontainers(disabledWithoutDocker = true)
class K3sReconcileTest extends RealApiServerScenarios {

    static final String IMAGE = System.getenv().getOrDefault("ENCLAVE_TEST_K3S_IMAGE", "rancher/k3s:v1.31.4-k3s1");

    @Container
    static final K3sContainer K3S = new K3sContainer(DockerImageName.parse(IMAGE)
            .asCompatibleSubstituteFor("rancher/k3s"));

    @BeforeAll
    static void connect() {
        open(Config.fromKubeconfig(K3S.getKubeConfigYaml()));
    }

    /** Prints why the class is skipped; the skip itself is Testcontainers'. */
    static final class SayWhenNoDocker implements ExecutionCondition {

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            if (context.getTestMethod().isEmpty() && !DockerClientFactory.instance().isDockerAvailable()) {
                System.out.println("SKIPPED: k3s reconcile scenarios need a Docker engine (Testcontainers found none);"
                        + " set ENCLAVE_TEST_KUBECONFIG to run the same scenarios against a cluster of your own");
            }
            return ConditionEvaluationResult.enabled("only reports");
        }
    }
}
