package eu.enclave.orchestrator.gateway.web;

import eu.enclave.orchestrator.gateway.DesktopDefaults;
import eu.enclave.orchestrator.gateway.DesktopSessionService;
import eu.enclave.orchestrator.gateway.GuacdConnector;
import eu.enclave.platform.security.CurrentUsers;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;

/**
 * {@code /tunnel}, behind the portal's sign-in (the page security chain): same-origin only, the {@code guacamole}
 * subprotocol, a bounded message size, and a transport timeout that notices a vanished browser (the client pings
 * twice a second).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
class TunnelConfiguration implements WebSocketConfigurer {

    private final TunnelHandler handler;

    TunnelConfiguration(CurrentUsers users, DesktopSessionService sessions, GuacdConnector guacd, OpenTunnels open,
                        DesktopDefaults defaults) {
        this.handler = new TunnelHandler(users, sessions, guacd, open, (int) defaults.maxMessageSize().toBytes());
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        registry.addHandler(handler, "/tunnel");
    }
}
