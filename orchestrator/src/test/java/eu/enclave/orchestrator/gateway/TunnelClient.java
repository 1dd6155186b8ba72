package eu.enclave.orchestrator.gateway;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.handler.TextWebSocketHandler;

/** A browser's side of the tunnel for tests: signs in through the portal's form, then opens {@code /tunnel}. */
public final class TunnelClient extends TextWebSocketHandler {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    /** The orchestrator's session cookie (its own name: egress-review, on another port of the host, has another). */
    public static final String PORTAL_SESSION = eu.enclave.orchestrator.support.PortalSessions.COOKIE;

    public final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
    public final CompletableFuture<CloseStatus> closed = new CompletableFuture<>();
    public WebSocketSession session;

    /** The portal's session cookie of the user, signed in with the demo password. */
    public static String signIn(int port, String username, String password) throws IOException, InterruptedException {
        CookieManager cookies = new CookieManager();
        HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).connectTimeout(Duration.ofSeconds(5)).build();
        String base = "http://localhost:" + port;
        String login = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = CSRF.matcher(login);
        String form = "username=" + enc(username) + "&password=" + enc(password)
                + (csrf.find() ? "&_csrf=" + enc(csrf.group(1)) : "");
        HttpResponse<String> signedIn = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (signedIn.statusCode() != 302 || signedIn.headers().firstValue("Location").orElse("").contains("error")) {
            throw new IllegalStateException("sign-in of " + username + " failed: " + signedIn.statusCode());
        }
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(PORTAL_SESSION))
                .map(HttpCookie::toString).findFirst().orElseThrow();
    }

    /** Opens the tunnel with the query; the future fails if the handshake is refused (e.g. not signed in). */
    public static CompletableFuture<TunnelClient> open(int port, String cookie, String query) {
        TunnelClient client = new TunnelClient();
        WebSocketHttpHeaders headers = new WebSocketHttpHeaders();
        if (cookie != null) {
            headers.add("Cookie", cookie);
        }
        headers.setOrigin("http://localhost:" + port);
        headers.setSecWebSocketProtocol("guacamole");
        return new StandardWebSocketClient().execute(client, headers,
                        URI.create("ws://localhost:" + port + "/tunnel?" + query))
                .thenApply(session -> {
                    client.session = session;
                    return client;
                });
    }

    public static String query(String project, String workspace) {
        return "project=" + enc(project) + "&workspace=" + enc(workspace) + "&width=1280&height=720&dpi=96"
                + "&image=image%2Fpng&image=image%2Fjpeg&timezone=Europe%2FParis";
    }

    public String next(long seconds) throws InterruptedException {
        return messages.poll(seconds, TimeUnit.SECONDS);
    }

    public CloseStatus awaitClose(long seconds) throws Exception {
        return closed.get(seconds, TimeUnit.SECONDS);
    }

    public void send(String message) throws IOException {
        session.sendMessage(new TextMessage(message));
    }

    @Override
    protected void handleTextMessage(WebSocketSession session, TextMessage message) {
        messages.add(message.getPayload());
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        closed.complete(status);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
