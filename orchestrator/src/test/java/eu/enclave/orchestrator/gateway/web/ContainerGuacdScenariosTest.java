package eu.enclave.orchestrator.gateway.web;

import org.junit.jupiter.api.BeforeAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.DockerImageName;

/** {@link RealGuacdScenarios} against {@code guacamole/guacd:1.6.0} in Docker; skipped where Docker is missing. */
@Testcontainers(disabledWithoutDocker = true)
class ContainerGuacdScenariosTest extends RealGuacdScenarios {

    @Container
    static final GenericContainer<?> GUACD = new GenericContainer<>(DockerImageName.parse("guacamole/guacd:1.6.0"))
            .withExposedPorts(4822);

    @BeforeAll
    static void say() {
        System.out.println("guacd container at " + GUACD.getHost() + ":" + GUACD.getMappedPort(4822));
    }

    @DynamicPropertySource
    static void guacd(DynamicPropertyRegistry registry) {
        registry.add("enclave.guacd.host", GUACD::getHost);
        registry.add("enclave.guacd.port", () -> GUACD.getMappedPort(4822));
    }
}
