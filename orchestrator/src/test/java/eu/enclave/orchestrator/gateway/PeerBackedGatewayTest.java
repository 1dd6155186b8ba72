package eu.enclave.orchestrator.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the tests that run the orchestrator against the guacd test peer: one peer for the JVM, so that every
 * subclass shares one cached Spring context (and one server).
 */
@GatewayTest
public abstract class PeerBackedGatewayTest {

    protected static final GuacdTestPeer PEER = startPeer();

    private static GuacdTestPeer startPeer() {
        try {
            return new GuacdTestPeer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void guacd(DynamicPropertyRegistry registry) {
        registry.add("enclave.guacd.host", PEER::host);
        registry.add("enclave.guacd.port", PEER::port);
    }
}
