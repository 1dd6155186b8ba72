package eu.enclave.egress.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls the intake port as a workspace does: with its egress token as a bearer token (or none, or any header the
 * test gives). Answers keep the status, the headers and the body, read as JSON when there is one.
 */
public final class IntakeClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Map<String, String> JSON_TYPE = Map.of("Content-Type", "application/json");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final int port;
    private final String token;
    private final Duration timeout;

    public IntakeClient(int port, String token) {
        this(port, token, Duration.ofMinutes(2));
    }

    private IntakeClient(int port, String token, Duration timeout) {
        this.port = port;
        this.token = token;
        this.timeout = timeout;
    }

    /** The same port with another token (null: none). */
    public IntakeClient withToken(String other) {
        return new IntakeClient(port, other, timeout);
    }

    /** The same client, waiting at most {@code other} for each answer (a benchmark's 10 GB upload takes minutes). */
    public IntakeClient withTimeout(Duration other) {
        return new IntakeClient(port, token, other);
    }

    /** One answer of the service. */
    public record Answer(int status, HttpResponse<String> response) {

        public JsonNode json() {
            return JSON.readTree(response.body());
        }

        public String body() {
            return response.body();
        }

        public String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }

        /** The fields the problem's {@code errors} name, in order. */
        public List<String> fields() {
            List<String> fields = new ArrayList<>();
            json().path("errors").forEach(e -> fields.add(e.path("field").asString()));
            return fields;
        }

        @Override
        public String toString() {
            return status + " " + response.body();
        }
    }

    public Answer create(String json) {
        return send("POST", "/api/v1/intake/requests", json(json), JSON_TYPE);
    }

    public Answer create(String json, String idempotencyKey) {
        return send("POST", "/api/v1/intake/requests", json(json), Map.of("Content-Type", "application/json",
                "Idempotency-Key", idempotencyKey));
    }

    public Answer list() {
        return send("GET", "/api/v1/intake/requests", HttpRequest.BodyPublishers.noBody(), Map.of());
    }

    public Answer get(String id) {
        return send("GET", "/api/v1/intake/requests/" + id, HttpRequest.BodyPublishers.noBody(), Map.of());
    }

    public Answer update(String id, String json) {
        return send("PATCH", "/api/v1/intake/requests/" + id, json(json), JSON_TYPE);
    }

    public Answer submit(String id) {
        return send("POST", "/api/v1/intake/requests/" + id + "/submit", HttpRequest.BodyPublishers.noBody(),
                Map.of());
    }

    public Answer comment(String id, String json) {
        return send("POST", "/api/v1/intake/requests/" + id + "/comments", json(json), JSON_TYPE);
    }

    /** {@code PUT .../files/{name}} of these bytes, with metadata headers (percent-encoded here). */
    public Answer upload(String id, String name, byte[] content, Map<String, String> metadata) {
        return upload(id, name, HttpRequest.BodyPublishers.ofByteArray(content), metadata);
    }

    public Answer upload(String id, String name, HttpRequest.BodyPublisher body, Map<String, String> metadata) {
        return send("PUT", "/api/v1/intake/requests/" + id + "/files/" + pathSegment(name), body,
                octetStream(metadata));
    }

    /** An upload of {@code size} bytes made on the fly (never all in memory). */
    public Answer upload(String id, String name, Supplier<InputStream> content, long size,
                         Map<String, String> metadata) {
        return upload(id, name, HttpRequest.BodyPublishers.fromPublisher(
                HttpRequest.BodyPublishers.ofInputStream(content), size), metadata);
    }

    public Answer version(String id, String fileId, byte[] content, Map<String, String> metadata) {
        return send("POST", "/api/v1/intake/requests/" + id + "/files/" + fileId + "/versions",
                HttpRequest.BodyPublishers.ofByteArray(content), octetStream(metadata));
    }

    public Answer check(String name, byte[] content) {
        return send("POST", "/api/v1/intake/checks?name=" + URLEncoder.encode(name, StandardCharsets.UTF_8)
                .replace("+", "%20"), HttpRequest.BodyPublishers.ofByteArray(content),
                Map.of("Content-Type", "application/octet-stream"));
    }

    /**
     * Any call on the intake port; {@code headers} as given. (No {@code Expect: 100-continue}: Java 17's client waits
     * for ever when the answer is a refusal rather than "100 Continue"; refusals of large bodies are read with
     * {@link RawHttp}.)
     */
    public Answer send(String method, String path, HttpRequest.BodyPublisher body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(timeout).method(method, body);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = HTTP.send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(response.statusCode(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Percent-encoded UTF-8 for a path segment or a metadata header (RFC 3986; space as %20). */
    public static String percent(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String pathSegment(String name) {
        return percent(name);
    }

    private static HttpRequest.BodyPublisher json(String json) {
        return HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8);
    }

    private static Map<String, String> octetStream(Map<String, String> metadata) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/octet-stream");
        metadata.forEach((k, v) -> headers.put(k, k.startsWith("Enclave-") && !k.equals("Enclave-Supporting")
                ? percent(v) : v));
        return headers;
    }
}
