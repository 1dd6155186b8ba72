package eu.enclave.deploy.chart.network;

import static org.assertj.core.api.Assertions.assertThat;

import eu.enclave.deploy.chart.EnclaveChart;
import eu.enclave.deploy.chart.Manifests;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The platform namespace's network policies, evaluated as Kubernetes does over every endpoint and port of
 * {@link NetworkUniverse}: each flow of the issue is allowed, and nothing else is, for the production example
 * (every destination named) and for the defaults (no destination outside the cluster named: none allowed).
 */
class NetworkFlowsTest {

    private static final Manifests PRODUCTION = EnclaveChart.production();
    private static final Manifests DEFAULTS = EnclaveChart.defaults();

    /** The flows the chart must allow, by policy name, for the production example. */
    private static Map<String, List<Flow>> expected(NetworkUniverse u, boolean external) {
        Map<String, List<Flow>> flows = new LinkedHashMap<>();
        flows.put("ingress-to-orchestrator", List.of(Flow.tcp(u.ingressController, u.orchestrator, 8080)));
        flows.put("ingress-to-egress-review", List.of(Flow.tcp(u.ingressController, u.egressReview, 8081)));
        flows.put("workspaces-to-intake", List.of(Flow.tcp(u.workspace, u.egressReview, 8082)));
        flows.put("guacd-to-desktops", List.of(Flow.tcp(u.guacd, u.workspace, 5901)));
        flows.put("dns", u.chartPods().stream().flatMap(pod -> Stream.of(Flow.tcp(pod, u.kubeDns, 53),
                new Flow(pod, u.kubeDns, "UDP", 53))).toList());
        flows.put("egress-review-to-internal-api", List.of(Flow.tcp(u.egressReview, u.orchestrator, 8083)));
        flows.put("orchestrator-to-guacd", List.of(Flow.tcp(u.orchestrator, u.guacd, 4822)));
        flows.put("monitoring-to-orchestrator", List.of(Flow.tcp(u.prometheus, u.orchestrator, 9080)));
        flows.put("monitoring-to-egress-review", List.of(Flow.tcp(u.prometheus, u.egressReview, 9081)));
        if (external) {
            flows.put("to-postgresql", List.of(Flow.tcp(u.orchestrator, u.postgresql, 5432),
                    Flow.tcp(u.egressReview, u.postgresql, 5432)));
            flows.put("to-vault", List.of(Flow.tcp(u.orchestrator, u.vault, 8200)));
            flows.put("to-identity-provider", List.of(Flow.tcp(u.orchestrator, u.identityProvider, 443),
                    Flow.tcp(u.egressReview, u.identityProvider, 443)));
            flows.put("orchestrator-to-kubernetes-api", List.of(Flow.tcp(u.orchestrator, u.apiServer, 443),
                    Flow.tcp(u.orchestrator, u.apiServer, 6443)));
            flows.put("to-smtp", List.of(Flow.tcp(u.egressReview, u.smtp, 587)));
            flows.put("to-s3", List.of(Flow.tcp(u.egressReview, u.s3, 443)));
        }
        return flows;
    }

    @TestFactory
    Stream<DynamicTest> eachFlowIsAllowedByItsOwnPolicy() {
        NetworkUniverse universe = new NetworkUniverse(PRODUCTION);
        List<NetworkPolicy> policies = PRODUCTION.all(NetworkPolicy.class);
        return expected(universe, true).entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
            NetworkModel all = model(policies);
            for (Flow flow : e.getValue()) {
                assertThat(all.allows(flow.from(), flow.to(), flow.protocol(), flow.port())).as(flow.toString())
                        .isTrue();
            }
            // and without that policy, they are refused: it is the one that allows them
            NetworkModel without = model(policies.stream()
                    .filter(p -> !p.getMetadata().getName().equals("enclave-" + e.getKey())).toList());
            for (Flow flow : e.getValue()) {
                assertThat(without.allows(flow.from(), flow.to(), flow.protocol(), flow.port()))
                        .as("without enclave-%s: %s", e.getKey(), flow).isFalse();
            }
        }));
    }

    @Test
    void nothingElseIsAllowedInProduction() {
        assertOnlyExpected(PRODUCTION, true);
    }

    @Test
    void theDefaultsAllowNoDestinationOutsideTheCluster() {
        assertOnlyExpected(DEFAULTS, false);
    }

    @Test
    void onePolicyPerFlowAndTheDefaultDenyNothingElse() {
        NetworkUniverse universe = new NetworkUniverse(PRODUCTION);
        List<String> names = new ArrayList<>(expected(universe, true).keySet().stream().map(n -> "enclave-" + n)
                .toList());
        names.add("enclave-default-deny");
        assertThat(PRODUCTION.all(NetworkPolicy.class)).extracting(p -> p.getMetadata().getName())
                .containsExactlyInAnyOrderElementsOf(names);
    }

    @Test
    void everyChartPodIsIsolatedBothWays() {
        NetworkPolicy deny = PRODUCTION.one(NetworkPolicy.class, "enclave-default-deny");
        assertThat(deny.getSpec().getPolicyTypes()).containsExactlyInAnyOrder("Ingress", "Egress");
        assertThat(deny.getSpec().getIngress()).isEmpty();
        assertThat(deny.getSpec().getEgress()).isEmpty();
        NetworkUniverse universe = new NetworkUniverse(PRODUCTION);
        assertThat(universe.chartPods()).allSatisfy(pod ->
                assertThat(NetworkModel.matches(deny.getSpec().getPodSelector(), pod.podLabels())).isTrue());
    }

    private static void assertOnlyExpected(Manifests manifests, boolean external) {
        NetworkUniverse universe = new NetworkUniverse(manifests);
        NetworkModel model = model(manifests.all(NetworkPolicy.class));
        Set<String> expected = new java.util.TreeSet<>(expected(universe, external).values().stream()
                .flatMap(List::stream).map(Flow::toString).toList());
        Set<String> allowed = new java.util.TreeSet<>(universe.everyFlow().stream()
                .filter(f -> model.allows(f.from(), f.to(), f.protocol(), f.port())).map(Flow::toString).toList());
        assertThat(allowed).containsExactlyElementsOf(expected);
    }

    private static NetworkModel model(List<NetworkPolicy> policies) {
        return new NetworkModel(policies, NetworkUniverse.PLATFORM);
    }
}
