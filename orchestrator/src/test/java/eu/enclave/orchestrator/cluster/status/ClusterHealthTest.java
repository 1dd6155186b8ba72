package eu.enclave.orchestrator.cluster.status;

import static eu.enclave.orchestrator.support.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import eu.enclave.orchestrator.cluster.connection.ClusterConnection;
import eu.enclave.orchestrator.project.Project;
import eu.enclave.orchestrator.support.Fixtures;
import eu.enclave.orchestrator.support.OrchestratorApiTest;
import eu.enclave.platform.startup.StartupNotice;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import java.util.List;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A cluster that refuses the orchestrator's Lease calls (403, as a cluster without the leader-election Role does):
 * no replica can lead, which no retry heals. The {@code cluster} health group is DOWN with the reason, for admins
 * only (anyone else sees the status alone), readiness stays UP so that the portal can explain, the project page and
 * the status API say nothing is being applied and why, and so does the startup report. The other health groups
 * (Vault, guacd) are there, with their details for admins.
 */
@OrchestratorApiTest
@TestPropertySource(properties = "enclave.cluster.leader-election.enabled=true")
@Import(ClusterHealthTest.ForbiddenLease.class)
class ClusterHealthTest {

    static final String LEASE_PATH = "/apis/coordination.k8s.io/v1/namespaces/enclave-system/leases/"
            + "enclave-orchestrator";

    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired List<StartupNotice> notices;

    /** The simulated cluster answers the Lease calls 403 from the start, before leader election prepares. */
    @TestConfiguration(proxyBeanMethods = false)
    static class ForbiddenLease {

        @Bean
        static BeanPostProcessor forbidTheLease() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    if (bean instanceof ClusterConnection connection && connection.simulator() != null) {
                        connection.simulator().expect().get().withPath(LEASE_PATH).andReturn(403,
                                new StatusBuilder().withCode(403).withReason("Forbidden").withMessage(
                                        "leases.coordination.k8s.io \"enclave-orchestrator\" is forbidden").build())
                                .always();
                    }
                    return bean;
                }
            };
        }
    }

    @Test
    void anonymousCallersSeeOnlyTheStatusOfTheWholeAndOfEachGroup() throws Exception {
        mvc.perform(get("/actuator/health")).andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.status").value("DOWN")).andExpect(jsonPath("$.components").doesNotExist())
                .andExpect(jsonPath("$.details").doesNotExist())
                .andExpect(jsonPath("$.groups").value(org.hamcrest.Matchers.hasItems("cluster", "vault", "guacd",
                        "readiness", "liveness")));
        assertThat(mvc.perform(get("/actuator/health/cluster")).andExpect(status().isServiceUnavailable())
                .andReturn().getResponse().getContentAsString()).isEqualTo("{\"status\":\"DOWN\"}");
        mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"));
        mvc.perform(get("/actuator/health/vault")).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP")).andExpect(jsonPath("$.components").doesNotExist());
        mvc.perform(get("/actuator/health/guacd")).andExpect(jsonPath("$.status").exists())
                .andExpect(jsonPath("$.components").doesNotExist());
    }

    @Test
    void aSignedInResearcherSeesNoDetailsEither() throws Exception {
        String body = mvc.perform(get("/actuator/health/cluster").with(user("researcher")))
                .andReturn().getResponse().getContentAsString();
        assertThat(body).isEqualTo("{\"status\":\"DOWN\"}");
    }

    @Test
    void anAdminSeesWhyNoReplicaCanLeadAndTheOtherGroupsDetails() throws Exception {
        mvc.perform(get("/actuator/health/cluster").with(user("admin")))
                .andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.components.clusterLeadership.status").value("DOWN"))
                .andExpect(jsonPath("$.components.clusterLeadership.details.reason").value(
                        org.hamcrest.Matchers.allOf(org.hamcrest.Matchers.containsString("403"),
                                org.hamcrest.Matchers.containsString("leases in namespace enclave-system"),
                                org.hamcrest.Matchers.containsString("Nothing is being applied"))))
                .andExpect(jsonPath("$.components.clusterConnection.status").value("UP"))
                .andExpect(jsonPath("$.components.clusterConnection.details.simulated").value(true));
        mvc.perform(get("/actuator/health/vault").with(user("admin")))
                .andExpect(jsonPath("$.components.secretStore.details.store").value("demo"));
        mvc.perform(get("/actuator/health/guacd").with(user("admin")))
                .andExpect(jsonPath("$.components.guacdConnection.details.address").exists());
    }

    @Test
    void theProjectPageTheStatusApiAndTheStartupReportSayNothingIsBeingAppliedAndWhy() throws Exception {
        Project project = fixtures.activeProject("halted");

        mvc.perform(get("/api/v1/projects/" + project.slug() + "/cluster").with(as("researcher")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.applying").value(false))
                .andExpect(jsonPath("$.notApplyingBecause").value(org.hamcrest.Matchers.containsString("403")));
        String page = mvc.perform(get("/projects/" + project.slug()).with(user("researcher")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(Jsoup.parse(page).getElementById("cluster-not-applying")).isNotNull()
                .satisfies(e -> assertThat(e.text()).contains("Nothing is being applied to the cluster")
                        .contains("leases in namespace enclave-system"));
        assertThat(notices.stream().map(StartupNotice::notice).flatMap(Optional::stream).toList())
                .singleElement().satisfies(notice -> assertThat(notice)
                        .contains("nothing is being applied to the cluster").contains("403"));
    }
}
