package eu.enclave.orchestrator.gateway;

import java.util.UUID;
import org.apache.guacamole.GuacamoleException;
import org.apache.guacamole.net.AbstractGuacamoleTunnel;
import org.apache.guacamole.net.GuacamoleSocket;
import org.apache.guacamole.net.GuacamoleTunnel;
import org.apache.guacamole.net.InetGuacamoleSocket;
import org.apache.guacamole.net.SSLGuacamoleSocket;
import org.apache.guacamole.protocol.ConfiguredGuacamoleSocket;
import org.apache.guacamole.protocol.GuacamoleClientInformation;
import org.springframework.stereotype.Component;

/** Opens an admitted session's connection to guacd and completes its handshake with the server-side parameters. */
@Component
public class GuacdConnector {

    private final GuacdSettings guacd;

    GuacdConnector(GuacdSettings guacd) {
        this.guacd = guacd;
    }

    public GuacamoleTunnel connect(Admission admission, GuacamoleClientInformation client) throws GuacamoleException {
        GuacamoleSocket socket = guacd.tls() ? new SSLGuacamoleSocket(guacd.host(), guacd.port())
                : new InetGuacamoleSocket(guacd.host(), guacd.port());
        try {
            return new SessionTunnel(admission.sessionId(),
                    new ConfiguredGuacamoleSocket(socket, GuacdParameters.of(admission), client));
        } catch (GuacamoleException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    /** A tunnel whose UUID is the session's id, so that the browser, the audit trail and the recording agree. */
    private static final class SessionTunnel extends AbstractGuacamoleTunnel {

        private final UUID id;
        private final GuacamoleSocket socket;

        SessionTunnel(UUID id, GuacamoleSocket socket) {
            this.id = id;
            this.socket = socket;
        }

        @Override
        public UUID getUUID() {
            return id;
        }

        @Override
        public GuacamoleSocket getSocket() {
            return socket;
        }
    }
}
