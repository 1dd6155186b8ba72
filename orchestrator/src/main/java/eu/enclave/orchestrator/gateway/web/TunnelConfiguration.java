package eu.enclave.orchestrator.gateway.web;

import eu.enclave.orchestrator.gateway.DesktopDefaults;
import eu.enclave.orchestrator.gateway.DesktopSessionService;
import eu.enclave.orchestrator.gateway.GuacdConnector;
import eu.enclave.platform.security.CurrentUsers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.server.standard.ServletServerContainerFactoryBean;

/**
 * {@code /tunnel}, behind the portal's sign-in (the page security chain): same-origin only, the {@code guacamole}
 * subprotocol, a bounded message size, and a transport timeout that notices a vanished browser (the client pings
 * twice a second).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
class TunnelConfiguration implements WebSocketConfigurer {

    static final long TRANSPORT_TIMEOUT_MS = 60_000;

    private final TunnelHandler handler;

    TunnelConfiguration(CurrentUsers users, DesktopSessionService sessions, GuacdConnector guacd, OpenTunnels open) {
        this.handler = new TunnelHandler(users, sessions, guacd, open);
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        registry.addHandler(handler, "/tunnel");
    }

    @Bean
    ServletServerContainerFactoryBean webSocketContainer(DesktopDefaults defaults) {
        ServletServerContainerFactoryBean container = new ServletServerContainerFactoryBean();
        int max = (int) defaults.maxMessageSize().toBytes();
        container.setMaxTextMessageBufferSize(max);
        container.setMaxBinaryMessageBufferSize(max);
        container.setMaxSessionIdleTimeout(TRANSPORT_TIMEOUT_MS);
        return container;
    }
}
