package eu.enclave.deploy.chart.network;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.networking.v1.IPBlock;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * What a set of NetworkPolicies allows, as Kubernetes defines it: a pod selected by a policy of a direction is
 * isolated in that direction and then admits only what some rule of those policies names; a connection needs the
 * source's egress and the destination's ingress. Pods no policy selects, and addresses outside the cluster, are
 * not isolated. Peers and ports are matched as the API documents them (namespace and pod selectors together,
 * ipBlock with except, named ports looked up on the destination pod, protocol TCP by default).
 */
public final class NetworkModel {

    private final List<NetworkPolicy> policies;
    private final String releaseNamespace;

    /**
     * @param releaseNamespace where the policies that name no namespace of their own are applied (helm template
     *                         leaves it out, as {@code helm install -n} fills it in)
     */
    public NetworkModel(List<NetworkPolicy> policies, String releaseNamespace) {
        this.policies = List.copyOf(policies);
        this.releaseNamespace = releaseNamespace;
    }

    public boolean allows(Endpoint from, Endpoint to, String protocol, int port) {
        return egressAllows(from, to, protocol, port) && ingressAllows(from, to, protocol, port);
    }

    private boolean egressAllows(Endpoint from, Endpoint to, String protocol, int port) {
        List<NetworkPolicy> isolating = isolating(from, "Egress");
        return isolating.isEmpty() || isolating.stream().flatMap(p -> p.getSpec().getEgress().stream()
                .filter(rule -> peersMatch(rule.getTo(), p, to) && portsMatch(rule.getPorts(), to, protocol, port)))
                .findAny().isPresent();
    }

    private boolean ingressAllows(Endpoint from, Endpoint to, String protocol, int port) {
        List<NetworkPolicy> isolating = isolating(to, "Ingress");
        return isolating.isEmpty() || isolating.stream().flatMap(p -> p.getSpec().getIngress().stream()
                .filter(rule -> peersMatch(rule.getFrom(), p, from) && portsMatch(rule.getPorts(), to, protocol, port)))
                .findAny().isPresent();
    }

    /** The policies that select this pod for that direction. */
    private List<NetworkPolicy> isolating(Endpoint endpoint, String direction) {
        if (!endpoint.isPod()) {
            return List.of();
        }
        return policies.stream()
                .filter(p -> namespaceOf(p).equals(endpoint.namespace()))
                .filter(p -> matches(p.getSpec().getPodSelector(), endpoint.podLabels()))
                .filter(p -> types(p).contains(direction))
                .toList();
    }

    /** Policy types as the API server defaults them: Ingress always, Egress when there are egress rules. */
    private static List<String> types(NetworkPolicy policy) {
        List<String> types = policy.getSpec().getPolicyTypes();
        if (types != null && !types.isEmpty()) {
            return types;
        }
        return policy.getSpec().getEgress().isEmpty() ? List.of("Ingress") : List.of("Ingress", "Egress");
    }

    private String namespaceOf(NetworkPolicy policy) {
        String namespace = policy.getMetadata().getNamespace();
        return namespace != null ? namespace : releaseNamespace;
    }

    private boolean peersMatch(List<NetworkPolicyPeer> peers, NetworkPolicy policy, Endpoint endpoint) {
        return peers == null || peers.isEmpty() || peers.stream().anyMatch(peer -> peerMatches(peer, policy, endpoint));
    }

    private boolean peerMatches(NetworkPolicyPeer peer, NetworkPolicy policy, Endpoint endpoint) {
        if (peer.getIpBlock() != null) {
            return !endpoint.isPod() && inBlock(peer.getIpBlock(), endpoint.ip());
        }
        if (!endpoint.isPod()) {
            return false;
        }
        boolean namespaceOk = peer.getNamespaceSelector() == null
                ? endpoint.namespace().equals(namespaceOf(policy))
                : matches(peer.getNamespaceSelector(), endpoint.namespaceLabels());
        return namespaceOk && (peer.getPodSelector() == null || matches(peer.getPodSelector(), endpoint.podLabels()));
    }

    private static boolean portsMatch(List<NetworkPolicyPort> ports, Endpoint to, String protocol, int port) {
        return ports == null || ports.isEmpty() || ports.stream().anyMatch(p -> portMatches(p, to, protocol, port));
    }

    private static boolean portMatches(NetworkPolicyPort rule, Endpoint to, String protocol, int port) {
        String ruleProtocol = rule.getProtocol() == null ? "TCP" : rule.getProtocol();
        if (!ruleProtocol.equals(protocol)) {
            return false;
        }
        IntOrString value = rule.getPort();
        if (value == null) {
            return true;
        }
        if (value.getIntVal() != null) {
            int end = rule.getEndPort() == null ? value.getIntVal() : rule.getEndPort();
            return port >= value.getIntVal() && port <= end;
        }
        Integer named = to.namedPorts().get(value.getStrVal());
        return named != null && named == port;
    }

    static boolean matches(LabelSelector selector, Map<String, String> labels) {
        if (selector == null) {
            return true;
        }
        Map<String, String> required = selector.getMatchLabels() == null ? Map.of() : selector.getMatchLabels();
        boolean labelsOk = required.entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
        List<LabelSelectorRequirement> expressions = selector.getMatchExpressions() == null ? List.of()
                : selector.getMatchExpressions();
        return labelsOk && expressions.stream().allMatch(requirement(labels));
    }

    private static Predicate<LabelSelectorRequirement> requirement(Map<String, String> labels) {
        return r -> switch (r.getOperator()) {
            case "In" -> labels.containsKey(r.getKey()) && r.getValues().contains(labels.get(r.getKey()));
            case "NotIn" -> !labels.containsKey(r.getKey()) || !r.getValues().contains(labels.get(r.getKey()));
            case "Exists" -> labels.containsKey(r.getKey());
            case "DoesNotExist" -> !labels.containsKey(r.getKey());
            default -> throw new IllegalArgumentException("unknown selector operator " + r.getOperator());
        };
    }

    private static boolean inBlock(IPBlock block, String ip) {
        return inCidr(block.getCidr(), ip)
                && (block.getExcept() == null || block.getExcept().stream().noneMatch(e -> inCidr(e, ip)));
    }

    static boolean inCidr(String cidr, String ip) {
        String[] parts = cidr.split("/");
        try {
            byte[] network = InetAddress.getByName(parts[0]).getAddress();
            byte[] address = InetAddress.getByName(ip).getAddress();
            if (network.length != address.length) {
                return false;
            }
            int bits = Integer.parseInt(parts[1]);
            int total = network.length * 8;
            BigInteger mask = BigInteger.ONE.shiftLeft(total).subtract(BigInteger.ONE)
                    .xor(BigInteger.ONE.shiftLeft(total - bits).subtract(BigInteger.ONE));
            return new BigInteger(1, network).and(mask).equals(new BigInteger(1, address).and(mask));
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an address: " + cidr + " or " + ip, e);
        }
    }
}
