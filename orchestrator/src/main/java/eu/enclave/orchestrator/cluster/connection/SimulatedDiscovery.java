package eu.enclave.orchestrator.cluster.connection;

import io.fabric8.kubernetes.api.model.APIGroup;
import io.fabric8.kubernetes.api.model.APIGroupBuilder;
import io.fabric8.kubernetes.api.model.APIGroupListBuilder;
import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.APIResourceBuilder;
import io.fabric8.kubernetes.api.model.APIResourceListBuilder;
import io.fabric8.kubernetes.api.model.APIVersionsBuilder;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;

/**
 * The simulated cluster's dispatcher, plus the API discovery documents that Fabric8's CRUD mock does not serve
 * ({@code /api}, {@code /apis} and each group version's resource list), so that typed {@code kubectl} commands
 * ({@code kubectl get namespaces}, {@code get netpol -n ...}) work against it. Only the kinds that Enclave
 * writes, and the usual ones people look for, are listed. Without this the mock answers {@code /api} with a
 * list of namespaces.
 */
final class SimulatedDiscovery extends KubernetesMixedDispatcher {

    private static final List<String> VERBS = List.of("get", "list", "watch", "create", "update", "patch", "delete");

    private final Map<String, String> documents = new LinkedHashMap<>();

    SimulatedDiscovery(Map<ServerRequest, Queue<ServerResponse>> expectations) {
        super(expectations);
        KubernetesSerialization json = new KubernetesSerialization();
        Map<String, List<APIResource>> groups = new LinkedHashMap<>();
        groups.put("networking.k8s.io/v1", List.of(resource("networkpolicies", "NetworkPolicy", true, "netpol")));
        groups.put("apps/v1", List.of(resource("statefulsets", "StatefulSet", true, "sts"),
                resource("deployments", "Deployment", true, "deploy")));
        groups.put("coordination.k8s.io/v1", List.of(resource("leases", "Lease", true)));
        documents.put("/api", json.asJson(new APIVersionsBuilder().withVersions("v1").build()));
        documents.put("/api/v1", json.asJson(new APIResourceListBuilder().withGroupVersion("v1").withResources(
                resource("namespaces", "Namespace", false, "ns"),
                resource("pods", "Pod", true, "po"),
                resource("services", "Service", true, "svc"),
                resource("serviceaccounts", "ServiceAccount", true, "sa"),
                resource("secrets", "Secret", true),
                resource("configmaps", "ConfigMap", true, "cm"),
                resource("persistentvolumeclaims", "PersistentVolumeClaim", true, "pvc"),
                resource("resourcequotas", "ResourceQuota", true, "quota"),
                resource("limitranges", "LimitRange", true, "limits")).build()));
        documents.put("/apis", json.asJson(new APIGroupListBuilder()
                .withGroups(groups.keySet().stream().map(SimulatedDiscovery::group).toList()).build()));
        groups.forEach((groupVersion, resources) -> documents.put("/apis/" + groupVersion, json.asJson(
                new APIResourceListBuilder().withGroupVersion(groupVersion).withResources(resources).build())));
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        String path = request.getPath() == null ? "" : request.getPath().split("\\?", 2)[0];
        String document = "GET".equals(request.getMethod()) ? documents.get(path) : null;
        if (document == null) {
            return super.dispatch(request);
        }
        return new MockResponse().setResponseCode(200).setHeader("Content-Type", "application/json")
                .setBody(document);
    }

    private static APIResource resource(String plural, String kind, boolean namespaced, String... shortNames) {
        return new APIResourceBuilder().withName(plural).withKind(kind).withNamespaced(namespaced)
                .withSingularName(kind.toLowerCase(Locale.ROOT)).withShortNames(shortNames)
                .withVerbs(VERBS).build();
    }

    private static APIGroup group(String groupVersion) {
        String name = groupVersion.substring(0, groupVersion.indexOf('/'));
        String version = groupVersion.substring(groupVersion.indexOf('/') + 1);
        return new APIGroupBuilder().withName(name).addNewVersion().withGroupVersion(groupVersion)
                .withVersion(version).endVersion().withNewPreferredVersion().withGroupVersion(groupVersion)
                .withVersion(version).endPreferredVersion().build();
    }
}
