package eu.enclave.orchestrator.workspace;

import static eu.enclave.orchestrator.support.Fixtures.as;
import static eu.enclave.orchestrator.support.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import eu.enclave.orchestrator.project.Project;
import eu.enclave.orchestrator.project.ProjectStatus;
import eu.enclave.orchestrator.support.Fixtures;
import eu.enclave.orchestrator.support.OrchestratorApiTest;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Each refused workspace request: a 4xx naming the field, nothing in the database or the audit trail, and
 * nothing on the cluster.
 */
@OrchestratorApiTest
class WorkspaceBadInputTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    KubernetesClient cluster;

    @Autowired
    WorkspaceService service;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aTemplateTheProjectMayNotUse() throws Exception {
        Project project = fixtures.workspaceProject("wsb-template");
        refused(project, create(project, "researcher", "{\"name\": \"a\", \"template\": \"windows-xp\"}"), 400,
                "template");
        refused(project, create(project, "researcher", "{\"name\": \"a\"}"), 400, "template");
        // in the catalogue, but not chosen for this project by an admin
        refused(project, create(project, "researcher", "{\"name\": \"a\", \"template\": \"linux-desktop-gpu\"}"),
                400, "template");
        Project none = fixtures.activeProject("wsb-no-template");
        refused(none, create(none, "researcher", "{\"name\": \"a\", \"template\": \"linux-desktop\"}"), 400,
                "template");
    }

    @Test
    void sizesAboveTheTemplatesMaximum() throws Exception {
        Project project = fixtures.workspaceProject("wsb-max");
        refused(project, create(project, "researcher", body("a", "{\"cpu\": \"64\"}")), 400, "size.cpu");
        refused(project, create(project, "researcher", body("a", "{\"memory\": \"1Ti\"}")), 400, "size.memory");
        refused(project, create(project, "researcher", body("a", "{\"gpus\": 1}")), 400, "size.gpus");
        refused(project, create(project, "researcher", body("a", "{\"cpu\": \"two\"}")), 400, "size.cpu");
        refused(project, create(project, "researcher", body("a", "{\"memory\": \"0\"}")), 400, "size.memory");
        refused(project, create(project, "researcher", body("a", "{\"gpus\": -1}")), 400, "size.gpus");
    }

    @Test
    void aSizeBeyondTheProjectsQuotaWithItsRunningWorkspaces() throws Exception {
        Project project = fixtures.workspaceProject("wsb-quota");
        // the default quota is 8 CPUs and 32Gi; the template allows 4 CPUs and 16Gi per workspace
        service.create(fixtures.user("researcher"), project.slug(), new NewWorkspace("one", "linux-desktop",
                new NewWorkspace.SizeInput("4", "16Gi", 0)));
        service.create(fixtures.user("pi"), project.slug(), new NewWorkspace("two", "linux-desktop",
                new NewWorkspace.SizeInput("4", "8Gi", 0)));
        String body = assertRejected(mvc, fixtures, create(project, "researcher", body("three", "{\"cpu\": \"500m\"}")),
                400, "size.cpu");
        assertThat(body).contains("quota");
        assertThat(cluster.apps().statefulSets().inNamespace(namespace(project)).withName("ws-three").get()).isNull();
        // a stopped workspace does not count, but starting it again counts it
        service.stop(fixtures.user("pi"), project.slug(), "two");
        service.create(fixtures.user("researcher"), project.slug(), new NewWorkspace("three", "linux-desktop",
                new NewWorkspace.SizeInput("1", "1Gi", 0)));
        service.observe(project.id(), "two", WorkspaceStatus.STOPPED, "");
        assertRejected(mvc, fixtures, post("/api/v1/projects/{slug}/workspaces/two/start", project.slug())
                .with(as("pi")), 400, "size.cpu");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Analysis", "my_desktop", "-lead", "trail-", "1st", "a.b", "é", "",
            "abcdefghijklmnopqrstuvwxyz01234"})
    void namesThatAreNotShortDnsLabels(String name) throws Exception {
        Project project = fixtures.workspaceProject("wsb-name");
        refused(project, create(project, "researcher", "{\"name\": \"" + name + "\", \"template\": \"linux-desktop\"}"),
                400, "name");
    }

    @Test
    void aNameAlreadyUsedInTheProjectEvenByAnotherResearcher() throws Exception {
        Project project = fixtures.workspaceProject("wsb-dup");
        new WorkspaceFixtures(fixtures, service).started(project, "pi", "shared");
        assertRejected(mvc, fixtures, create(project, "researcher", body("shared", "{}")), 409, "name");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM workspaces WHERE project_id = ?", Long.class,
                project.id())).isOne();
    }

    @Test
    void anotherResearchersWorkspaceDoesNotExistForThem() throws Exception {
        Project project = fixtures.workspaceProject("wsb-other");
        new WorkspaceFixtures(fixtures, service).stopped(project, "pi", "pis");
        String slug = project.slug();
        for (MockHttpServletRequestBuilder request : new MockHttpServletRequestBuilder[] {
                get("/api/v1/projects/{slug}/workspaces/pis", slug),
                post("/api/v1/projects/{slug}/workspaces/pis/start", slug),
                post("/api/v1/projects/{slug}/workspaces/pis/stop", slug),
                delete("/api/v1/projects/{slug}/workspaces/pis", slug)}) {
            assertRejected(mvc, fixtures, request.with(as("researcher")), 404, "name");
        }
        assertThat(service.get(fixtures.user("pi"), slug, "pis").status()).isEqualTo(WorkspaceStatus.STOPPED);
        assertThat(cluster.apps().statefulSets().inNamespace(namespace(project)).withName("ws-pis").get()
                .getSpec().getReplicas()).isZero();
    }

    @Test
    void aProjectThatIsNotActive() throws Exception {
        for (ProjectStatus status : new ProjectStatus[] {ProjectStatus.DRAFT, ProjectStatus.SUSPENDED}) {
            Project project = fixtures.projectInStatus("wsb-inactive", status);
            refused(project, create(project, "researcher", body("late", "{}")), 409, "status");
        }
    }

    @Test
    void aReviewerOrAnAdminWhoIsNotAResearcherThere() throws Exception {
        Project project = fixtures.workspaceProject("wsb-role");
        refused(project, create(project, "reviewer", body("r", "{}")), 403);
        refused(project, create(project, "admin", body("r", "{}")), 403);
        refused(project, create(project, "outsider", body("r", "{}")), 404);
    }

    private void refused(Project project, MockHttpServletRequestBuilder request, int status, String... fields)
            throws Exception {
        assertRejected(mvc, fixtures, request, status, fields);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM workspaces WHERE project_id = ?", Long.class,
                project.id())).as("no workspace stored").isZero();
        String ns = namespace(project);
        assertThat(cluster.apps().statefulSets().inNamespace(ns).list().getItems()).as("no StatefulSet").isEmpty();
        assertThat(cluster.services().inNamespace(ns).list().getItems()).as("no Service").isEmpty();
        assertThat(cluster.secrets().inNamespace(ns).list().getItems()).as("no Secret").isEmpty();
        assertThat(cluster.persistentVolumeClaims().inNamespace(ns).list().getItems())
                .as("no home volume").noneMatch(c -> c.getMetadata().getName().startsWith("home-"));
    }

    private static MockHttpServletRequestBuilder create(Project project, String user, String body) {
        return post("/api/v1/projects/{slug}/workspaces", project.slug()).with(as(user))
                .contentType(MediaType.APPLICATION_JSON).content(body);
    }

    private static String body(String name, String size) {
        return "{\"name\": \"" + name + "\", \"template\": \"linux-desktop\", \"size\": " + size + "}";
    }

    private static String namespace(Project project) {
        return "enclave-" + project.slug();
    }
}
