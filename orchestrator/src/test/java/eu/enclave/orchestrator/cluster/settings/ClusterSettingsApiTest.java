package eu.enclave.orchestrator.cluster.settings;

import static eu.enclave.orchestrator.support.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import eu.enclave.orchestrator.cluster.ClusterSpecSource;
import eu.enclave.orchestrator.cluster.Mirror;
import eu.enclave.orchestrator.cluster.ProjectClusterSpec;
import eu.enclave.orchestrator.cluster.ProjectQuota;
import eu.enclave.orchestrator.project.Project;
import eu.enclave.orchestrator.project.ProjectStatus;
import eu.enclave.orchestrator.support.Fixtures;
import eu.enclave.orchestrator.support.Fixtures.Audited;
import eu.enclave.orchestrator.support.OrchestratorApiTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** Reading and replacing a project's quota and mirrors through the API, and what the cluster then gets. */
@OrchestratorApiTest
class ClusterSettingsApiTest {

    static final String QUOTA = """
            {"cpu": "16", "memory": "64Gi", "gpus": 2, "pods": 30, "pvcs": 40, "storage": "2Ti"}""";
    static final String MIRRORS = """
            {"mirrors": [
              {"name": "cran", "cidr": "10.20.0.5", "port": 443, "hostname": "CRAN.mirror.internal"},
              {"name": "pypi", "cidr": "2001:db8:0:0:0:0:0:0/64", "port": 3128}]}""";

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ClusterSpecSource specs;

