package eu.enclave.orchestrator.bench;

import eu.enclave.orchestrator.cluster.ClusterPermissions;
import eu.enclave.orchestrator.cluster.ClusterPermissions.Scope;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The CRUD mock answering as an API server with the Helm chart's RBAC would: a call that
 * {@link ClusterPermissions} does not allow (cluster-wide rules anywhere, the platform namespace's only there) is
 * refused with 403 and recorded; every call is recorded as {@link ApiCall}. Requests of another user agent (a
 * test's own client) pass unchecked and unrecorded.
 */
final class RbacDispatcher extends CountingDispatcher {

    static final String TEST_USER_AGENT = "enclave-test-observer";

    private final String platformNamespace;
    private final Set<ApiCall> made = ConcurrentHashMap.newKeySet();
    private final Set<ApiCall> refused = ConcurrentHashMap.newKeySet();

    RbacDispatcher(Map<ServerRequest, Queue<ServerResponse>> expectations, String platformNamespace) {
        super(expectations);
        this.platformNamespace = platformNamespace;
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        String agent = request.getHeader("User-Agent");
        ApiCall call = ApiCall.of(request.getMethod(), request.getPath());
        if (call == null || (agent != null && agent.contains(TEST_USER_AGENT))) {
            return super.dispatch(request);
        }
        made.add(call);
        if (!allowed(call)) {
            refused.add(call);
            return new MockResponse().setResponseCode(403).setBody("{\"kind\":\"Status\",\"apiVersion\":\"v1\","
                    + "\"status\":\"Failure\",\"reason\":\"Forbidden\",\"code\":403,\"message\":\"" + call
                    + " is not in ClusterPermissions\"}");
        }
        return super.dispatch(request);
    }

    private boolean allowed(ApiCall call) {
        return ClusterPermissions.allows(Scope.CLUSTER, call.group(), call.resource(), call.verb())
                || (platformNamespace.equals(call.namespace())
                && ClusterPermissions.allows(Scope.PLATFORM_NAMESPACE, call.group(), call.resource(), call.verb()));
    }

    Set<ApiCall> made() {
        return Set.copyOf(made);
    }

    Set<ApiCall> refused() {
        return Set.copyOf(refused);
    }
}
