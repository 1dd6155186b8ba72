package eu.enclave.egress.intake;

import static org.assertj.core.api.Assertions.assertThat;

import eu.enclave.egress.orchestrator.OrchestratorPeer;
import eu.enclave.egress.support.EgressServiceTest;
import eu.enclave.egress.support.IntakeClient;
import eu.enclave.egress.support.IntakeClient.Answer;
import eu.enclave.platform.testing.MutableClock;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Each port serves its own paths only; intake calls are authenticated by the workspace's egress token alone, which
 * stops working within the cache's 10 s of a stop or a suspension, at once on a new start, and never appears in a
 * log; when the orchestrator cannot answer, nothing is stored.
 */
@EgressServiceTest
@ExtendWith(OutputCaptureExtension.class)
class IntakePortsAndTokensTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Autowired
    IntakeConnector intake;

    @LocalServerPort
    int peoplePort;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MeterRegistry meters;

    private IntakeFixtures f;

    @BeforeEach
    void freshProject() {
        f = IntakeFixtures.fresh(intake, "tokens");
    }

    @AfterEach
    void resetClockAndPeer() {
        clock.reset();
        OrchestratorPeer.shared().reset();
    }

    @Test
    void theIntakePortServesNothingButTheIntakeApi() throws Exception {
        assertThat(intake.port()).isPositive().isNotEqualTo(peoplePort);
        for (String path : List.of("/actuator/health", "/v3/api-docs", "/swagger-ui.html", "/api/v1/audit/verify",
                "/", "/login", "/api/v1/intake", "/api/v1/intakes/requests")) {
            HttpResponse<String> response = get(intake.port(), path, "Bearer " + token());
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.headers().firstValue("Content-Type")).as(path).hasValueSatisfying(
                    t -> assertThat(t).startsWith("application/problem+json"));
        }
    }

    @Test
    void thePeoplesPortRefusesIntakePathsWhoeverAsks() throws Exception {
        String basic = "Basic " + Base64.getEncoder().encodeToString("researcher:demo".getBytes(StandardCharsets.UTF_8));
        for (String authorization : List.of(basic, "Bearer " + token())) {
            for (String path : List.of("/api/v1/intake/requests", "/api/v1/intake/checks", "//api/v1/intake/requests",
                    "/API/V1/INTAKE/requests")) {
                HttpResponse<String> response = get(peoplePort, path, authorization);
                assertThat(response.statusCode()).as(path).isEqualTo(404);
            }
        }
        assertThat(get(peoplePort, "/actuator/health", null).statusCode()).isEqualTo(200);
    }

    @Test
    void aCallWithoutAnActiveTokenIsRefusedCountedAndNeverAudited(CapturedOutput output) {
        long audited = auditCount();
        double before = refused("unknown");

        Answer none = f.client.withToken(null).list();
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(none.json().path("detail").asString()).contains("/run/secrets/egress/token");

        String forged = "forged-token-that-the-orchestrator-never-issued";
        Answer unknown = f.client.withToken(forged).list();
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(f.client.withToken("not a token!").list().status()).isEqualTo(401);

        assertThat(refused("unknown")).isEqualTo(before + 1);
        assertThat(auditCount()).isEqualTo(audited);
        assertThat(output.getAll()).doesNotContain(forged);
    }

    @Test
    void aStoppedWorkspacesTokenFailsOnceTheCacheExpires() {
        assertThat(f.client.list().status()).isEqualTo(200);
        f.workspace.stop();
        clock.advance(Duration.ofSeconds(10));

        Answer refused = f.client.list();
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.json().path("detail").asString()).contains("not running");
    }

    @Test
    void aSuspendedProjectsAndAnEndedMembersTokensFailOnceTheCacheExpires() {
        assertThat(f.client.list().status()).isEqualTo(200);
        f.project.status("suspended");
        clock.advance(Duration.ofSeconds(10));
        assertThat(f.client.list().json().path("detail").asString()).contains("not active");

        f.project.status("active").endMembership("researcher");
        clock.advance(Duration.ofSeconds(10));
        Answer ended = f.client.list();
        assertThat(ended.status()).isEqualTo(401);
        assertThat(ended.json().path("detail").asString()).contains("no longer a researcher or PI");
    }

    @Test
    void aNewStartsTokenEndsThePreviousOneAtOnce() {
        assertThat(f.client.list().status()).isEqualTo(200);
        IntakeClient restarted = f.client.withToken(f.workspace.start());
        assertThat(restarted.list().status()).isEqualTo(200);

        Answer old = f.client.list();
        assertThat(old.status()).as("without waiting for the cache").isEqualTo(401);
        assertThat(old.json().path("detail").asString()).contains("earlier start");
    }

    @Test
    void whenTheOrchestratorCannotAnswerNothingIsStored() {
        int requests = requestCount();
        OrchestratorPeer.shared().fail(OrchestratorPeer.Failure.UNAVAILABLE);
        clock.advance(Duration.ofSeconds(10));

        Answer refused = f.client.create(IntakeFixtures.DRAFT);
        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.json().path("detail").asString()).contains("nothing was stored");

        OrchestratorPeer.shared().reset().refuseCredential();
        assertThat(f.client.create(IntakeFixtures.DRAFT).status()).isEqualTo(503);
        assertThat(requestCount()).isEqualTo(requests);
    }

    @Test
    void theOrchestratorFailingAfterTheTokensCheckStoresAndDecidesNothing() {
        Answer draft = f.client.create(IntakeFixtures.DRAFT);
        String id = draft.json().path("id").asString();
        assertThat(f.client.upload(id, "incidence.csv", "a;b\n1;2\n".getBytes(StandardCharsets.UTF_8), Map.of())
                .status()).isEqualTo(201);
        IntakeFixtures other = IntakeFixtures.fresh(intake, "tokens-late");
        assertThat(other.client.list().status()).isEqualTo(200); // its token's answer is cached now
        int requests = requestCount();
        OrchestratorPeer.shared().fail(OrchestratorPeer.Failure.SERVER_ERROR);

        assertThat(other.client.create(IntakeFixtures.DRAFT).status()).as("the project is asked").isEqualTo(503);
        assertThat(f.client.submit(id).status()).as("a submission asks for the policy anew").isEqualTo(503);
        assertThat(requestCount()).isEqualTo(requests);
        assertThat(jdbc.queryForObject("SELECT status FROM requests WHERE id = ?::uuid", String.class, id))
                .isEqualTo("draft");
    }

    @Test
    void aCallFromAnotherAddressThanTheWorkspacesPodIsRefusedAndAudited() {
        f.workspace.podAddress("10.42.0.17");
        IntakeClient fromElsewhere = f.client.withToken(f.workspace.start());

        Answer refused = fromElsewhere.list();
        assertThat(refused.status()).isEqualTo(403);
        assertThat(jdbc.queryForObject("SELECT action FROM platform.audit_log WHERE project = ? ORDER BY seq DESC"
                + " LIMIT 1", String.class, f.project.slug())).isEqualTo("intake.refused");

        f.workspace.podAddress("127.0.0.1");
        assertThat(f.client.withToken(f.workspace.start()).list().status()).isEqualTo(200);
    }

    private String token() {
        return f.workspace.start();
    }

    private double refused(String reason) {
        var counter = meters.find(TokenRefusals.METRIC).tag("reason", reason).counter();
        return counter == null ? 0 : counter.count();
    }

    private long auditCount() {
        return jdbc.queryForObject("SELECT count(*) FROM platform.audit_log", Long.class);
    }

    private int requestCount() {
        return jdbc.queryForObject("SELECT count(*) FROM requests", Integer.class);
    }

    private static HttpResponse<String> get(int port, String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
