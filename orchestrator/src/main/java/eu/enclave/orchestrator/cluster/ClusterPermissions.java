package eu.enclave.orchestrator.cluster;

import java.util.List;

/**
 * Every Kubernetes API call the orchestrator makes, as the RBAC rules that allow it: the one table from which
 * {@code docs/cluster.md}'s list and the Helm chart's ClusterRole and Role are generated (and checked by tests), so
 * that the rights granted and the calls made cannot drift apart. Add a row here in the change that adds a call.
 */
public final class ClusterPermissions {

    /** Where a rule is granted. */
    public enum Scope {
        /** A ClusterRole bound cluster-wide: project namespaces are made on demand, and watched in all of them. */
        CLUSTER,
        /** A Role in the namespace the orchestrator runs in (its Lease). */
        PLATFORM_NAMESPACE
    }

    /**
     * @param kind     the object's kind, as people say it
     * @param apiGroup its API group ({@code ""} for the core group)
     * @param resource its resource name in RBAC rules
     * @param verbs    the verbs the code uses, in the order of {@link #VERB_ORDER}
     * @param why      which code makes which call
     */
    public record Permission(String kind, String apiGroup, String resource, Scope scope, List<String> verbs,
                             String why) {

        public Permission {
            for (String verb : verbs) {
                if (!VERB_ORDER.contains(verb)) {
                    throw new IllegalArgumentException(kind + ": unknown verb " + verb);
                }
            }
            verbs = VERB_ORDER.stream().filter(verbs::contains).toList();
        }
    }

    public static final List<String> VERB_ORDER =
            List.of("get", "list", "watch", "create", "update", "patch", "delete", "deletecollection");

    private static final List<String> OWNED = List.of("get", "list", "watch", "create", "update", "delete");

    public static final List<Permission> ALL = List.of(
            new Permission("Namespace", "", "namespaces", Scope.CLUSTER, OWNED,
                    "ClusterApplier creates and updates project namespaces; OwnedObjectWatch lists and watches them"
                            + " (label app.kubernetes.io/managed-by=enclave); ProjectTeardown reads and deletes an"
                            + " archived project's; the leader election reads, and creates when missing, the"
                            + " namespace of its Lease"),
            new Permission("NetworkPolicy", "networking.k8s.io", "networkpolicies", Scope.CLUSTER, OWNED,
                    "the project bundle (ClusterApplier), its watch (OwnedObjectWatch), pruning of withdrawn"
                            + " allowances and foreign objects carrying Enclave's labels (Pruner)"),
            new Permission("ResourceQuota", "", "resourcequotas", Scope.CLUSTER, OWNED,
                    "the project bundle, its watch and pruning; ClusterQuotaUsage reads status.used before a"
                            + " quota is lowered"),
            new Permission("LimitRange", "", "limitranges", Scope.CLUSTER, OWNED,
                    "the project bundle, its watch and pruning"),
            new Permission("ServiceAccount", "", "serviceaccounts", Scope.CLUSTER, OWNED,
                    "the project bundle (the token-less workspace identity), its watch and pruning"),
            new Permission("PersistentVolumeClaim", "", "persistentvolumeclaims", Scope.CLUSTER, OWNED,
                    "the bundle's share and outbox, the workspaces' homes, dataset claims; delete only for dataset"
                            + " claims (the Pruner never deletes claims that hold data)"),
            new Permission("PersistentVolume", "", "persistentvolumes", Scope.CLUSTER,
                    List.of("get", "list", "create", "update", "delete"),
                    "the read-only dataset volumes made for a project's approvals (reclaim policy Retain: deleting"
                            + " the object never deletes the data); list and delete at pruning and teardown"),
            new Permission("StatefulSet", "apps", "statefulsets", Scope.CLUSTER, OWNED,
                    "workspaces (WorkspaceReconciler), their status informer (WorkspaceStatusWatcher) and drift"
                            + " watch (WorkspaceDriftWatch), suspension scaling to zero (WorkloadScaler), the teardown's"
                            + " inventory"),
            new Permission("Deployment", "apps", "deployments", Scope.CLUSTER, List.of("get", "list", "update"),
                    "suspension scales a project's workload Deployments to zero (WorkloadScaler); list: the"
                            + " teardown's inventory"),
            new Permission("Service", "", "services", Scope.CLUSTER, OWNED,
                    "each workspace's desktop Service (WorkspaceReconciler); list and watch: the leader repairs a"
                            + " hand edit within seconds (WorkspaceDriftWatch, label enclave.eu/component=workspace)"),
            new Permission("Secret", "", "secrets", Scope.CLUSTER, List.of("get", "create", "update", "delete"),
                    "each workspace's desktop and database Secrets (WorkspaceReconciler); never listed or watched,"
                            + " so the orchestrator reads no Secret it did not name"),
            new Permission("Pod", "", "pods", Scope.CLUSTER, List.of("list", "watch"),
                    "workspace status (WorkspaceStatusWatcher); the StatefulSet controller makes the pods"),
            new Permission("Event", "", "events", Scope.CLUSTER, List.of("list"),
                    "the reason of a failed workspace (WorkspaceStatusWatcher)"),
            new Permission("Lease", "coordination.k8s.io", "leases", Scope.PLATFORM_NAMESPACE,
                    List.of("get", "create", "patch"),
                    "leader election between replicas (ClusterLeaderService, RenewalTrackingLock), in the namespace"
                            + " the orchestrator runs in (the Namespace rule lets it create that one when missing);"
                            + " Fabric8's lock renews and releases the claim with a JSON merge patch, never an update"));

    private ClusterPermissions() {
    }

    public static List<Permission> in(Scope scope) {
        return ALL.stream().filter(p -> p.scope() == scope).toList();
    }

    /** Whether the table allows {@code verb} on {@code resource} of {@code apiGroup}, in that scope. */
    public static boolean allows(Scope scope, String apiGroup, String resource, String verb) {
        return in(scope).stream().anyMatch(p -> p.apiGroup().equals(apiGroup) && p.resource().equals(resource)
                && p.verbs().contains(verb));
    }
}
