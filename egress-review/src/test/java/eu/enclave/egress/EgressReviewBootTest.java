package eu.enclave.egress;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** egress-review boots on its own embedded PostgreSQL with health, sign-in, the demo users and its audit trail. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EgressReviewBootTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    eu.enclave.egress.checks.OutputChecker checker;

    @Test
    void theChecksEngineIsTheOutputChecker() {
        assertThat(checker).isInstanceOf(eu.enclave.egress.checks.ChecksEngine.class);
        assertThat(checker.engineVersion()).isEqualTo(eu.enclave.egress.checks.ChecksEngine.VERSION);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM check_table_index", Long.class)).isZero();
    }

    @Test
    void healthIsUpWithoutSignIn() throws Exception {
        HttpResponse<String> response = get("/actuator/health", null);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"status\":\"UP\"");
    }

    @Test
    void runsOnARealPostgresqlWithItsOwnMigrations() {
        assertThat(jdbc.queryForObject("SHOW server_version", String.class)).startsWith("17");
        assertThat(jdbc.queryForList("SELECT username FROM platform.users ORDER BY username", String.class))
                .containsExactly("admin", "checker", "pi", "researcher", "reviewer", "reviewer2", "steward");
    }

    @Test
    void apiRefusesAnonymousCallersWithAProblem() throws Exception {
        HttpResponse<String> response = get("/api/v1/audit/verify", null);
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                value -> assertThat(value).startsWith("Basic"));
    }

    @Test
    void wrongDemoPasswordIsRefusedAndAudited() throws Exception {
        long before = auditHead();
        HttpResponse<String> response = get("/api/v1/audit/verify", basic("admin", "not-the-password"));
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(jdbc.queryForList("SELECT action FROM platform.audit_log WHERE seq > ?", String.class, before))
                .containsExactly("auth.sign_in_failed");
    }

    @Test
    void onlyAdminsReadTheAuditTrail() throws Exception {
        for (String user : List.of("steward", "pi", "researcher", "reviewer")) {
            assertThat(get("/api/v1/audit/verify", basic(user, "demo")).statusCode()).as(user).isEqualTo(403);
        }
        HttpResponse<String> admin = get("/api/v1/audit/verify", basic("admin", "demo"));
        assertThat(admin.statusCode()).isEqualTo(200);
        assertThat(admin.body()).contains("\"intact\":true");
    }

    @Test
    void servesItsOpenApiDocument() throws Exception {
        HttpResponse<String> response = get("/v3/api-docs", null);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("/api/v1/audit/verify");
    }

    private long auditHead() {
        return jdbc.queryForObject("SELECT coalesce(max(seq), 0) FROM platform.audit_log", Long.class);
    }

    private HttpResponse<String> get(String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