    @Test
    void aNewProjectHasTheDefaultQuotaAndNoMirror() throws Exception {
        Project project = fixtures.draftProject("qd");
        ProjectQuota d = ProjectQuota.DEFAULT;

        mvc.perform(get("/api/v1/projects/{s}/quota", project.slug()).with(as("researcher")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.cpu").value(d.cpu())).andExpect(jsonPath("$.memory").value(d.memory()))
                .andExpect(jsonPath("$.gpus").value(d.gpus())).andExpect(jsonPath("$.pods").value(d.pods()))
                .andExpect(jsonPath("$.pvcs").value(d.pvcs())).andExpect(jsonPath("$.storage").value(d.storage()))
                .andExpect(jsonPath("$.default").value(true));
        mvc.perform(get("/api/v1/projects/{s}/mirrors", project.slug()).with(as("steward")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.mirrors").isEmpty());
        assertThat(specs.specOf(project))
                .isEqualTo(new ProjectClusterSpec(project.id(), project.slug(), ProjectQuota.DEFAULT, List.of()));
    }

    @Test
    void anAdminReplacesTheQuotaAuditedWithOldAndNewValues() throws Exception {
        Project project = fixtures.activeProject("qu");
        long head = fixtures.auditHead();

        mvc.perform(putJson("/api/v1/projects/{s}/quota", project.slug(), QUOTA))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.cpu").value("16")).andExpect(jsonPath("$.default").value(false));

        mvc.perform(get("/api/v1/projects/{s}/quota", project.slug()).with(as("pi")))
                .andExpect(jsonPath("$.memory").value("64Gi")).andExpect(jsonPath("$.gpus").value(2))
                .andExpect(jsonPath("$.pods").value(30)).andExpect(jsonPath("$.pvcs").value(40))
                .andExpect(jsonPath("$.storage").value("2Ti")).andExpect(jsonPath("$.default").value(false));
        List<Audited> audited = fixtures.auditAfter(head);
        // the change, then its application to the (active) project's namespace, at once
        assertThat(audited).extracting(Audited::action).containsExactly("project.quota_changed", "cluster.applied");
        Audited entry = audited.get(0);
        assertThat(entry.actor()).isEqualTo("admin");
        assertThat(entry.project()).isEqualTo(project.slug());
        assertThat(JsonPath.<Map<String, Object>>read(entry.details(), "$.old"))
                .containsEntry("cpu", "8").containsEntry("memory", "32Gi").containsEntry("pods", 10);
        assertThat(JsonPath.<Map<String, Object>>read(entry.details(), "$.new"))
                .containsEntry("cpu", "16").containsEntry("memory", "64Gi").containsEntry("gpus", 2)
                .containsEntry("pods", 30).containsEntry("pvcs", 40).containsEntry("storage", "2Ti");
        assertThat(specs.specOf(project).quota()).isEqualTo(new ProjectQuota("16", "64Gi", 2, 30, 40, "2Ti"));

        long afterChange = fixtures.auditHead();
        mvc.perform(putJson("/api/v1/projects/{s}/quota", project.slug(), QUOTA)).andExpect(status().isOk());
        assertThat(fixtures.auditAfter(afterChange)).as("the same values again change and audit nothing").isEmpty();
    }

    @Test
    void anAdminReplacesTheMirrorsInOrderWithCanonicalAddresses() throws Exception {
        Project project = fixtures.projectInStatus("mi", ProjectStatus.SUSPENDED);
        long head = fixtures.auditHead();

        mvc.perform(putJson("/api/v1/projects/{s}/mirrors", project.slug(), MIRRORS))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.mirrors[0].cidr").value("10.20.0.5/32"))
                .andExpect(jsonPath("$.mirrors[0].hostname").value("cran.mirror.internal"))
                .andExpect(jsonPath("$.mirrors[1].name").value("pypi"))
                .andExpect(jsonPath("$.mirrors[1].cidr").value("2001:db8::/64"));

        List<Mirror> expected = List.of(new Mirror("cran", "10.20.0.5/32", 443, "cran.mirror.internal"),
                new Mirror("pypi", "2001:db8::/64", 3128, null));
        assertThat(specs.specOf(project).mirrors()).isEqualTo(expected);
        mvc.perform(get("/api/v1/projects/{s}/mirrors", project.slug()).with(as("reviewer")))
                .andExpect(jsonPath("$.mirrors[0].name").value("cran"))
                .andExpect(jsonPath("$.mirrors[1].port").value(3128));
        List<Audited> audited = fixtures.auditAfter(head);
        assertThat(audited).extracting(Audited::action).containsExactly("project.mirrors_changed", "cluster.applied");
        assertThat(JsonPath.<List<Object>>read(audited.get(0).details(), "$.old")).isEmpty();
        assertThat(JsonPath.<List<String>>read(audited.get(0).details(), "$.new[*].name"))
                .containsExactly("cran", "pypi");
        assertThat(JsonPath.<List<String>>read(audited.get(0).details(), "$.new[*].cidr"))
                .containsExactly("10.20.0.5/32", "2001:db8::/64");

        long afterChange = fixtures.auditHead();
        mvc.perform(putJson("/api/v1/projects/{s}/mirrors", project.slug(), "{\"mirrors\": []}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.mirrors").isEmpty());
        assertThat(specs.specOf(project).mirrors()).isEmpty();
        assertThat(fixtures.auditAfter(afterChange)).extracting(Audited::action)
                .containsExactly("project.mirrors_changed", "cluster.applied");
        assertThat(fixtures.auditAfter(afterChange).get(0)).satisfies(e -> {
            assertThat(JsonPath.<List<String>>read(e.details(), "$.old[*].name")).containsExactly("cran", "pypi");
        });
    }

    @Test
    void settingsOfOneProjectAreNotAnother() throws Exception {
        Project changed = fixtures.draftProject("q1");
        Project untouched = fixtures.draftProject("q2");
        mvc.perform(putJson("/api/v1/projects/{s}/quota", changed.slug(), QUOTA)).andExpect(status().isOk());
        mvc.perform(putJson("/api/v1/projects/{s}/mirrors", changed.slug(), MIRRORS)).andExpect(status().isOk());

        assertThat(specs.specOf(untouched).quota()).isEqualTo(ProjectQuota.DEFAULT);
        assertThat(specs.specOf(untouched).mirrors()).isEmpty();
        assertThat(specs.specOf(changed).needsDns()).isTrue();
    }

    private static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder putJson(
            String path, String slug, String body) {
        return put(path, slug).with(as("admin")).contentType(MediaType.APPLICATION_JSON).content(body);
    }
}
