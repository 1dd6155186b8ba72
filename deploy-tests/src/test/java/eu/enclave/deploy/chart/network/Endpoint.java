package eu.enclave.deploy.chart.network;

import java.util.Map;

/**
 * One end of a connection: a pod (its namespace and its labels, its named ports) or an address outside the
 * cluster.
 */
public record Endpoint(String name, String namespace, Map<String, String> namespaceLabels,
                       Map<String, String> podLabels, Map<String, Integer> namedPorts, String ip) {

    public static Endpoint pod(String name, String namespace, Map<String, String> namespaceLabels,
                               Map<String, String> podLabels, Map<String, Integer> namedPorts) {
        return new Endpoint(name, namespace, namespaceLabels, podLabels, namedPorts, null);
    }

    /** A pod of a namespace that carries only its name label. */
    public static Endpoint pod(String name, String namespace, Map<String, String> podLabels) {
        return pod(name, namespace, Map.of("kubernetes.io/metadata.name", namespace), podLabels, Map.of());
    }

    public static Endpoint address(String name, String ip) {
        return new Endpoint(name, null, Map.of(), Map.of(), Map.of(), ip);
    }

    public boolean isPod() {
        return ip == null;
    }

    @Override
    public String toString() {
        return name;
    }
}
