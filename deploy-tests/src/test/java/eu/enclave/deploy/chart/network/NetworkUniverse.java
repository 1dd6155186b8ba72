package eu.enclave.deploy.chart.network;

import eu.enclave.deploy.chart.Manifests;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every endpoint the chart's pods could talk to or hear from, for the flow tests: the chart's own pods (as
 * rendered), the peers the production example names, and bystanders that must reach nothing (a stray pod of the
 * platform namespace, another pod of a project namespace, a pod elsewhere, the internet).
 */
public final class NetworkUniverse {

    public static final String PLATFORM = "enclave-system";
    static final List<Integer> TCP_PORTS = List.of(22, 53, 80, 443, 587, 4822, 5432, 5901, 6443, 8080, 8081,
            8082, 8083, 8200, 9080, 9081);

    public final Endpoint orchestrator;
    public final Endpoint egressReview;
    public final Endpoint guacd;
    public final Endpoint ingressController = Endpoint.pod("ingress-controller", "ingress-nginx",
            Map.of("app.kubernetes.io/name", "ingress-nginx"));
    public final Endpoint prometheus = Endpoint.pod("prometheus", "monitoring",
            Map.of("app.kubernetes.io/name", "prometheus"));
    public final Endpoint kubeDns = Endpoint.pod("kube-dns", "kube-system", Map.of("k8s-app", "kube-dns"));
    public final Endpoint workspace = Endpoint.pod("workspace", "enclave-demo", projectNamespace(),
            Map.of("enclave.eu/component", "workspace", "app.kubernetes.io/managed-by", "enclave"),
            Map.of("desktop", 5901));
    public final Endpoint postgresql = Endpoint.pod("postgresql", "databases",
            Map.of("cnpg.io/cluster", "enclave-postgresql"));
    public final Endpoint vault = Endpoint.address("vault", "10.20.0.5");
    public final Endpoint identityProvider = Endpoint.address("identity-provider", "10.20.1.5");
    public final Endpoint smtp = Endpoint.address("smtp", "10.20.2.25");
    public final Endpoint s3 = Endpoint.address("s3", "10.20.3.7");
    public final Endpoint apiServer = Endpoint.address("api-server", "10.3.0.10");
    final List<Endpoint> bystanders = List.of(
            Endpoint.pod("stray-platform-pod", PLATFORM, Map.of("app", "stray")),
            Endpoint.pod("project-non-workspace", "enclave-demo", projectNamespace(),
                    Map.of("app.kubernetes.io/managed-by", "enclave"), Map.of("desktop", 5901)),
            Endpoint.pod("other-namespace-pod", "default", Map.of("app", "other")),
            Endpoint.pod("prometheus-lookalike", "default", Map.of("app.kubernetes.io/name", "prometheus")),
            Endpoint.address("internet", "198.51.100.7"));

    public NetworkUniverse(Manifests manifests) {
        this.orchestrator = chartPod(manifests, "enclave-orchestrator");
        this.egressReview = chartPod(manifests, "enclave-egress-review");
        this.guacd = chartPod(manifests, "enclave-guacd");
    }

    public List<Endpoint> chartPods() {
        return List.of(orchestrator, egressReview, guacd);
    }

    List<Endpoint> all() {
        List<Endpoint> all = new ArrayList<>(chartPods());
        all.addAll(List.of(ingressController, prometheus, kubeDns, workspace, postgresql, vault, identityProvider,
                smtp, s3, apiServer));
        all.addAll(bystanders);
        return all;
    }

    /** Every connection with a chart pod at one end, on every port of interest. */
    public List<Flow> everyFlow() {
        List<Flow> flows = new ArrayList<>();
        for (Endpoint from : all()) {
            for (Endpoint to : all()) {
                if (from == to || !(chartPods().contains(from) || chartPods().contains(to))) {
                    continue;
                }
                TCP_PORTS.forEach(port -> flows.add(Flow.tcp(from, to, port)));
                flows.add(new Flow(from, to, "UDP", 53));
            }
        }
        return flows;
    }

    private static Map<String, String> projectNamespace() {
        return Map.of("kubernetes.io/metadata.name", "enclave-demo", "app.kubernetes.io/managed-by", "enclave",
                "app.kubernetes.io/part-of", "enclave");
    }

    private static Endpoint chartPod(Manifests manifests, String deployment) {
        Deployment workload = manifests.one(Deployment.class, deployment);
        Map<String, Integer> ports = new LinkedHashMap<>();
        workload.getSpec().getTemplate().getSpec().getContainers().stream()
                .flatMap(c -> c.getPorts().stream())
                .forEach((ContainerPort p) -> ports.put(p.getName(), p.getContainerPort()));
        return Endpoint.pod(deployment.replace("enclave-", ""), PLATFORM,
                Map.of("kubernetes.io/metadata.name", PLATFORM),
                workload.getSpec().getTemplate().getMetadata().getLabels(), ports);
    }
}
