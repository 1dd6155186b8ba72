package eu.enclave.deploy.images;

import static org.assertj.core.api.Assertions.assertThat;

import eu.enclave.deploy.Repository;
import eu.enclave.deploy.chart.EnclaveChart;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each service's Containerfile follows {@link ServiceImageRules}; the rules are shown to catch what they name. */
class ServiceImagesTest {

    @ParameterizedTest
    @ValueSource(strings = {"orchestrator", "egress-review"})
    void theContainerfileFollowsTheRules(String service) throws IOException {
        String text = Files.readString(containerfile(service));
        assertThat(ServiceImageRules.violations(service, text, chartPorts(service))).isEmpty();
    }

    @Test
    void theRulesCatchEachBreach() throws IOException {
        String good = Files.readString(containerfile("orchestrator"));
        Set<Integer> ports = chartPorts("orchestrator");
        Stream.of(
                new String[] {"USER 10001:10001", "USER enclave", "numeric non-root user"},
                new String[] {"USER 10001:10001", "USER 0", "numeric non-root user"},
                new String[] {"eclipse-temurin:17.0.16_8-jre-noble", "eclipse-temurin:latest", "is not pinned"},
                new String[] {"VOLUME [\"/tmp\"]", "", "VOLUME /tmp"},
                new String[] {"WORKDIR /opt/enclave", "WORKDIR /opt/enclave\nHEALTHCHECK CMD curl -f localhost",
                        "no HEALTHCHECK"},
                new String[] {" --chown=0:0", "", "owned by root"},
                new String[] {"fontconfig fonts-dejavu-core", "curl", "fontconfig"},
                new String[] {"org.opencontainers.image.source=", "org.opencontainers.image.url=", "image.source"},
                new String[] {"EXPOSE 8080 8083 9080", "EXPOSE 8080", "not the chart's container ports"},
                new String[] {"ARG REVISION=unknown", "ARG REVISION=unknown\nARG DB_PASSWORD=x", "no secret"})
                .forEach(breach -> {
                    assertThat(good).as("the Containerfile has " + breach[0]).contains(breach[0]);
                    String broken = good.replace(breach[0], breach[1]);
                    assertThat(ServiceImageRules.violations("orchestrator", broken, ports)).as(breach[2])
                            .anyMatch(v -> v.contains(breach[2]));
                });
        String singleStage = good.substring(good.indexOf("FROM docker.io/library/eclipse-temurin"));
        assertThat(ServiceImageRules.violations("orchestrator", singleStage, ports))
                .anyMatch(v -> v.contains("multi-stage"));
    }

    static Path containerfile(String service) {
        return Repository.path(service + "/Containerfile");
    }

    /** The container ports the chart gives the service's pod. */
    static Set<Integer> chartPorts(String service) {
        return EnclaveChart.defaults().one(Deployment.class, "enclave-" + service).getSpec().getTemplate().getSpec()
                .getContainers().get(0).getPorts().stream().map(ContainerPort::getContainerPort)
                .collect(Collectors.toSet());
    }
}
