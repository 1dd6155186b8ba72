package eu.enclave.orchestrator.secret;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A test peer on the loopback interface that speaks Vault's HTTP API for the calls Enclave makes: KV v2 data
 * read/write and metadata list/delete, Kubernetes and AppRole login, token lookup-self and renew-self, database
 * credentials, lease renew and revoke. It records every request (method, path, token and namespace headers,
 * body) and can be told to fail the way Vault does: sealed, or refusing a token once.
 */
final class VaultPeer implements AutoCloseable {

    static final String ROOT_TOKEN = "root-token-for-tests";
    static final String KUBERNETES_ROLE = "enclave-orchestrator";
    static final String KUBERNETES_JWT = "eyJhbGciOiJSUzI1NiJ9.service-account.signature";
    static final String ROLE_ID = "role-id-1234";
    static final String SECRET_ID = "secret-id-5678";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One request as Vault received it. */
    record Request(String method, String path, String token, String namespace, String body) {

        JsonNode json() {
            return body.isEmpty() ? JSON.nullNode() : JSON.readTree(body);
        }
    }

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Map<String, Object>> kv = new ConcurrentHashMap<>();
    private final Set<String> validTokens = ConcurrentHashMap.newKeySet();
    private final Set<String> revokedLeases = ConcurrentHashMap.newKeySet();
    private final AtomicInteger counter = new AtomicInteger();
    private volatile boolean sealed;
    private volatile boolean refuseNext;
    private volatile long tokenTtlSeconds = 3600;

