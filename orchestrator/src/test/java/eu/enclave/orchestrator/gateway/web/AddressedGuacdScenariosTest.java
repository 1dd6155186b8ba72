package eu.enclave.orchestrator.gateway.web;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link RealGuacdScenarios} against the guacd at {@code ENCLAVE_TEST_GUACD_HOST}:{@code ENCLAVE_TEST_GUACD_PORT}. */
class AddressedGuacdScenariosTest extends RealGuacdScenarios {

    private static final String HOST = System.getenv("ENCLAVE_TEST_GUACD_HOST");

    @BeforeAll
    static void guacdGiven() {
        if (HOST == null || HOST.isBlank()) {
            String reason = "ENCLAVE_TEST_GUACD_HOST not set: no real guacd to test against";
            System.out.println("SKIPPED: " + reason);
            Assumptions.abort(reason);
        }
    }

    @DynamicPropertySource
    static void guacd(DynamicPropertyRegistry registry) {
        registry.add("enclave.guacd.host", () -> HOST);
        registry.add("enclave.guacd.port", () -> System.getenv().getOrDefault("ENCLAVE_TEST_GUACD_PORT", "4822"));
    }
}
