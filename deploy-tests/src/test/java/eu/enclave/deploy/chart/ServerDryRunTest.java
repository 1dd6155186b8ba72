package eu.enclave.deploy.chart;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * With {@code ENCLAVE_TEST_KUBECONFIG} (and optionally {@code ENCLAVE_TEST_KUBE_CONTEXT}): the production example's
 * manifests, rendered for a fresh namespace labelled Pod Security {@code restricted} (enforce), are all admitted by
 * that cluster's API server with server-side dry run, and so is a bare pod made of each workload's template (Pod
 * Security enforces on pods, not on Deployments). Nothing but the namespace is created; it is deleted afterwards.
 * The kubeconfig's user needs to create namespaces, and the chart's kinds (ClusterRoles among them) in dry run.
 * Skipped, saying so, without the variable; never reads {@code KUBECONFIG} or {@code ~/.kube/config}.
 */
class ServerDryRunTest {

    private static final String KUBECONFIG = "ENCLAVE_TEST_KUBECONFIG";
    private static KubernetesClient client;
    private static String namespace;

    @BeforeAll
    static void connect() {
        String path = System.getenv(KUBECONFIG);
        if (path == null || path.isBlank()) {
            String reason = "server-side dry run of the chart: set " + KUBECONFIG + " to a kubeconfig file (and"
                    + " ENCLAVE_TEST_KUBE_CONTEXT to choose its context) to send the manifests to that cluster";
            System.out.println("SKIPPED: " + reason);
            Assumptions.abort(reason);
        }
        File file = new File(path);
        assertThat(file).as(KUBECONFIG).isFile();
        String context = System.getenv("ENCLAVE_TEST_KUBE_CONTEXT");
        Config config = Config.fromKubeconfig(context == null || context.isBlank() ? null : context, file);
        client = new KubernetesClientBuilder().withConfig(config).build();
        namespace = "enclave-dry-run-" + UUID.randomUUID().toString().substring(0, 8);
        Namespace restricted = new NamespaceBuilder().withNewMetadata().withName(namespace)
                .withLabels(Map.of("pod-security.kubernetes.io/enforce", "restricted",
                        "pod-security.kubernetes.io/enforce-version", "latest"))
                .endMetadata().build();
        client.resource(restricted).create();
        System.out.println("Server-side dry run of the chart against " + config.getMasterUrl() + ", namespace " + namespace);
    }

    @AfterAll
    static void cleanUp() {
        if (client != null) {
            client.namespaces().withName(namespace).delete();
            client.close();
        }
    }

    @Test
    void everyManifestIsAdmitted() {
        Manifests manifests = EnclaveChart.manifestsIn(namespace, EnclaveChart.PRODUCTION_VALUES, Map.of());
        List<String> refused = new ArrayList<>();
        for (HasMetadata object : manifests.objects()) {
            dryRun(object, refused);
        }
        for (Deployment deployment : manifests.all(Deployment.class)) {
            Pod pod = new PodBuilder().withNewMetadata().withName(deployment.getMetadata().getName() + "-dry-run")
                    .withNamespace(namespace)
                    .withLabels(deployment.getSpec().getTemplate().getMetadata().getLabels()).endMetadata()
                    .withSpec(deployment.getSpec().getTemplate().getSpec()).build();
            dryRun(pod, refused);
        }
        assertThat(refused).isEmpty();
    }

    private static void dryRun(HasMetadata object, List<String> refused) {
        String name = object.getKind() + " " + object.getMetadata().getName();
        try {
            // rendered for the test namespace, so every namespaced object names it
            var resource = client.resource(object);
            try {
                resource.dryRun().create();
            } catch (KubernetesClientException e) {
                if (e.getCode() != 409) {
                    throw e;
                }
                resource.dryRun().update(); // a cluster-wide object of an installed Enclave: replacing it is admitted
            }
        } catch (KubernetesClientException e) {
            refused.add(name + ": " + e.getCode() + " " + e.getMessage());
        }
    }
}
