package eu.enclave.orchestrator.cluster;

import io.fabric8.kubernetes.client.NamespacedKubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.net.InetAddress;
import java.util.HashMap;
import java.util.Map;
import java.util.Queue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fabric8's CRUD mock made to answer as a real kube-apiserver did where the difference matters to the orchestrator:
 * an object created in a namespace that does not exist is refused with 404 ({@code namespaces "x" not found}, as
 * the Lease POST was on a fresh cluster), and the fields the API server defaults in StatefulSets and Services are
 * filled in on create and update ({@link ServerDefaults}), so that a comparison of whole specs sees a difference
 * where a real server would. Expectations set on {@link #server()} come first, as on the plain mock.
 */
public final class ApiServerLikeMock implements AutoCloseable {

    private static final Pattern NAMESPACED = Pattern.compile("^/(?:api/v1|apis/[^/]+/[^/]+)/namespaces/([^/]+)/[^/?]+");

    private final KubernetesMockServer server;

    private ApiServerLikeMock(KubernetesMockServer server) {
        this.server = server;
    }

    public static ApiServerLikeMock start() {
        Map<ServerRequest, Queue<ServerResponse>> expectations = new HashMap<>();
        KubernetesMockServer server = new KubernetesMockServer(new Context(), new MockWebServer(), expectations,
                new Dispatcher(expectations), false);
        server.init(InetAddress.getLoopbackAddress(), 0);
        return new ApiServerLikeMock(server);
    }

    public KubernetesMockServer server() {
        return server;
    }

    /** A new client; Fabric8's own retries are off, so that a refusal is seen at once. */
    public NamespacedKubernetesClient client() {
        return server.createClient(builder -> builder.editOrNewConfig().withRequestRetryBackoffLimit(0).endConfig());
    }

    @Override
    public void close() {
        server.destroy();
    }

    private static final class Dispatcher extends KubernetesMixedDispatcher {

        Dispatcher(Map<ServerRequest, Queue<ServerResponse>> expectations) {
            super(expectations);
        }

        @Override
        public MockResponse dispatch(RecordedRequest request) {
            String path = request.getPath() == null ? "" : request.getPath();
            Matcher namespaced = NAMESPACED.matcher(path);
            if ("POST".equals(request.getMethod()) && namespaced.find() && !exists(namespaced.group(1))) {
                return new MockResponse().setResponseCode(404).setHeader("Content-Type", "application/json")
                        .setBody("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"message\":"
                                + "\"namespaces \\\"" + namespaced.group(1) + "\\\" not found\",\"reason\":\"NotFound\","
                                + "\"details\":{\"name\":\"" + namespaced.group(1) + "\",\"kind\":\"namespaces\"},"
                                + "\"code\":404}");
            }
            if ("POST".equals(request.getMethod()) || "PUT".equals(request.getMethod())) {
                String body = request.getUtf8Body();
                request = new RecordedRequest(request.getHttpVersion(), request.method(), path, request.getHeaders(),
                        new Buffer().writeUtf8(ServerDefaults.apply(path, body)));
            }
            return super.dispatch(request);
        }

        private boolean exists(String namespace) {
            RecordedRequest get = new RecordedRequest("HTTP/1.1", HttpMethod.GET, "/api/v1/namespaces/" + namespace,
                    io.fabric8.mockwebserver.http.Headers.builder().build(), new Buffer());
            return super.dispatch(get).code() == 200;
        }
    }
}
