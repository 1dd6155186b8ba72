package eu.enclave.orchestrator.gateway.web;

import eu.enclave.orchestrator.gateway.Admission;
import eu.enclave.orchestrator.gateway.ConnectRequest;
import eu.enclave.orchestrator.gateway.DesktopSessionService;
import eu.enclave.orchestrator.gateway.GuacdConnector;
import eu.enclave.orchestrator.gateway.Refusal;
import eu.enclave.orchestrator.gateway.TunnelRefused;
import eu.enclave.platform.identity.CurrentUser;
import eu.enclave.platform.security.CurrentUsers;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.apache.guacamole.GuacamoleException;
import org.apache.guacamole.net.GuacamoleTunnel;
import org.apache.guacamole.protocol.GuacamoleStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.adapter.NativeWebSocketSession;
import org.springframework.web.socket.SubProtocolCapable;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;
import org.springframework.web.socket.handler.TextWebSocketHandler;

/**
 * The Guacamole tunnel, {@code /tunnel?project=..&workspace=..&width=..}: the signed-in user is authorised for the
 * workspace before anything reaches guacd; then guacd is connected with the server-side parameters and relayed.
 * A refusal closes the WebSocket with a Guacamole status and the refusal's code as reason: no address, no secret.
 */
class TunnelHandler extends TextWebSocketHandler implements SubProtocolCapable {

    static final String SUBPROTOCOL = "guacamole";
    private static final String RELAY = DesktopRelay.class.getName();
    private static final int SEND_TIME_LIMIT_MS = 10_000;
    private static final int SEND_BUFFER_LIMIT = 8 * 1024 * 1024;
    /** The client pings twice a second: a minute of silence means the browser is gone. */
    static final long TRANSPORT_TIMEOUT_MS = 60_000;

    private final CurrentUsers users;
    private final DesktopSessionService sessions;
    private final GuacdConnector guacd;
    private final OpenTunnels open;
    private final int maxMessageBytes;

    TunnelHandler(CurrentUsers users, DesktopSessionService sessions, GuacdConnector guacd, OpenTunnels open,
                  int maxMessageBytes) {
        this.maxMessageBytes = maxMessageBytes;
        this.users = users;
        this.sessions = sessions;
        this.guacd = guacd;
        this.open = open;
    }

    @Override
    public List<String> getSubProtocols() {
        return List.of(SUBPROTOCOL);
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession session) throws IOException {
        session.setTextMessageSizeLimit(maxMessageBytes);
        session.setBinaryMessageSizeLimit(maxMessageBytes);
        if (session instanceof NativeWebSocketSession nativeSession
                && nativeSession.getNativeSession() instanceof jakarta.websocket.Session container) {
            container.setMaxIdleTimeout(TRANSPORT_TIMEOUT_MS);
        }
        Optional<CurrentUser> user = session.getPrincipal() instanceof Authentication authentication
                ? users.of(authentication) : Optional.empty();
        if (user.isEmpty()) {
            session.close(new CloseStatus(GuacamoleStatus.CLIENT_UNAUTHORIZED.getWebSocketCode(), "signed-out"));
            return;
        }
        ConnectRequest request;
        try {
            request = ConnectRequest.parse(session.getUri() == null ? null : session.getUri().getRawQuery());
        } catch (TunnelRefused refused) {
            sessions.refusedBadRequest(user.get(), refused);
            refuse(session, refused.refusal());
            return;
        }
        Admission admission;
        try {
            admission = sessions.admit(user.get(), request);
        } catch (TunnelRefused refused) {
            refuse(session, refused.refusal());
            return;
        }
        GuacamoleTunnel tunnel;
        try {
            tunnel = guacd.connect(admission, request.client());
        } catch (GuacamoleException | RuntimeException e) {
            sessions.unreachable(user.get(), admission, "guacd could not be reached or refused the handshake");
            refuse(session, Refusal.DESKTOP_UNREACHABLE);
            return;
        }
        WebSocketSession browser = new ConcurrentWebSocketSessionDecorator(session, SEND_TIME_LIMIT_MS,
                SEND_BUFFER_LIMIT);
        DesktopRelay relay = new DesktopRelay(browser, tunnel, admission, user.get(), sessions, open::remove);
        session.getAttributes().put(RELAY, relay);
        open.add(relay);
        relay.start(open.relays());
    }

    @Override
    protected void handleTextMessage(WebSocketSession session, TextMessage message) throws Exception {
        if (session.getAttributes().get(RELAY) instanceof DesktopRelay relay) {
            try {
                relay.fromBrowser(message.getPayload());
            } catch (GuacamoleException e) {
                relay.close(CloseReason.UPSTREAM_ERROR);
            }
        }
    }

    @Override
    public void handleTransportError(WebSocketSession session, Throwable exception) {
        if (session.getAttributes().get(RELAY) instanceof DesktopRelay relay) {
            relay.close(CloseReason.BROWSER_CLOSED);
        }
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        if (session.getAttributes().get(RELAY) instanceof DesktopRelay relay) {
            relay.close(CloseReason.BROWSER_CLOSED);
        }
    }

    private static void refuse(WebSocketSession session, Refusal refusal) throws IOException {
        session.close(closeStatus(refusal));
    }

    static CloseStatus closeStatus(Refusal refusal) {
        GuacamoleStatus status = switch (refusal) {
            case BAD_REQUEST -> GuacamoleStatus.CLIENT_BAD_REQUEST;
            case DESKTOP_UNREACHABLE -> GuacamoleStatus.UPSTREAM_UNAVAILABLE;
            default -> GuacamoleStatus.CLIENT_FORBIDDEN;
        };
        return new CloseStatus(status.getWebSocketCode(), refusal.code());
    }
}
