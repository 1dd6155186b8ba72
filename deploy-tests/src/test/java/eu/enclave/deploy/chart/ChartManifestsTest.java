package eu.enclave.deploy.chart;

import static org.assertj.core.api.Assertions.assertThat;

import eu.enclave.platform.testing.RestrictedPodSecurity;
import eu.enclave.platform.testing.RestrictedPodSecurity.Extra;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the chart installs, for the default values and the production example: Pod Security restricted for every
 * pod, no secret rendered, pinned images, probes, resources, disruption budgets and spreading for replicated
 * services, the standard labels, and portals only behind the ingress.
 */
class ChartManifestsTest {

    private static final Pattern PINNED_IMAGE = Pattern.compile(
            "[a-z0-9.-]+(:[0-9]+)?(/[a-z0-9._-]+)+:[A-Za-z0-9_][A-Za-z0-9_.-]*(@sha256:[a-f0-9]{64})?");

    static Stream<Arguments> renders() {
        return Stream.of(Arguments.of("defaults", EnclaveChart.defaults()),
                Arguments.of("production example", EnclaveChart.production()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renders")
    void everyPodPassesPodSecurityRestrictedWithAReadOnlyRoot(String name, Manifests manifests) {
        assertThat(manifests.pods()).containsOnlyKeys("enclave-orchestrator", "enclave-egress-review", "enclave-guacd");
        manifests.pods().forEach((workload, pod) -> {
            assertThat(RestrictedPodSecurity.violations(pod, EnumSet.of(Extra.READ_ONLY_ROOT))).as(workload).isEmpty();
            // stated in the pod, not left to the image
            assertThat(pod.getSecurityContext().getRunAsNonRoot()).as(workload).isTrue();
            assertThat(pod.getSecurityContext().getRunAsUser()).as(workload).isPositive();
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renders")
    void onlyTheOrchestratorGetsAnApiToken(String name, Manifests manifests) {
        Map<String, PodSpec> pods = manifests.pods();
        assertThat(pods.get("enclave-orchestrator").getAutomountServiceAccountToken()).isTrue();
        assertThat(RestrictedPodSecurity.violations(pods.get("enclave-guacd"),
                EnumSet.of(Extra.NO_SERVICE_ACCOUNT_TOKEN))).isEmpty();
        assertThat(RestrictedPodSecurity.violations(pods.get("enclave-egress-review"),
                EnumSet.of(Extra.NO_SERVICE_ACCOUNT_TOKEN))).isEmpty();
        assertThat(manifests.all(io.fabric8.kubernetes.api.model.ServiceAccount.class))
                .allSatisfy(sa -> assertThat(sa.getAutomountServiceAccountToken()).isFalse());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renders")
    void noSecretIsRenderedEveryOneIsAFileFromAnExistingSecret(String name, Manifests manifests) {
        assertThat(manifests.all(Secret.class)).isEmpty();
        for (ConfigMap configMap : manifests.all(ConfigMap.class)) {
            String data = String.join("\n", configMap.getData().values());
            assertThat(data).as(configMap.getMetadata().getName())
                    .doesNotContainPattern("(?im)^\\s*[\\w.\\[\\]-]*(password|secret|token|credential|private-key)"
                            + "[\\w.\\]-]*:\\s*(?!/)\\S+");
        }
        for (Container container : containers(manifests)) {
            for (EnvVar env : container.getEnv()) {
                assertThat(env.getName()).as("environment of " + container.getName())
                        .doesNotContainPattern("(?i)PASSWORD|SECRET|TOKEN|CREDENTIAL");
                assertThat(env.getValueFrom() == null || env.getValueFrom().getSecretKeyRef() == null)
                        .as("no secret in the environment (it would show in /proc and crash reports): " + env.getName())
                        .isTrue();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renders")
    void imagesArePinned(String name, Manifests manifests) {
        for (Container container : containers(manifests)) {
            assertThat(container.getImage()).as(container.getName()).matches(PINNED_IMAGE)
                    .doesNotEndWith(":latest");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renders")
    void everyContainerHasResourcesAndEveryServiceProbes(String name, Manifests manifests) {
        for (Container container : containers(manifests)) {
            assertThat(container.getResources().getRequests()).as(container.getName()).containsKeys("cpu", "memory");
            assertThat(container.getResources().getLimits()).as(container.getName()).containsKeys("cpu", "memory");
        }
        manifests.pods().forEach((workload, pod) -> {
            Container main = pod.getContainers().get(0);
            assertThat(main.getStartupProbe()).as(workload).isNotNull();
            assertThat(main.getLivenessProbe()).as(workload).isNotNull();
            assertThat(main.getReadinessProbe()).as(workload).isNotNull();
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renders")
    void replicatedServicesHaveADisruptionBudgetAndAreSpreadOverNodes(String name, Manifests manifests) {
        for (Deployment deployment : manifests.all(Deployment.class)) {
            String workload = deployment.getMetadata().getName();
            boolean replicated = deployment.getSpec().getReplicas() > 1;
            List<PodDisruptionBudget> budgets = manifests.all(PodDisruptionBudget.class).stream()
                    .filter(b -> b.getSpec().getSelector().getMatchLabels()
                            .equals(deployment.getSpec().getSelector().getMatchLabels())).toList();
            assertThat(budgets).as(workload).hasSize(replicated ? 1 : 0);
            if (replicated) {
                assertThat(budgets.get(0).getSpec().getMaxUnavailable().getIntVal()).isEqualTo(1);
                var antiAffinity = deployment.getSpec().getTemplate().getSpec().getAffinity().getPodAntiAffinity();
                assertThat(antiAffinity).as(workload).isNotNull();
                assertThat(Stream.concat(antiAffinity.getRequiredDuringSchedulingIgnoredDuringExecution().stream(),
                        antiAffinity.getPreferredDuringSchedulingIgnoredDuringExecution().stream()
                                .map(w -> w.getPodAffinityTerm())).toList())
                        .as(workload).singleElement().satisfies(term -> {
                            assertThat(term.getTopologyKey()).isEqualTo("kubernetes.io/hostname");
                            assertThat(term.getLabelSelector().getMatchLabels())
                                    .isEqualTo(deployment.getSpec().getSelector().getMatchLabels());
                        });
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renders")
    void everyObjectCarriesTheStandardLabelsAndItsNamespace(String name, Manifests manifests) {
        for (HasMetadata object : manifests.objects()) {
            boolean clusterScoped = object.getKind().startsWith("Cluster");
            assertThat(object.getMetadata().getNamespace()).as(object.getKind() + " " + object.getMetadata().getName())
                    .isEqualTo(clusterScoped ? null : EnclaveChart.NAMESPACE);
            assertThat(object.getMetadata().getLabels()).as(object.getKind() + " " + object.getMetadata().getName())
                    .containsEntry("app.kubernetes.io/part-of", "enclave")
                    .containsEntry("app.kubernetes.io/instance", EnclaveChart.RELEASE)
                    .containsEntry("app.kubernetes.io/managed-by", "Helm")
                    .containsKey("helm.sh/chart");
        }
        for (Deployment deployment : manifests.all(Deployment.class)) {
            assertThat(deployment.getSpec().getTemplate().getMetadata().getLabels())
                    .containsKeys("app.kubernetes.io/name", "app.kubernetes.io/component", "app.kubernetes.io/version");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renders")
    void theIngressServesTheTwoPortalsOverTlsAndNothingElse(String name, Manifests manifests) {
        List<Ingress> ingresses = manifests.all(Ingress.class);
        assertThat(ingresses).extracting(i -> i.getMetadata().getName())
                .containsExactlyInAnyOrder("enclave-orchestrator", "enclave-egress-review");
        for (Ingress ingress : ingresses) {
            var rules = ingress.getSpec().getRules();
            assertThat(rules).singleElement().satisfies(rule -> {
                assertThat(ingress.getSpec().getTls()).singleElement()
                        .satisfies(tls -> assertThat(tls.getHosts()).containsExactly(rule.getHost()));
                assertThat(rule.getHttp().getPaths()).singleElement().satisfies(path -> {
                    assertThat(path.getBackend().getService().getName()).isEqualTo(ingress.getMetadata().getName());
                    assertThat(path.getBackend().getService().getPort().getName()).isEqualTo("http");
                });
            });
        }
        assertThat(ingresses.get(0).getSpec().getRules().get(0).getHost())
                .isNotEqualTo(ingresses.get(1).getSpec().getRules().get(0).getHost());
        // the port named http of each portal's Service is the portal, nothing else
        assertThat(manifests.one(Service.class, "enclave-orchestrator").getSpec().getPorts())
                .filteredOn(p -> p.getName().equals("http")).singleElement()
                .satisfies(p -> assertThat(p.getPort()).isEqualTo(8080));
        assertThat(manifests.one(Service.class, "enclave-egress-review").getSpec().getPorts())
                .extracting(p -> p.getPort()).doesNotContain(8082).contains(8081);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renders")
    void theDesktopTunnelAndLiveStatusStreamsAreNotBufferedOrCut(String name, Manifests manifests) {
        for (Ingress ingress : manifests.all(Ingress.class)) {
            assertThat(ingress.getMetadata().getAnnotations())
                    .containsEntry("nginx.ingress.kubernetes.io/proxy-buffering", "off")
                    .containsEntry("nginx.ingress.kubernetes.io/proxy-read-timeout", "3600")
                    .containsEntry("nginx.ingress.kubernetes.io/proxy-send-timeout", "3600");
        }
    }

    private static List<Container> containers(Manifests manifests) {
        return manifests.pods().values().stream()
                .flatMap(pod -> Stream.concat(pod.getInitContainers().stream(), pod.getContainers().stream()))
                .toList();
    }
}
