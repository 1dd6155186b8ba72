package eu.enclave.orchestrator.workspace.cluster;

import eu.enclave.orchestrator.cluster.ClusterNames;
import eu.enclave.orchestrator.cluster.bundle.NetworkPolicies;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;

/** The Kubernetes names and labels of a workspace's objects. A workspace name is already a DNS label of ≤ 30. */
public final class WorkspaceNames {

    public static final String WORKSPACE = "enclave.eu/workspace";
    /** The port name the project's network policy lets guacd reach. */
    public static final String DESKTOP_PORT = NetworkPolicies.DESKTOP_PORT_NAME;
    public static final String PASSWORD_KEY = "password";

    private WorkspaceNames() {
    }

    public static String workload(String workspace) {
        return "ws-" + workspace;
    }

    /** The one pod of the StatefulSet. */
    public static String pod(String workspace) {
        return workload(workspace) + "-0";
    }

    public static String desktopSecret(String workspace) {
        return workload(workspace) + "-desktop";
    }

    /** Leased data-warehouse credentials, keys {@code username} and {@code password}. */
    public static String databaseSecret(String workspace) {
        return workload(workspace) + "-database";
    }

    public static String home(String username) {
        return ClusterNames.safeLabel("home-" + username);
    }

    /** Selects this workspace's pod and nothing else in the namespace. */
    public static SortedMap<String, String> selector(String workspace) {
        return new TreeMap<>(Map.of(ClusterNames.COMPONENT, ClusterNames.WORKSPACE_COMPONENT, WORKSPACE, workspace));
    }

    public static SortedMap<String, String> labels(UUID projectId, String slug, String workspace) {
        SortedMap<String, String> labels = ClusterNames.ownedBy(projectId, slug);
        labels.putAll(selector(workspace));
        return labels;
    }
}
