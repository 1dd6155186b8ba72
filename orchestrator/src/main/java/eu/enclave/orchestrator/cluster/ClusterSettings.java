package eu.enclave.orchestrator.cluster;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How projects are laid out on the cluster, and where the platform's own components run.
 *
 * @param namespacePrefix   prefix of every project namespace ({@code enclave-} gives {@code enclave-<slug>})
 * @param guacd           the pods allowed to reach workspace desktops; unset: guacd's pods in the platform namespace
 * @param intake          the egress-review intake, the only destination workspaces may reach; unset: its pods in the
 *                        platform namespace
 * @param dns             the cluster DNS, reachable only by projects that use a mirror by name
 * @param storage         the project share and outbox volumes
 * @param limits          container defaults and maxima in project namespaces
 * @param platformNamespace where the platform runs (the orchestrator, guacd, egress-review): the pod's own namespace
 *                          when in a pod ({@link eu.enclave.orchestrator.cluster.connection.PlatformNamespace}),
 *                          else {@code enclave.cluster.platform-namespace}, default {@code enclave-system}
 */
@ConfigurationProperties("enclave.cluster")
public record ClusterSettings(String namespacePrefix, Peer guacd, Peer intake, Peer dns, Storage storage,
                              Limits limits, String platformNamespace) {

    public static final String DEFAULT_PLATFORM_NAMESPACE = "enclave-system";
    private static final String SYSTEM_NAMESPACE = "kubernetes.io/metadata.name";

    public ClusterSettings {
        namespacePrefix = namespacePrefix == null ? "enclave-" : namespacePrefix;
        platformNamespace = platformNamespace == null || platformNamespace.isBlank() ? DEFAULT_PLATFORM_NAMESPACE
                : platformNamespace;
        dns = dns != null ? dns : new Peer(Map.of(SYSTEM_NAMESPACE, "kube-system"), Map.of("k8s-app", "kube-dns"), 53);
        storage = storage != null ? storage : new Storage(null, "100Gi", "10Gi", "ReadWriteMany");
        limits = limits != null ? limits : new Limits("2", "4Gi", "500m", "1Gi");
    }

    public static ClusterSettings defaults() {
        return new ClusterSettings(null, null, null, null, null, null, null);
    }

    /** Unless configured: guacd's pods in the platform namespace. */
    @Override
    public Peer guacd() {
        return guacd != null ? guacd : platformPeer("guacd", 4822);
    }

    /** Unless configured: egress-review's pods in the platform namespace. */
    @Override
    public Peer intake() {
        return intake != null ? intake : platformPeer("egress-review", 8081);
    }

    /** The same settings with the platform namespace found at startup (the pod's own). */
    public ClusterSettings inPlatformNamespace(String namespace) {
        return new ClusterSettings(namespacePrefix, guacd, intake, dns, storage, limits, namespace);
    }

    private Peer platformPeer(String name, int port) {
        return new Peer(Map.of(SYSTEM_NAMESPACE, platformNamespace), Map.of("app.kubernetes.io/name", name), port);
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
