package eu.enclave.egress.release.keys;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code GET /api/v1/release-keys} on the running service (the same context as the other boot tests). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReleaseKeyApiTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Test
    void anySignedInUserReadsTheDemoKeyAsPem() throws Exception {
        for (String user : new String[] {"researcher", "reviewer", "admin"}) {
            HttpResponse<String> response = get("/api/v1/release-keys", user);
            assertThat(response.statusCode()).as(user).isEqualTo(200);
            JsonNode key = JsonMapper.builder().build().readTree(response.body()).path("keys").get(0);
            assertThat(key.path("keyId").asString()).startsWith("demo-");
            assertThat(key.path("pem").asString()).startsWith("-----BEGIN PUBLIC KEY-----");
            assertThat(key.path("current").asBoolean()).isTrue();
            assertThat(key.path("demo").asBoolean()).isTrue();
            assertThat(response.body()).doesNotContain("PRIVATE");
        }
    }

    @Test
    void anonymousCallersGetAProblem() throws Exception {
        HttpResponse<String> response = get("/api/v1/release-keys", null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
    }

    @Test
    void theOpenApiDocumentDescribesTheOperation() throws Exception {
        JsonNode operation = JsonMapper.builder().build().readTree(get("/v3/api-docs", null).body())
                .path("paths").path("/api/v1/release-keys").path("get");

        assertThat(operation.path("operationId").asString()).isEqualTo("listReleaseKeys");
        assertThat(operation.path("summary").asString()).isNotBlank();
        assertThat(operation.path("tags").get(0).asString()).isEqualTo("Release keys");
        assertThat(operation.path("responses").propertyNames()).contains("200", "401");
    }

    private HttpResponse<String> get(String path, String user) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo")
                    .getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
