package eu.enclave.orchestrator.cluster.permissions;

import eu.enclave.orchestrator.cluster.ClusterPermissions;
import eu.enclave.orchestrator.cluster.ClusterPermissions.Permission;
import eu.enclave.orchestrator.cluster.ClusterPermissions.Scope;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What {@link ClusterPermissions} generates: the list in {@code docs/cluster.md} (a table with the reasons, and the
 * RBAC objects a hand install applies) and the rules file the Helm chart's ClusterRole and Role are made of.
 */
final class ClusterPermissionsDocs {

    static final String SERVICE_ACCOUNT = "enclave-orchestrator";
    static final String DOCS_NAMESPACE = "enclave-system";

    private ClusterPermissionsDocs() {
    }

    /** {@code helm/enclave/files/orchestrator-rbac.yaml}: the rules by scope, read by the chart's templates. */
    static String chartRules() {
        return "# Generated from eu.enclave.orchestrator.cluster.ClusterPermissions by ClusterPermissionsDocTest: do not"
                + " edit.\n# The chart's ClusterRole (clusterRules) and its Role in the release namespace"
                + " (platformNamespaceRules).\n"
                + "clusterRules:\n" + rules(Scope.CLUSTER, "  ")
                + "platformNamespaceRules:\n" + rules(Scope.PLATFORM_NAMESPACE, "  ");
    }

    /** The generated part of {@code docs/cluster.md}'s least-privilege section. */
    static String clusterPage() {
        String table = ClusterPermissions.ALL.stream()
                .map(p -> "| " + p.kind() + " | `" + (p.apiGroup().isEmpty() ? "\"\"" : p.apiGroup()) + "` | "
                        + (p.scope() == Scope.CLUSTER ? "cluster" : "platform namespace") + " | "
                        + String.join(", ", p.verbs()) + " | " + p.why() + " |")
                .collect(Collectors.joining("\n"));
        return "| kind | API group | where | verbs | why |\n| --- | --- | --- | --- | --- |\n" + table + "\n\n"
                + "```yaml\n"
                + "apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: " + SERVICE_ACCOUNT
                + "\nrules:\n" + rules(Scope.CLUSTER, "  ")
                + "---\napiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata:\n  name: "
                + SERVICE_ACCOUNT + "\n" + binding("ClusterRole", SERVICE_ACCOUNT)
                + "---\napiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata:\n  name: " + SERVICE_ACCOUNT
                + "\n  namespace: " + DOCS_NAMESPACE + "   # where the orchestrator runs\nrules:\n"
                + rules(Scope.PLATFORM_NAMESPACE, "  ")
                + "---\napiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata:\n  name: "
                + SERVICE_ACCOUNT + "\n  namespace: " + DOCS_NAMESPACE + "\n" + binding("Role", SERVICE_ACCOUNT)
                + "```\n";
    }

    private static String binding(String roleKind, String role) {
        return "roleRef: {apiGroup: rbac.authorization.k8s.io, kind: " + roleKind + ", name: " + role + "}\n"
                + "subjects:\n  - {kind: ServiceAccount, name: " + SERVICE_ACCOUNT + ", namespace: " + DOCS_NAMESPACE
                + "}\n";
    }

    private static String rules(Scope scope, String indent) {
        return ClusterPermissions.in(scope).stream().map(p -> rule(p, indent)).collect(Collectors.joining());
    }

    private static String rule(Permission p, String indent) {
        return indent + "- apiGroups: [" + quoted(List.of(p.apiGroup())) + "]\n"
                + indent + "  resources: [" + quoted(List.of(p.resource())) + "]\n"
                + indent + "  verbs: [" + quoted(p.verbs()) + "]\n";
    }

    private static String quoted(List<String> values) {
        return values.stream().map(v -> "\"" + v + "\"").collect(Collectors.joining(", "));
    }
}
