package eu.enclave.orchestrator.cluster.settings;

import static eu.enclave.orchestrator.support.Fixtures.as;
import static eu.enclave.orchestrator.support.Rejections.assertRejected;
import static eu.enclave.orchestrator.support.PortalSessions.sameSession;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import com.jayway.jsonpath.JsonPath;
import eu.enclave.orchestrator.cluster.ClusterNames;
import eu.enclave.orchestrator.cluster.ClusterSettings;
import eu.enclave.orchestrator.cluster.connection.ClusterConnection;
import eu.enclave.orchestrator.project.Project;
import eu.enclave.orchestrator.project.ProjectStatus;
import eu.enclave.orchestrator.support.Fixtures;
import eu.enclave.orchestrator.support.OrchestratorApiTest;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceQuota;
import io.fabric8.kubernetes.api.model.ResourceQuotaStatusBuilder;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * A quota below what the namespace uses now is refused, naming each field and its use; the use comes from the
 * ResourceQuota's status, which a real API server fills in and the tests write into the simulated cluster.
 */
@OrchestratorApiTest
class QuotaBelowUseTest {

    private static final String QUOTA = """
            {"cpu": "%s", "memory": "%s", "gpus": 0, "pods": %d, "pvcs": 20, "storage": "500Gi"}""";

    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired ClusterConnection connection;
    @Autowired KubernetesClient client;
    @Autowired ClusterSettings settings;

    @AfterEach
    void clearExpectations() {
        connection.simulator().clearExpectations();
    }

    @Test
    void aQuotaBelowCurrentUseIsRefusedNamingEachFieldAndNothingIsWrittenOrApplied() throws Exception {
        Project project = fixtures.activeProject("qu");
        use(project, Map.of("requests.memory", "4Gi", "limits.memory", "6Gi", "pods", "7", "requests.cpu", "2"));
        ResourceQuota before = quota(project);

        String body = assertRejected(mvc, fixtures, quota(project, "4", "5Gi", 6), 409, "memory", "pods");

        assertThat(JsonPath.<List<String>>read(body, "$.errors[*].reason"))
                .containsExactly("below current use 6Gi (limits.memory)", "below current use 7 (pods)");
        assertThat(JsonPath.<String>read(body, "$.detail")).contains("memory: below current use 6Gi");
        assertThat(quota(project).getSpec()).as("nothing applied").isEqualTo(before.getSpec());
    }

    @Test
    void aQuotaAtOrAboveCurrentUseIsAcceptedWhateverTheSpelling() throws Exception {
        Project project = fixtures.activeProject("qu");
        use(project, Map.of("limits.memory", "6Gi", "pods", "7", "requests.cpu", "1500m"));

        MvcResult result = mvc.perform(quota(project, "1.5", "6144Mi", 7)).andReturn();

        assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(200);
        assertThat(quota(project).getSpec().getHard().get("limits.memory")).isEqualTo(new Quantity("6144Mi"));
    }

    @Test
    void whenTheUseCannotBeReadTheAnswerIs503AndNothingIsWritten() throws Exception {
        Project project = fixtures.activeProject("qu");
        connection.simulator().expect().get()
                .withPath("/api/v1/namespaces/" + namespace(project) + "/resourcequotas/project-quota")
                .andReturn(403, new StatusBuilder().withCode(403).withMessage("resourcequotas is forbidden").build())
                .always();

        String body = assertRejected(mvc, fixtures, quota(project, "4", "16Gi", 5), 503);

        assertThat(JsonPath.<String>read(body, "$.detail")).contains("could not be read").contains("HTTP 403");
    }

    @Test
    void aDraftHasNoNamespaceAndSoNoUseToCheck() throws Exception {
        Project project = fixtures.draftProject("qu");
        connection.simulator().expect().get()
                .withPath("/api/v1/namespaces/" + namespace(project) + "/resourcequotas/project-quota")
                .andReturn(403, new StatusBuilder().withCode(403).withMessage("must not be asked").build()).always();

        assertThat(mvc.perform(quota(project, "1", "1Gi", 1)).andReturn().getResponse().getStatus()).isEqualTo(200);
    }

    @Test
    void thePortalFormShowsTheRefusalBesideTheField() throws Exception {
        Project project = fixtures.activeProject("qu");
        use(project, Map.of("limits.memory", "6Gi"));

        MvcResult result = mvc.perform(post("/projects/{slug}/quota", project.slug()).param("cpu", "8")
                .param("memory", "4Gi").param("gpus", "0").param("pods", "10").param("pvcs", "20")
                .param("storage", "500Gi").with(user("admin")).with(csrf())).andReturn();

        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/projects/" + project.slug() + "#quota-form");
        String html = mvc.perform(get("/projects/{slug}", project.slug()).with(user("admin"))
                .with(sameSession(result))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        Document page = Jsoup.parse(html);
        assertThat(page.getElementById("quota-memory-error").text()).contains("below current use 6Gi");
        assertThat(page.getElementById("quota-memory").attr("value")).isEqualTo("4Gi");
        assertThat(quota(project).getSpec().getHard().get("limits.memory")).isEqualTo(new Quantity("32Gi"));
    }

    private void use(Project project, Map<String, String> used) {
        ResourceQuota quota = quota(project);
        quota.setStatus(new ResourceQuotaStatusBuilder().withHard(quota.getSpec().getHard())
                .withUsed(used.entrySet().stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey,
                        e -> new Quantity(e.getValue())))).build());
        client.resource(quota).updateStatus();
        assertThat(quota(project).getStatus().getUsed()).as("the simulated cluster keeps the status").isNotEmpty();
    }

    private ResourceQuota quota(Project project) {
        return client.resourceQuotas().inNamespace(namespace(project)).withName("project-quota").get();
    }

    private String namespace(Project project) {
        return ClusterNames.namespace(settings.namespacePrefix(), project.slug());
    }

    private static MockHttpServletRequestBuilder quota(Project project, String cpu, String memory, int pods) {
        return put("/api/v1/projects/{slug}/quota", project.slug()).with(as("admin"))
                .contentType(MediaType.APPLICATION_JSON).content(QUOTA.formatted(cpu, memory, pods));
    }
}
