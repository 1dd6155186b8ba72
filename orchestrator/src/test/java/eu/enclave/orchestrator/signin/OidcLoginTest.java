package eu.enclave.orchestrator.signin;

import static org.assertj.core.api.Assertions.assertThat;

import eu.enclave.platform.testing.IdentityProviderPeer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Browser sign-in in production: the authorization-code flow against an OpenID Connect provider peer,
 * with a second factor required. The flow is driven over HTTP as a browser would, without following
 * redirects, so that each hop is checked.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("prod")
class OidcLoginTest {

    private static final String MFA = "urn:enclave:test:mfa";
    private static IdentityProviderPeer idp;
    private static EmbeddedPostgres postgres;

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @DynamicPropertySource
    static void production(DynamicPropertyRegistry registry) throws IOException {
        idp = new IdentityProviderPeer();
        postgres = EmbeddedPostgres.builder().start();
        registry.add("spring.datasource.url", () -> postgres.getJdbcUrl("postgres", "postgres"));
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("enclave.security.accepted-acr", () -> MFA);
        // The test speaks plain HTTP on loopback; production's session cookie is Secure (TLS only).
        registry.add("server.servlet.session.cookie.secure", () -> "false");
        registry.add("enclave.cluster.simulated", () -> "true"); // prod refuses to simulate; tests never reach a real cluster
        registry.add("enclave.vault.demo", () -> "true"); // prod refuses the demo secret store; this test is about sign-in
        idp.clientProperties("idp", "enclave-portal").forEach((key, value) -> registry.add(key, () -> value));
    }

    @AfterAll
    static void stop() throws IOException {
        idp.close();
        postgres.close();
    }

    @Test
    void signsInWithTheProviderAndRecordsTheUserFromTheIdToken() throws Exception {
        Browser browser = new Browser();
        HttpResponse<String> landing = browser.signIn(Map.of("sub", "oidc-marie", "preferred_username", "marie",
                "name", "Marie Curie", "email", "marie@chu.example", "acr", MFA));
        assertThat(landing.statusCode()).isEqualTo(302);

        HttpResponse<String> home = browser.get("/");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("Marie Curie");
        assertThat(jdbc.queryForMap("SELECT username, display_name, email FROM platform.users WHERE subject = ?",
                "oidc-marie")).containsEntry("username", "marie").containsEntry("display_name", "Marie Curie")
                .containsEntry("email", "marie@chu.example");
        assertThat(jdbc.queryForList("SELECT details FROM platform.audit_log WHERE action = 'auth.signed_in'"
                + " AND actor = 'marie'", String.class)).containsExactly("{\"method\":\"oidc\"}");
        assertThat(idp.tokenRequests()).anySatisfy(form -> assertThat(form).contains("grant_type=authorization_code"));
    }

    @Test
    void aSignInWithoutTheSecondFactorIsRefusedWithTheReasonAndEnded() throws Exception {
        Browser browser = new Browser();
        browser.signIn(Map.of("sub", "oidc-weak", "preferred_username", "weak", "name", "Weak Login",
                "acr", "urn:password-only"));

        HttpResponse<String> refused = browser.get("/");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("Multi-factor authentication is required")
                .contains("urn:password-only");
        HttpResponse<String> again = browser.get("/");
        assertThat(again.statusCode()).isEqualTo(302);
        assertThat(again.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains("/login"));
    }

    @Test
    void demoSignInDoesNotExistInProduction() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/api/v1/projects"))
                .header("Authorization", "Basic YWRtaW46ZGVtbw==").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(401);
    }

    /** A cookie-keeping client that does not follow redirects. */
    private final class Browser {

        private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();

        HttpResponse<String> get(String pathOrUrl) throws Exception {
            URI uri = URI.create(pathOrUrl.startsWith("http") ? pathOrUrl : "http://localhost:" + port + pathOrUrl);
            return client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
        }

        /** Starts the flow, lets the peer issue an ID token with these claims, and returns the callback's answer. */
        HttpResponse<String> signIn(Map<String, Object> claims) throws Exception {
            HttpResponse<String> start = get("/oauth2/authorization/idp");
            assertThat(start.statusCode()).isEqualTo(302);
            URI authorize = URI.create(start.headers().firstValue("Location").orElseThrow());
            assertThat(authorize.toString()).startsWith(idp.baseUrl() + "/authorize");
            Map<String, String> query = query(authorize);
            assertThat(query).containsEntry("client_id", "enclave-portal").containsKey("nonce");

            Map<String, Object> idToken = new HashMap<>(claims);
            idToken.put("aud", "enclave-portal");
            idToken.put("nonce", query.get("nonce"));
            idp.nextIdToken(idToken);
            return get(query.get("redirect_uri") + "?code=code-" + claims.get("sub") + "&state="
                    + java.net.URLEncoder.encode(query.get("state"), StandardCharsets.UTF_8));
        }
    }

    private static Map<String, String> query(URI uri) {
        return Arrays.stream(uri.getRawQuery().split("&")).map(p -> p.split("=", 2))
                .collect(Collectors.toMap(p -> p[0], p -> URLDecoder.decode(p[1], StandardCharsets.UTF_8)));
    }
}