    VaultPeer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
        validTokens.add(ROOT_TOKEN);
    }

    String address() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    void clearRequests() {
        requests.clear();
    }

    void seal(boolean sealed) {
        this.sealed = sealed;
    }

    /** The next call made with a token is refused with 403 and that token becomes invalid (expired, revoked). */
    void refuseNextCall() {
        refuseNext = true;
    }

    void tokenTtl(long seconds) {
        tokenTtlSeconds = seconds;
    }

    Set<String> revokedLeases() {
        return Set.copyOf(revokedLeases);
    }

    /** What the peer holds at a KV path relative to the mount, e.g. {@code enclave/projects/x/...}. */
    Map<String, Object> kvAt(String path) {
        return kv.get(path);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String query = exchange.getRequestURI().getRawQuery();
        String path = exchange.getRequestURI().getPath() + (query == null ? "" : "?" + query);
        String token = exchange.getRequestHeaders().getFirst("X-Vault-Token");
        Request request = new Request(exchange.getRequestMethod(), path, token,
                exchange.getRequestHeaders().getFirst("X-Vault-Namespace"), body);
        requests.add(request);
        try {
            if (sealed) {
                send(exchange, 503, Map.of("errors", List.of("Vault is sealed")));
            } else if (path.startsWith("/v1/auth/kubernetes/login") || path.startsWith("/v1/auth/approle/login")) {
                login(exchange, request);
            } else if (token == null || !validTokens.contains(token)) {
                send(exchange, 403, Map.of("errors", List.of("permission denied")));
            } else if (refuseNext) {
                refuseNext = false;
                if (!token.equals(ROOT_TOKEN)) {
                    validTokens.remove(token);
                }
                send(exchange, 403, Map.of("errors", List.of("permission denied")));
            } else {
                route(exchange, request);
            }
        } catch (RuntimeException e) {
            send(exchange, 500, Map.of("errors", List.of("test peer: " + e)));
        }
    }

    private void login(HttpExchange exchange, Request request) throws IOException {
        JsonNode body = request.json();
        boolean kubernetes = request.path().contains("/kubernetes/");
        boolean accepted = kubernetes
                ? KUBERNETES_ROLE.equals(body.path("role").asString()) && KUBERNETES_JWT.equals(body.path("jwt").asString())
                : ROLE_ID.equals(body.path("role_id").asString()) && SECRET_ID.equals(body.path("secret_id").asString());
        if (!accepted) {
            send(exchange, 400, Map.of("errors", List.of("invalid credentials")));
            return;
        }
        String token = "hvs.token-" + counter.incrementAndGet();
        validTokens.add(token);
        send(exchange, 200, authAnswer(token));
    }

    private void route(HttpExchange exchange, Request request) throws IOException {
        String method = request.method();
        String path = request.path();
        if (path.equals("/v1/auth/token/lookup-self") && method.equals("GET")) {
            boolean root = request.token().equals(ROOT_TOKEN);
            send(exchange, 200, Map.of("data", Map.of("id", request.token(), "ttl", root ? 0 : tokenTtlSeconds,
                    "renewable", !root, "policies", List.of(root ? "root" : "enclave-orchestrator"))));
        } else if (path.equals("/v1/auth/token/renew-self")) {
            send(exchange, 200, authAnswer(request.token()));
        } else if (path.startsWith("/v1/secret/data/")) {
            kvData(exchange, method, path.substring("/v1/secret/data/".length()), request.json());
        } else if (path.startsWith("/v1/secret/metadata/")) {
            kvMetadata(exchange, method, path.substring("/v1/secret/metadata/".length()));
        } else if (path.startsWith("/v1/database/creds/") && method.equals("GET")) {
            String role = path.substring("/v1/database/creds/".length());
            int n = counter.incrementAndGet();
            send(exchange, 200, Map.of("lease_id", "database/creds/" + role + "/lease-" + n, "lease_duration", 3600,
                    "renewable", true, "data", Map.of("username", "v-" + role + "-" + n, "password", "db-pass-" + n)));
        } else if (path.startsWith("/v1/sys/leases/renew") && isWrite(method)) {
            String leaseId = path.length() > "/v1/sys/leases/renew/".length()
                    ? path.substring("/v1/sys/leases/renew/".length()) : request.json().path("lease_id").asString();
            long increment = request.json().path("increment").asLong(3600);
            send(exchange, 200, Map.of("lease_id", leaseId, "lease_duration", increment, "renewable", true));
        } else if (path.startsWith("/v1/sys/leases/revoke/") && isWrite(method)) {
            revokedLeases.add(path.substring("/v1/sys/leases/revoke/".length()));
            send(exchange, 204, null);
        } else {
            send(exchange, 404, Map.of("errors", List.of()));
        }
    }

    private void kvData(HttpExchange exchange, String method, String path, JsonNode body) throws IOException {
        if (method.equals("GET")) {
            Map<String, Object> data = kv.get(path);
            if (data == null) {
                send(exchange, 404, Map.of("errors", List.of()));
            } else {
                send(exchange, 200, Map.of("data", Map.of("data", data, "metadata", Map.of("version", 1))));
            }
        } else if (method.equals("POST") || method.equals("PUT")) {
            kv.put(path, new TreeMap<>(JSON.convertValue(body.path("data"), Map.class)));
            send(exchange, 200, Map.of("data", Map.of("version", 1)));
        } else {
            send(exchange, 405, Map.of("errors", List.of("unsupported operation")));
        }
    }

    private void kvMetadata(HttpExchange exchange, String method, String path) throws IOException {
        if (method.equals("DELETE")) {
            kv.remove(path);
            send(exchange, 204, null);
        } else if (method.equals("LIST") || (method.equals("GET") && path.endsWith("?list=true"))) {
            String folder = path.replace("?list=true", "");
            folder = folder.endsWith("/") ? folder : folder + "/";
            Set<String> keys = new TreeSet<>();
            for (String key : kv.keySet()) {
                if (key.startsWith(folder)) {
                    String rest = key.substring(folder.length());
                    int slash = rest.indexOf('/');
                    keys.add(slash < 0 ? rest : rest.substring(0, slash + 1));
                }
            }
            if (keys.isEmpty()) {
                send(exchange, 404, Map.of("errors", List.of()));
            } else {
                send(exchange, 200, Map.of("data", Map.of("keys", new ArrayList<>(keys))));
            }
        } else {
            send(exchange, 405, Map.of("errors", List.of("unsupported operation")));
        }
    }

    /** As Vault answers a login or renew-self: the token under {@code auth}, no lease at the top level. */
    private Map<String, Object> authAnswer(String token) {
        return Map.of("request_id", "req-" + token, "lease_id", "", "renewable", false,
                "lease_duration", 0, "auth", Map.of("client_token", token, "accessor", "acc-" + token,
                        "policies", List.of("enclave-orchestrator"), "metadata", Map.of(),
                        "lease_duration", tokenTtlSeconds, "renewable", true));
    }

    /** Vault treats POST and PUT alike. */
    private static boolean isWrite(String method) {
        return method.equals("POST") || method.equals("PUT");
    }

    private static void send(HttpExchange exchange, int status, Object body) throws IOException {
        if (body == null) {
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
            return;
        }
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
