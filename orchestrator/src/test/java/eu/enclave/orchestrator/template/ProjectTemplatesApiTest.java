package eu.enclave.orchestrator.template;

import static eu.enclave.orchestrator.support.Fixtures.as;
import static eu.enclave.orchestrator.support.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import eu.enclave.orchestrator.project.Project;
import eu.enclave.orchestrator.project.ProjectRepository;
import eu.enclave.orchestrator.project.ProjectStatus;
import eu.enclave.orchestrator.support.Fixtures;
import eu.enclave.orchestrator.support.Fixtures.Audited;
import eu.enclave.orchestrator.support.OrchestratorApiTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The catalogue and each project's choice of templates through the API, and what the workspace feature reads. */
@OrchestratorApiTest
class ProjectTemplatesApiTest {

    private static final String BOTH = "{\"templates\": [\"linux-desktop-gpu\", \"linux-desktop\"]}";

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    ProjectTemplates projectTemplates;
    @Autowired
    ProjectRepository projects;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void anyoneSignedInReadsTheCatalogue() throws Exception {
        mvc.perform(get("/api/v1/workspace-templates").with(as("outsider")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.templates[*].id").value(org.hamcrest.Matchers.contains("linux-desktop",
                        "linux-desktop-gpu")))
                .andExpect(jsonPath("$.templates[0].displayName.fr").value("Bureau Linux (R, RStudio, Python, JupyterLab)"))
                .andExpect(jsonPath("$.templates[0].protocol").value("vnc"))
                .andExpect(jsonPath("$.templates[0].port").value(5901))
                .andExpect(jsonPath("$.templates[0].gpu").value(false))
                .andExpect(jsonPath("$.templates[0].image").value(org.hamcrest.Matchers.startsWith(
                        "registry.enclave.example/workspaces/linux-desktop:")))
                .andExpect(jsonPath("$.templates[0].resources.default.cpu").value("2"))
                .andExpect(jsonPath("$.templates[0].resources.maximum.memory").value("32Gi"))
                .andExpect(jsonPath("$.templates[0].mounts.outbox").value("/outbox"))
                .andExpect(jsonPath("$.templates[1].gpu").value(true))
                .andExpect(jsonPath("$.templates[1].resources.maximum.gpu").value(2));
        mvc.perform(get("/api/v1/workspace-templates")).andExpect(status().isUnauthorized());
    }

    @Test
    void theDemoProjectAllowsTheLinuxDesktop() throws Exception {
        Project demo = projects.findBySlug("demo").orElseThrow();

        assertThat(projectTemplates.allowed(demo.id())).extracting(WorkspaceTemplate::id)
                .containsExactly("linux-desktop");
        mvc.perform(get("/api/v1/projects/demo/templates").with(as("researcher")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.templates").value(
                        org.hamcrest.Matchers.contains("linux-desktop")));
    }

    @Test
    void anAdminChoosesTheTemplatesAuditedWithBeforeAndAfter() throws Exception {
        Project project = fixtures.activeProject("tpl");
        assertThat(projectTemplates.allowed(project.id())).isEmpty();
        assertThat(projectTemplates.isAllowed(project.id(), "linux-desktop")).isFalse();
        long head = fixtures.auditHead();

        mvc.perform(putJson(project.slug(), BOTH))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.templates").value(org.hamcrest.Matchers.contains("linux-desktop",
                        "linux-desktop-gpu")));
        mvc.perform(putJson(project.slug(), "{\"templates\": [\"linux-desktop\"]}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.templates").value(org.hamcrest.Matchers.contains("linux-desktop")));

        mvc.perform(get("/api/v1/projects/{s}/templates", project.slug()).with(as("pi")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.templates").value(org.hamcrest.Matchers.contains("linux-desktop")));
        assertThat(projectTemplates.isAllowed(project.id(), "linux-desktop")).isTrue();
        assertThat(projectTemplates.isAllowed(project.id(), "linux-desktop-gpu")).isFalse();
        assertThat(projectTemplates.isAllowed(project.id(), null)).isFalse();
        List<Audited> audited = fixtures.auditAfter(head);
        assertThat(audited).extracting(Audited::action)
                .containsExactly("project.templates_changed", "project.templates_changed");
        assertThat(audited.get(0).actor()).isEqualTo("admin");
        assertThat(audited.get(0).target()).isEqualTo("project:" + project.slug());
        assertThat(JsonPath.<List<String>>read(audited.get(0).details(), "$.before")).isEmpty();
        assertThat(JsonPath.<List<String>>read(audited.get(0).details(), "$.after"))
                .containsExactly("linux-desktop", "linux-desktop-gpu");
        assertThat(JsonPath.<List<String>>read(audited.get(1).details(), "$.before"))
                .containsExactly("linux-desktop", "linux-desktop-gpu");
        assertThat(JsonPath.<List<String>>read(audited.get(1).details(), "$.after")).containsExactly("linux-desktop");
    }

    @Test
    void theSameListAgainChangesNothingAndIsNotAudited() throws Exception {
        Project project = fixtures.draftProject("tps");
        mvc.perform(putJson(project.slug(), BOTH)).andExpect(status().isOk());
        long head = fixtures.auditHead();

        mvc.perform(putJson(project.slug(), "{\"templates\": [\"linux-desktop\", \"linux-desktop-gpu\"]}"))
                .andExpect(status().isOk());
        mvc.perform(putJson(project.slug(), "{\"templates\": []}")).andExpect(status().isOk())
                .andExpect(jsonPath("$.templates").isEmpty());

        assertThat(fixtures.auditAfter(head)).extracting(Audited::action).containsExactly("project.templates_changed");
        assertThat(projectTemplates.allowed(project.id())).isEmpty();
    }

    @Test
    void anUnknownTemplateIsRefusedNamingTheFieldAndTheId() throws Exception {
        Project project = fixtures.draftProject("tpu");

        String body = rejected(project, "{\"templates\": [\"linux-desktop\", \"windows-desktop\"]}", 400);

        assertThat(JsonPath.<String>read(body, "$.errors[0].reason"))
                .isEqualTo("unknown template 'windows-desktop'; the catalogue has: linux-desktop, linux-desktop-gpu");
        assertThat(rowsOf(project)).isZero();
    }

    @Test
    void aMalformedListIsRefusedAndNothingIsWritten() throws Exception {
        Project project = fixtures.draftProject("tpm");
        mvc.perform(putJson(project.slug(), "{\"templates\": [\"linux-desktop\"]}")).andExpect(status().isOk());

        assertThat(reason(rejected(project, "{}", 400))).startsWith("is required");
        assertThat(reason(rejected(project, "{\"templates\": null}", 400))).startsWith("is required");
        assertThat(reason(rejected(project, "{\"templates\": [\"linux-desktop\", \"linux-desktop\"]}", 400)))
                .isEqualTo("lists 'linux-desktop' more than once");
        assertThat(reason(rejected(project, "{\"templates\": [\"\"]}", 400))).contains("not empty values");
        assertThat(reason(rejected(project, "{\"templates\": [null]}", 400))).contains("not empty values");
        assertThat(reason(rejected(project, "{\"templates\": [\"x\\t" + "y".repeat(200) + "\"]}", 400)))
                .startsWith("unknown template 'x?yyy").contains("…'").doesNotContain("\t");
        assertThat(reason(rejected(project, "{\"templates\": [\"linux-desktop\\u0000\"]}", 400, "templates[0]")))
                .contains("without NUL");
        assertThat(projectTemplates.allowed(project.id())).extracting(WorkspaceTemplate::id)
                .containsExactly("linux-desktop");
    }

    @Test
    void anArchivedProjectsTemplatesAreReadOnly() throws Exception {
        Project project = fixtures.projectInStatus("tpa", ProjectStatus.ARCHIVED);

        rejected(project, BOTH, 409, "status");
        mvc.perform(get("/api/v1/projects/{s}/templates", project.slug()).with(as("steward")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.templates").isEmpty());
    }

    @Test
    void aTemplateGoneFromTheCatalogueAllowsNothing() {
        Project project = fixtures.draftProject("tpg");
        jdbc.update("INSERT INTO project_templates (project_id, template_id, allowed_by, allowed_at)"
                + " VALUES (?, 'retired-desktop', 'admin', now())", project.id());

        assertThat(projectTemplates.isAllowed(project.id(), "retired-desktop")).isFalse();
        assertThat(projectTemplates.allowed(project.id())).isEmpty();
    }

    private String rejected(Project project, String body, int status, String... fields) throws Exception {
        long head = fixtures.auditHead();
        int rows = rowsOf(project);
        String answer = assertRejected(mvc, fixtures, putJson(project.slug(), body), status,
                fields.length == 0 ? new String[] {"templates"} : fields);
        assertThat(fixtures.auditHead()).isEqualTo(head);
        assertThat(rowsOf(project)).isEqualTo(rows);
        return answer;
    }

    private static String reason(String body) {
        return JsonPath.read(body, "$.errors[0].reason");
    }

    private int rowsOf(Project project) {
        return jdbc.queryForObject("SELECT count(*) FROM project_templates WHERE project_id = ?", Integer.class,
                project.id());
    }

    private static MockHttpServletRequestBuilder putJson(String slug, String body) {
        return put("/api/v1/projects/{s}/templates", slug).with(as("admin")).contentType(MediaType.APPLICATION_JSON)
                .content(body);
    }
}
