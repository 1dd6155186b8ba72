package eu.enclave.orchestrator.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.jayway.jsonpath.JsonPath;
import com.nimbusds.jwt.JWTClaimsSet;
import eu.enclave.platform.testing.TokenSigner;
import eu.enclave.orchestrator.OrchestratorApplication;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The orchestrator as deployed: profile {@code prod}, a PostgreSQL of its own (not the embedded fallback),
 * bearer JWTs checked against a configured public key, and multi-factor sign-in mandatory through {@code acr}.
 * Tokens are signed here with the matching private key, so the whole decode-validate-authorize path is real.
 */
class ProductionSignInTest {

    private static final String MFA = "urn:enclave:mfa";

    @TempDir
    static Path keyDir;

    private static EmbeddedPostgres postgres;
    private static TokenSigner issuer;
    private static Path publicKey;
    private static ConfigurableApplicationContext app;
    private static JdbcTemplate jdbc;
    private static URI base;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        jdbc = new JdbcTemplate(postgres.getPostgresDatabase());
        issuer = new TokenSigner();
        publicKey = issuer.writePublicKeyPem(keyDir.resolve("issuer-public.pem"));
        app = startProd(Map.of());
        String port = app.getEnvironment().getProperty("local.server.port");
        assertThat(port).as("a free port, never the shared 8080/8081").isNotIn("8080", "8081");
        base = URI.create("http://127.0.0.1:" + port + "/");
    }

    @AfterAll
    static void stop() throws Exception {
        if (app != null) {
            app.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void noTokenIsRefusedWith401Problem() throws Exception {
        HttpResponse<String> response = get("api/v1/projects", null);
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                h -> assertThat(h).startsWith("Bearer"));
        assertThat(response.body()).doesNotContain("demo");
    }

    @Test
    void aTokenWithoutAcrIsRefusedBecauseMfaIsRequired() throws Exception {
        HttpResponse<String> response = get("api/v1/projects", token("no-acr", c -> c.claim("acr", null)));
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(JsonPath.<String>read(response.body(), "$.detail"))
                .containsIgnoringCase("multi-factor authentication is required").contains("missing");
    }

    @Test
    void aTokenWithAnotherAcrIsRefused() throws Exception {
        HttpResponse<String> response = get("api/v1/projects", token("pwd-only", c -> c.claim("acr", "urn:enclave:pwd")));
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(JsonPath.<String>read(response.body(), "$.detail"))
                .containsIgnoringCase("multi-factor authentication is required").contains("urn:enclave:pwd");
    }

    @Test
    void aTokenWithTheAcceptedAcrSignsInAndRecordsThePerson() throws Exception {
        String subject = "0f8c7c1e-mfa-user";
        HttpResponse<String> response = get("api/v1/projects", token(subject, c -> c
                .claim("preferred_username", "marie.curie")
                .claim("name", "Marie Curie")
                .claim("email", "marie.curie@hospital.example")));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(JsonPath.<List<?>>read(response.body(), "$")).isEmpty();
        Map<String, Object> user = jdbc.queryForMap(
                "SELECT username, display_name, email, platform_roles FROM platform.users WHERE subject = ?", subject);
        assertThat(user).containsEntry("username", "marie.curie").containsEntry("display_name", "Marie Curie")
                .containsEntry("email", "marie.curie@hospital.example").containsEntry("platform_roles", "");
    }

    @Test
    void theRolesClaimMakesAnAdminWhoCanCreateAProject() throws Exception {
        String body = """
                {"slug": "prod-study", "title": "Production study", "legalBasis": "MR-004",
                 "startDate": "2026-01-01", "endDate": "2027-12-31"}""";
        HttpResponse<String> notAdmin = post("api/v1/projects", body, token("plain-user",
                c -> c.claim("preferred_username", "plain")));
        assertThat(notAdmin.statusCode()).as(notAdmin.body()).isEqualTo(403);

        HttpResponse<String> created = post("api/v1/projects", body, token("admin-subject", c -> c
                .claim("preferred_username", "ada.admin").claim("enclave_roles", List.of("enclave-admin"))));

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(JsonPath.<String>read(created.body(), "$.status")).isEqualTo("draft");
        assertThat(jdbc.queryForObject("SELECT platform_roles FROM platform.users WHERE subject = 'admin-subject'",
                String.class)).isEqualTo("ADMIN");
        assertThat(jdbc.queryForObject("SELECT actor FROM platform.audit_log WHERE action = 'project.created'"
                + " AND project = 'prod-study'", String.class)).isEqualTo("ada.admin");
    }

    @Test
    void refusalsOnTheRealServerAreProblemResponses() throws Exception {
        String admin = token("admin-subject-2", c -> c.claim("enclave_roles", List.of("enclave-admin")));
        HttpResponse<String> wrongType = HTTP.send(HttpRequest.newBuilder(base.resolve("api/v1/projects"))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("slug=x")).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> unknownPath = get("api/v1/no-such-thing", admin);
        HttpResponse<String> malformed = post("api/v1/projects", "{\"slug\": ", admin);

        assertThat(List.of(wrongType, unknownPath, malformed)).extracting(HttpResponse::statusCode)
                .containsExactly(415, 404, 400);
        for (HttpResponse<String> response : List.of(wrongType, unknownPath, malformed)) {
            assertThat(response.headers().firstValue("Content-Type")).as(response.uri() + " " + response.body())
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        }
        assertThat(JsonPath.<List<String>>read(wrongType.body(), "$.errors[*].field")).contains("Content-Type");
        assertThat(JsonPath.<List<String>>read(malformed.body(), "$.errors[*].field")).contains("body");
    }

    @Test
    void demoUsersWithHttpBasicAreNotAccepted() throws Exception {
        for (String user : List.of("admin", "steward", "pi", "researcher", "reviewer")) {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(base.resolve("api/v1/projects"))
                    .header("Authorization", "Basic " + Base64.getEncoder()
                            .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(user).isEqualTo(401);
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM platform.users WHERE subject LIKE 'demo:%'",
                Long.class)).as("no demo user is seeded in production").isZero();
    }

    @Test
    void tokensThatAreNotGenuineAreRefused() throws Exception {
        TokenSigner forger = new TokenSigner();
        assertThat(get("api/v1/projects", token("forged", c -> { }, forger)).statusCode()).isEqualTo(401);
        assertThat(get("api/v1/projects", token("expired", c -> c
                .issueTime(Date.from(Instant.now().minus(Duration.ofHours(2))))
                .expirationTime(Date.from(Instant.now().minus(Duration.ofHours(1)))))).statusCode()).isEqualTo(401);
        String unsigned = token("unsigned", c -> { });
        String[] parts = unsigned.split("\\.");
        String noneHeader = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(get("api/v1/projects", noneHeader + "." + parts[1] + ".").statusCode()).isEqualTo(401);
        assertThat(get("api/v1/projects", "not-a-jwt").statusCode()).isEqualTo(401);
    }

    @Test
    void aTokenWithoutSubjectIsRefused() throws Exception {
        HttpResponse<String> response = get("api/v1/projects", token(null, c -> c
                .claim("preferred_username", "nobody-in-particular")));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM platform.users WHERE subject = 'null'", Long.class))
                .isZero();
    }

    @Test
    void prodWithDemoSignInDoesNotStart() {
        assertThatThrownBy(() -> startProd(Map.of("enclave.demo.enabled", "true")).close())
                .satisfies(e -> assertThat(rootCause(e).getMessage())
                        .contains("Demo sign-in").contains("enclave.demo.enabled").contains("'prod'"));
    }

    @Test
    void prodWithoutAClusterDoesNotStartOnASimulatedOne() {
        Assumptions.assumeTrue(System.getenv("KUBECONFIG") == null && System.getenv("KUBERNETES_SERVICE_HOST") == null
                && !Files.exists(Path.of(System.getProperty("user.home"), ".kube", "config")),
                "this machine has a cluster configured");
        assertThatThrownBy(() -> startProd(Map.of(), "enclave.cluster.simulated").close())
                .satisfies(e -> assertThat(rootCause(e).getMessage())
                        .contains("enclave.cluster.simulated=false").contains("no cluster is configured"));
    }

    @Test
    void prodWithoutAVaultDoesNotStartOnTheDemoSecretStore() {
        Assumptions.assumeTrue(System.getenv("VAULT_ADDR") == null, "this machine has VAULT_ADDR set");
        assertThatThrownBy(() -> startProd(Map.of(), "enclave.vault.demo").close())
                .satisfies(e -> assertThat(rootCause(e).getMessage())
                        .contains("enclave.vault.demo=false").contains("no Vault is configured"));
    }

    @Test
    void prodWithoutADatabaseUrlDoesNotStart() {
        assertThatThrownBy(() -> startProd(Map.of(), "spring.datasource.url", "spring.datasource.username").close())
                .satisfies(e -> assertThat(rootCause(e).getMessage())
                        .contains("'prod'").contains("spring.datasource.url"));
    }

    /**
     * Starts the orchestrator with profile {@code prod}. Settings are passed as command-line arguments, which
     * (unlike {@code SpringApplicationBuilder.properties}, the lowest-precedence defaults) override the
     * application's own YAML, so that {@code server.port=0} keeps it off the shared port 8080.
     */
    private static ConfigurableApplicationContext startProd(Map<String, String> overrides, String... without) {
        Map<String, String> properties = new HashMap<>(baseProperties());
        properties.putAll(overrides);
        for (String key : without) {
            properties.remove(key);
        }
        String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        return new SpringApplicationBuilder(OrchestratorApplication.class).profiles("prod").run(args);
    }

    private static Map<String, String> baseProperties() {
        return Map.of(
                "server.port", "0",
                "server.address", "127.0.0.1",
                "enclave.cluster.simulated", "true",
                "enclave.vault.demo", "true",
                "spring.datasource.url", postgres.getJdbcUrl("postgres", "postgres"),
                "spring.datasource.username", "postgres",
                "spring.security.oauth2.resourceserver.jwt.public-key-location", publicKey.toUri().toString(),
                "enclave.security.accepted-acr", MFA,
                "enclave.lifecycle.check-interval", "PT24H");
    }

    private static String token(String subject, Consumer<JWTClaimsSet.Builder> claims) throws Exception {
        return token(subject, claims, issuer);
    }

    /** A token as the identity provider would issue it after a second factor, adjusted by {@code claims}. */
    private static String token(String subject, Consumer<JWTClaimsSet.Builder> claims, TokenSigner signer) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder()
                .subject(subject)
                .issuer("https://idp.example/realms/enclave")
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
                .claim("acr", MFA)
                .claim("preferred_username", subject == null ? "anonymous-subject" : "user-" + subject);
        claims.accept(builder);
        return signer.sign(builder.build());
    }

    private static HttpResponse<String> get(String path, String bearer) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).GET();
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String path, String json, String bearer) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(base.resolve(path))
                .header("Authorization", "Bearer " + bearer).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
