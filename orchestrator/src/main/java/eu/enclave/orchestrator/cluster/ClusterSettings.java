package eu.enclave.orchestrator.cluster;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How projects are laid out on the cluster, and where the platform's own components run.
 *
 * @param namespacePrefix prefix of every project namespace ({@code enclave-} gives {@code enclave-<slug>})
 * @param guacd           the pods allowed to reach workspace desktops
 * @param intake          the egress-review intake, the only destination workspaces may reach
 * @param dns             the cluster DNS, reachable only by projects that use a mirror by name
 * @param storage         the project share and outbox volumes
 * @param limits          container defaults and maxima in project namespaces
 */
@ConfigurationProperties("enclave.cluster")
public record ClusterSettings(String namespacePrefix, Peer guacd, Peer intake, Peer dns, Storage storage,
                              Limits limits) {

    private static final String SYSTEM_NAMESPACE = "kubernetes.io/metadata.name";

    public ClusterSettings {
        namespacePrefix = namespacePrefix == null ? "enclave-" : namespacePrefix;
        guacd = guacd != null ? guacd
                : new Peer(Map.of(SYSTEM_NAMESPACE, "enclave-system"), Map.of("app.kubernetes.io/name", "guacd"), 4822);
        intake = intake != null ? intake
                : new Peer(Map.of(SYSTEM_NAMESPACE, "enclave-system"),
                        Map.of("app.kubernetes.io/name", "egress-review"), 8081);
        dns = dns != null ? dns : new Peer(Map.of(SYSTEM_NAMESPACE, "kube-system"), Map.of("k8s-app", "kube-dns"), 53);
        storage = storage != null ? storage : new Storage(null, "100Gi", "10Gi", "ReadWriteMany");
        limits = limits != null ? limits : new Limits("2", "4Gi", "500m", "1Gi");
    }

    public static ClusterSettings defaults() {
        return new ClusterSettings(null, null, null, null, null, null);
    }

    /** Pods of another namespace, chosen by the labels of their namespace and their own, and their port. */
    public record Peer(Map<String, String> namespaceLabels, Map<String, String> podLabels, int port) {
    }

    /** @param storageClass null for the cluster's default class */
    public record Storage(String storageClass, String shareSize, String outboxSize, String accessMode) {
    }

    /** Limits given to containers that state none, and the requests given likewise. */
    public record Limits(String defaultCpu, String defaultMemory, String defaultRequestCpu,
                         String defaultRequestMemory) {
    }
}
