package eu.enclave.platform.testing;

import com.nimbusds.jwt.JWTClaimsSet;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import tools.jackson.databind.json.JsonMapper;

/**
 * An OpenID Connect provider on loopback that speaks the real wire protocol for what Enclave uses: the
 * JWKS document, the token endpoint of the authorization-code flow (returning an RS256 ID token), and
 * signing bearer tokens for API calls. Tests choose the claims of the next ID token.
 */
public final class IdentityProviderPeer implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final TokenSigner signer = new TokenSigner();
    private final HttpServer server;
    private final List<String> tokenRequests = new CopyOnWriteArrayList<>();
    private volatile Map<String, Object> nextIdTokenClaims = Map.of();

    public IdentityProviderPeer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/jwks", exchange -> respond(exchange, 200, signer.jwks()));
        server.createContext("/token", this::token);
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public String issuer() {
        return baseUrl();
    }

    /** Spring properties registering this provider as client registration {@code registrationId}. */
    public Map<String, Object> clientProperties(String registrationId, String clientId) {
        String registration = "spring.security.oauth2.client.registration." + registrationId + ".";
        String provider = "spring.security.oauth2.client.provider." + registrationId + ".";
        Map<String, Object> properties = new HashMap<>();
        properties.put(registration + "client-id", clientId);
        properties.put(registration + "client-secret", "peer-secret");
        properties.put(registration + "authorization-grant-type", "authorization_code");
        properties.put(registration + "scope", "openid,profile,email");
        properties.put(registration + "redirect-uri", "{baseUrl}/login/oauth2/code/{registrationId}");
        properties.put(registration + "provider", registrationId);
        properties.put(provider + "authorization-uri", baseUrl() + "/authorize");
        properties.put(provider + "token-uri", baseUrl() + "/token");
        properties.put(provider + "jwk-set-uri", baseUrl() + "/jwks");
        properties.put(provider + "user-name-attribute", "sub");
        return properties;
    }

    /** Claims (besides iss, aud, iat, exp) of the ID token the token endpoint hands out next. */
    public void nextIdToken(Map<String, Object> claims) {
        nextIdTokenClaims = Map.copyOf(claims);
    }

    public List<String> tokenRequests() {
        return List.copyOf(tokenRequests);
    }

    /** A signed access token as an API client would send it. */
    public String sign(String audience, Map<String, Object> claims) {
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder().issuer(issuer()).audience(audience)
                .issueTime(new Date()).expirationTime(Date.from(Instant.now().plusSeconds(300)));
        claims.forEach(builder::claim);
        return signer.sign(builder.build());
    }

    private void token(HttpExchange exchange) throws IOException {
        String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        tokenRequests.add(form);
        Map<String, Object> claims = new HashMap<>(nextIdTokenClaims);
        String clientId = String.valueOf(claims.remove("aud"));
        Map<String, Object> body = Map.of(
                "access_token", sign(clientId, Map.of("sub", String.valueOf(claims.get("sub")))),
                "token_type", "Bearer",
                "expires_in", 300,
                "scope", "openid profile email",
                "id_token", sign(clientId, claims));
        respond(exchange, 200, JSON.writeValueAsString(body));
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
