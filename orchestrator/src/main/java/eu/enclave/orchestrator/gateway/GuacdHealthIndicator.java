package eu.enclave.orchestrator.gateway;

import eu.enclave.orchestrator.health.BoundedCheck;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code guacdConnection}: whether guacd accepts a TCP connection at its address. No Guacamole handshake is sent, so guacd
 * logs nothing and no desktop is touched; whether a desktop can be reached is told per session.
 */
@Component("guacdConnectionHealthIndicator")
class GuacdHealthIndicator implements HealthIndicator {

    private final GuacdSettings guacd;

    GuacdHealthIndicator(GuacdSettings guacd) {
        this.guacd = guacd;
    }

    @Override
    public Health health() {
        Health probed = BoundedCheck.run(() -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(guacd.host(), guacd.port()),
                        (int) BoundedCheck.LIMIT.toMillis());
                return Health.up().build();
            } catch (IOException e) {
                return Health.down().withDetail("reason", "guacd does not accept connections: " + e.getMessage())
                        .build();
            }
        });
        return Health.status(probed.getStatus()).withDetails(probed.getDetails())
                .withDetail("address", guacd.host() + ":" + guacd.port()).withDetail("tls", guacd.tls()).build();
    }
}
