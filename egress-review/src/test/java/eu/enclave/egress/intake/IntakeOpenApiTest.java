package eu.enclave.egress.intake;

import static org.assertj.core.api.Assertions.assertThat;

import eu.enclave.egress.support.EgressServiceTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The intake operations in the API document (served on the people's port): each with a summary, a stable operation
 * id, a tag, its real success codes, its problem responses, and the egress token as its only security.
 */
@EgressServiceTest
class IntakeOpenApiTest {

    private static final Map<String, List<String>> SUCCESS = Map.of(
            "post /api/v1/intake/requests", List.of("200", "201"),
            "get /api/v1/intake/requests", List.of("200"),
            "get /api/v1/intake/requests/{id}", List.of("200"),
            "patch /api/v1/intake/requests/{id}", List.of("200"),
            "post /api/v1/intake/requests/{id}/submit", List.of("200"),
            "post /api/v1/intake/requests/{id}/comments", List.of("201"),
            "put /api/v1/intake/requests/{id}/files/{name}", List.of("200", "201"),
            "post /api/v1/intake/requests/{id}/files/{fileId}/versions", List.of("201"),
            "post /api/v1/intake/checks", List.of("200"));

    @LocalServerPort
    int port;

    @Test
    void everyIntakeOperationIsDocumentedWithItsCodesAndTheEgressToken() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/v3/api-docs")).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode api = JsonMapper.builder().build().readTree(response.body());
        List<String> found = new ArrayList<>();
        api.path("paths").properties().forEach(path -> {
            if (!path.getKey().startsWith("/api/v1/intake/")) {
                return;
            }
            path.getValue().properties().forEach(operation -> {
                String key = operation.getKey() + " " + path.getKey();
                JsonNode op = operation.getValue();
                found.add(key);
                assertThat(op.path("summary").asString()).as(key).isNotBlank();
                assertThat(op.path("operationId").asString()).as(key).startsWith("intake");
                assertThat(op.path("tags").get(0).asString()).as(key).startsWith("intake");
                List<String> codes = new ArrayList<>();
                op.path("responses").properties().forEach(r -> codes.add(r.getKey()));
                assertThat(codes).as(key).containsAll(SUCCESS.get(key)).contains("400", "401", "503");
                assertThat(codes.stream().filter(c -> c.startsWith("2"))).as(key)
                        .containsExactlyInAnyOrderElementsOf(SUCCESS.get(key));
                assertThat(op.path("responses").path("401").path("content").has("application/problem+json")).as(key)
                        .isTrue();
                assertThat(op.path("security").toString()).as(key).isEqualTo("[{\"egressToken\":[]}]");
            });
        });
        assertThat(found).containsExactlyInAnyOrderElementsOf(SUCCESS.keySet());
        assertThat(api.path("components").path("securitySchemes").has("egressToken")).isTrue();
        assertThat(api.path("paths").path("/api/v1/intake/requests/{id}/files/{name}").path("put").path("parameters")
                .toString()).contains("Enclave-Group", "Enclave-Description", "Enclave-Supporting", "Content-Digest");
    }
}
