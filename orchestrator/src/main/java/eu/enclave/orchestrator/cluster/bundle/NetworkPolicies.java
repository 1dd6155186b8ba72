package eu.enclave.orchestrator.cluster.bundle;

import eu.enclave.orchestrator.cluster.ClusterNames;
import eu.enclave.orchestrator.cluster.ClusterSettings;
import eu.enclave.orchestrator.cluster.ClusterSettings.Peer;
import eu.enclave.orchestrator.cluster.Mirror;
import eu.enclave.orchestrator.cluster.ProjectClusterSpec;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRuleBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeerBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPortBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * The project's network: nothing in or out by default; guacd may reach the workspaces' desktop port;
 * workspaces may reach the egress-review intake and the mirrors an admin allowed, and the cluster DNS only
 * when one of those mirrors is used by name. Policies are additive in Kubernetes, so each allowance is its
 * own object and the default deny stays whole.
 */
public final class NetworkPolicies {

    /** Workspace pods name their desktop container port this, whatever its number (VNC or RDP). */
    public static final String DESKTOP_PORT_NAME = "desktop";

    private NetworkPolicies() {
    }

    public static List<NetworkPolicy> desired(ProjectClusterSpec spec, ClusterSettings settings) {
        List<NetworkPolicy> policies = new ArrayList<>();
        policies.add(defaultDeny(spec, settings));
        policies.add(guacdToDesktops(spec, settings));
        policies.add(workspacesToIntake(spec, settings));
        if (!spec.mirrors().isEmpty()) {
            policies.add(workspacesToMirrors(spec, settings));
        }
        if (spec.needsDns()) {
            policies.add(workspacesToDns(spec, settings));
        }
        return policies;
    }

    static NetworkPolicy defaultDeny(ProjectClusterSpec spec, ClusterSettings settings) {
        return new NetworkPolicyBuilder().withMetadata(Objects.meta("default-deny", spec, settings))
                .withNewSpec().withPodSelector(new LabelSelectorBuilder().build())
                .withPolicyTypes("Ingress", "Egress").endSpec().build();
    }

    static NetworkPolicy guacdToDesktops(ProjectClusterSpec spec, ClusterSettings settings) {
        return new NetworkPolicyBuilder().withMetadata(Objects.meta("allow-guacd-to-desktops", spec, settings))
                .withNewSpec().withPodSelector(workspaces()).withPolicyTypes("Ingress")
                .addNewIngress().withFrom(peer(settings.guacd()))
                .withPorts(new NetworkPolicyPortBuilder().withProtocol("TCP")
                        .withPort(new IntOrString(DESKTOP_PORT_NAME)).build())
                .endIngress().endSpec().build();
    }

    static NetworkPolicy workspacesToIntake(ProjectClusterSpec spec, ClusterSettings settings) {
        return egress("allow-workspaces-to-intake", spec, settings,
                List.of(rule(List.of(peer(settings.intake())), List.of(tcp(settings.intake().port())))));
    }

    static NetworkPolicy workspacesToMirrors(ProjectClusterSpec spec, ClusterSettings settings) {
        List<NetworkPolicyEgressRule> rules = spec.mirrors().stream()
                .map(m -> rule(List.of(block(m)), List.of(tcp(m.port())))).toList();
        return egress("allow-workspaces-to-mirrors", spec, settings, rules);
    }

    static NetworkPolicy workspacesToDns(ProjectClusterSpec spec, ClusterSettings settings) {
        int port = settings.dns().port();
        return egress("allow-workspaces-to-dns", spec, settings, List.of(rule(List.of(peer(settings.dns())),
                List.of(new NetworkPolicyPortBuilder().withProtocol("UDP").withPort(new IntOrString(port)).build(),
                        tcp(port)))));
    }

    private static NetworkPolicy egress(String name, ProjectClusterSpec spec, ClusterSettings settings,
                                        List<NetworkPolicyEgressRule> rules) {
        return new NetworkPolicyBuilder().withMetadata(Objects.meta(name, spec, settings))
                .withNewSpec().withPodSelector(workspaces()).withPolicyTypes("Egress").withEgress(rules)
                .endSpec().build();
    }

    private static NetworkPolicyEgressRule rule(List<NetworkPolicyPeer> to, List<NetworkPolicyPort> ports) {
        return new NetworkPolicyEgressRuleBuilder().withTo(to).withPorts(ports).build();
    }

    /** Namespace and pod selectors in one peer: both must match (a pod of that kind in that namespace). */
    private static NetworkPolicyPeer peer(Peer peer) {
        return new NetworkPolicyPeerBuilder()
                .withNamespaceSelector(new LabelSelectorBuilder().withMatchLabels(new TreeMap<>(peer.namespaceLabels())).build())
                .withPodSelector(new LabelSelectorBuilder().withMatchLabels(new TreeMap<>(peer.podLabels())).build())
                .build();
    }

    private static NetworkPolicyPeer block(Mirror mirror) {
        return new NetworkPolicyPeerBuilder().withNewIpBlock().withCidr(mirror.cidr()).endIpBlock().build();
    }

    private static NetworkPolicyPort tcp(int port) {
        return new NetworkPolicyPortBuilder().withProtocol("TCP").withPort(new IntOrString(port)).build();
    }

    private static io.fabric8.kubernetes.api.model.LabelSelector workspaces() {
        return new LabelSelectorBuilder().withMatchLabels(ClusterNames.workspacePods()).build();
    }
}
