package eu.enclave.orchestrator.bench;

import java.util.List;

/**
 * One request to the Kubernetes API as RBAC sees it: verb, API group, resource and namespace (null for a
 * cluster-wide object or a request across all namespaces), or null for a path RBAC does not cover with resource
 * rules (discovery: {@code /api}, {@code /apis}, {@code /version}, which every authenticated user may read).
 */
record ApiCall(String verb, String group, String resource, String namespace) {

    /** Parses {@code /api/v1/...} and {@code /apis/<group>/<version>/...} paths, as the API server's RBAC does. */
    static ApiCall of(String method, String pathAndQuery) {
        String[] split = pathAndQuery.split("\\?", 2);
        String query = split.length > 1 ? split[1] : "";
        List<String> parts = List.of(split[0].replaceAll("^/+|/+$", "").split("/"));
        String group;
        List<String> rest;
        if (parts.size() >= 3 && parts.get(0).equals("api")) {
            group = "";
            rest = parts.subList(2, parts.size());
        } else if (parts.size() >= 4 && parts.get(0).equals("apis")) {
            group = parts.get(1);
            rest = parts.subList(3, parts.size());
        } else {
            return null;
        }
        String namespace = null;
        if (rest.size() >= 3 && rest.get(0).equals("namespaces")) {
            namespace = rest.get(1);
            rest = rest.subList(2, rest.size());
        }
        String resource = rest.get(0) + (rest.size() > 2 ? "/" + rest.get(2) : "");
        boolean named = rest.size() > 1;
        return new ApiCall(verb(method, named, query), group, resource, namespace);
    }

    private static String verb(String method, boolean named, String query) {
        return switch (method) {
            case "GET" -> named ? "get" : query.matches("(.*&)?watch=(true|1)(&.*)?") ? "watch" : "list";
            case "POST" -> "create";
            case "PUT" -> "update";
            case "PATCH" -> "patch";
            case "DELETE" -> named ? "delete" : "deletecollection";
            default -> method.toLowerCase(java.util.Locale.ROOT);
        };
    }

    @Override
    public String toString() {
        return verb + " " + (group.isEmpty() ? "" : group + "/") + resource + (namespace == null ? "" : " in " + namespace);
    }
}
