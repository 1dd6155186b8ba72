package eu.enclave.deploy.chart;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The pods the project bundle's policies admit (guacd to desktops, workspaces to the intake) are the chart's
 * pods: the orchestrator's peer settings are the chart's selector labels in the release namespace, and its DNS
 * peer is the one the platform's own DNS policy names.
 */
class PeerLabelsTest {

    static Stream<Arguments> peers() {
        return Stream.of(Arguments.of("guacd", "enclave-guacd", 4822), Arguments.of("intake", "enclave-egress-review", 8082));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("peers")
    void theOrchestratorsPeerIsTheChartsPods(String peer, String deployment, int port) {
        Manifests manifests = EnclaveChart.production();
        Map<String, Object> settings = section(cluster(manifests), peer);
        Deployment workload = manifests.one(Deployment.class, deployment);
        Map<String, String> podLabels = workload.getSpec().getTemplate().getMetadata().getLabels();
        Map<String, String> selected = unbracketed(settings.get("pod-labels"));
        assertThat(selected).isEqualTo(workload.getSpec().getSelector().getMatchLabels());
        assertThat(podLabels).containsAllEntriesOf(selected);
        assertThat(unbracketed(settings.get("namespace-labels")))
                .isEqualTo(Map.of("kubernetes.io/metadata.name", EnclaveChart.NAMESPACE));
        assertThat(settings.get("port")).isEqualTo(port);
        assertThat(workload.getSpec().getTemplate().getSpec().getContainers().get(0).getPorts())
                .anySatisfy(p -> assertThat(p.getContainerPort()).isEqualTo(port));
    }

    @Test
    void theyFollowTheReleaseNamespace() {
        Map<String, Object> elsewhere = cluster(EnclaveChart.manifestsIn("tre-platform", null, Map.of()));
        for (String peer : new String[] {"guacd", "intake"}) {
            assertThat(unbracketed(section(elsewhere, peer).get("namespace-labels")))
                    .isEqualTo(Map.of("kubernetes.io/metadata.name", "tre-platform"));
        }
        assertThat(section(elsewhere, "leader-election")).containsEntry("namespace", "tre-platform");
        assertThat(elsewhere.get("platform-namespace")).isEqualTo("tre-platform");
    }

    @Test
    void theDnsPeerIsThePlatformsDns() {
        Map<String, Object> dns = section(cluster(EnclaveChart.production()), "dns");
        assertThat(unbracketed(dns.get("namespace-labels"))).isEqualTo(Map.of("kubernetes.io/metadata.name", "kube-system"));
        assertThat(unbracketed(dns.get("pod-labels"))).isEqualTo(Map.of("k8s-app", "kube-dns"));
        assertThat(dns.get("port")).isEqualTo(53);
    }

    /** The orchestrator's {@code enclave.cluster} settings. */
    private static Map<String, Object> cluster(Manifests manifests) {
        return section(section(manifests.applicationYaml("enclave-orchestrator-config"), "enclave"), "cluster");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> section(Map<String, Object> tree, String key) {
        return (Map<String, Object>) tree.get(key);
    }

    /** Spring's bracketed map keys ({@code [app.kubernetes.io/name]}) as the label keys they bind to. */
    private static Map<String, String> unbracketed(Object map) {
        Map<String, String> labels = new TreeMap<>();
        ((Map<?, ?>) map).forEach((k, v) -> {
            String key = k.toString();
            assertThat(key).as("a bracketed key, so that Spring keeps its dots and slashes").startsWith("[").endsWith("]");
            labels.put(key.substring(1, key.length() - 1), v.toString());
        });
        return labels;
    }
}
