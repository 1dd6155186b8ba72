package eu.enclave.orchestrator.project;

import static eu.enclave.orchestrator.support.Fixtures.as;
import static eu.enclave.orchestrator.support.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import eu.enclave.orchestrator.support.Fixtures;
import eu.enclave.orchestrator.support.Fixtures.Audited;
import eu.enclave.orchestrator.support.OrchestratorApiTest;
import java.util.List;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** A project's life through the API: creation, its PI, every transition of the table, edits, and their audit. */
@OrchestratorApiTest
class ProjectLifecycleTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Test
    void createdAsDraftWithItsPrincipalInvestigatorAndAudited() throws Exception {
        String slug = Fixtures.newSlug("life");
        mvc.perform(post("/api/v1/projects").with(as("admin")).contentType(MediaType.APPLICATION_JSON).content("""
                        {"slug": "%s", "title": "  Cohort study  ", "description": "About hearts",
                         "legalBasis": "MR-004", "impactAssessment": "DPIA-7", "startDate": "%s", "endDate": "%s",
                         "principalInvestigator": "pi"}""".formatted(slug, fixtures.today(), fixtures.today().plusYears(1))))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/v1/projects/" + slug))
                .andExpect(jsonPath("$.slug").value(slug))
                .andExpect(jsonPath("$.title").value("Cohort study"))
                .andExpect(jsonPath("$.status").value("draft"))
                .andExpect(jsonPath("$.transitions", Matchers.contains("active")));

        mvc.perform(get("/api/v1/projects/{slug}/members", slug).with(as("admin")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].username", Matchers.contains("pi")))
                .andExpect(jsonPath("$[0].role").value("pi"))
                .andExpect(jsonPath("$[0].active").value(true));
        mvc.perform(get("/api/v1/projects/{slug}", slug).with(as("pi")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.myRoles", Matchers.contains("pi")))
                .andExpect(jsonPath("$.transitions", Matchers.empty()));

        List<Audited> audit = fixtures.auditFor(slug);
        assertThat(audit).extracting(Audited::action).containsExactly("project.created", "member.added");
        assertThat(audit).extracting(Audited::actor).containsOnly("admin");
        assertThat(audit.get(0).target()).isEqualTo("project:" + slug);
        assertThat(audit.get(0).details()).contains("\"title\":\"Cohort study\"", "\"legalBasis\":\"MR-004\"");
        assertThat(audit.get(1).target()).isEqualTo("user:" + fixtures.user("pi").id());
        assertThat(audit.get(1).details()).contains("\"role\":\"pi\"", "\"username\":\"pi\"");
    }

    @Test
    void everyTransitionOfTheTableIsAuditedWithItsName() throws Exception {
        String slug = fixtures.draftProject("life").slug();
        long before = fixtures.auditHead();

        changeStatus(slug, "active").andExpect(status().isOk()).andExpect(jsonPath("$.status").value("active"))
                .andExpect(jsonPath("$.transitions", Matchers.contains("suspended")));
        changeStatus(slug, "suspended").andExpect(status().isOk()).andExpect(jsonPath("$.status").value("suspended"))
                .andExpect(jsonPath("$.transitions", Matchers.containsInAnyOrder("active", "archived")));
        changeStatus(slug, "active").andExpect(status().isOk()).andExpect(jsonPath("$.status").value("active"));
        changeStatus(slug, "suspended").andExpect(status().isOk());
        changeStatus(slug, "archived").andExpect(status().isOk()).andExpect(jsonPath("$.status").value("archived"))
                .andExpect(jsonPath("$.transitions", Matchers.empty()));

        // the cluster module's own entries (cluster.applied after the activation) are tested with it
        List<Audited> audit = fixtures.auditAfter(before).stream()
                .filter(a -> a.action().startsWith("project.")).toList();
        assertThat(audit).extracting(Audited::action).containsExactly("project.activated", "project.suspended",
                "project.reactivated", "project.suspended", "project.archived");
        assertThat(audit).extracting(Audited::project).containsOnly(slug);
        assertThat(audit).extracting(Audited::actor).containsOnly("admin");
        assertThat(audit.get(0).details()).contains("\"from\":\"draft\"", "\"to\":\"active\"", "\"reason\":\"test\"");
        assertThat(fixtures.status(slug)).isEqualTo("archived");
    }

    @Test
    void transitionsOutsideTheTableAreRefused() throws Exception {
        String draft = fixtures.draftProject("life").slug();
        assertRejected(mvc, fixtures, statusChange(draft, "suspended"), 409, "status");
        assertRejected(mvc, fixtures, statusChange(draft, "archived"), 409, "status");
        assertRejected(mvc, fixtures, statusChange(draft, "draft"), 409, "status");

        String active = fixtures.activeProject("life").slug();
        assertRejected(mvc, fixtures, statusChange(active, "active"), 409, "status");
        assertRejected(mvc, fixtures, statusChange(active, "archived"), 409, "status");
        assertRejected(mvc, fixtures, statusChange(active, "draft"), 409, "status");

        String archived = fixtures.projectInStatus("life", ProjectStatus.ARCHIVED).slug();
        for (String target : List.of("active", "suspended", "draft", "archived")) {
            assertRejected(mvc, fixtures, statusChange(archived, target), 409, "status");
        }
        assertThat(fixtures.status(draft)).isEqualTo("draft");
        assertThat(fixtures.status(active)).isEqualTo("active");
        assertThat(fixtures.status(archived)).isEqualTo("archived");
    }

    @Test
    void aProjectWhoseEndDatePassedCannotBeActivated() throws Exception {
        String slug = Fixtures.newSlug("ended");
        mvc.perform(post("/api/v1/projects").with(as("admin")).contentType(MediaType.APPLICATION_JSON).content("""
                        {"slug": "%s", "title": "Over", "legalBasis": "MR-004", "startDate": "%s", "endDate": "%s"}"""
                        .formatted(slug, fixtures.today().minusYears(1), fixtures.today().minusDays(1))))
                .andExpect(status().isCreated());

        String body = assertRejected(mvc, fixtures, statusChange(slug, "active"), 409, "status");
        assertThat(body).contains(fixtures.today().minusDays(1).toString());

        mvc.perform(patch("/api/v1/projects/{slug}", slug).with(as("admin")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"endDate\": \"%s\"}".formatted(fixtures.today()))).andExpect(status().isOk());
        changeStatus(slug, "active").andExpect(status().isOk());
    }

    @Test
    void patchEditsOnlyTheGivenFieldsAndAuditsThem() throws Exception {
        String slug = fixtures.draftProject("edit").slug();
        long before = fixtures.auditHead();

        String response = mvc.perform(patch("/api/v1/projects/{slug}", slug).with(as("admin"))
                        .contentType("application/merge-patch+json")
                        .content("{\"title\": \"New title\", \"description\": \"New words\", \"endDate\": \"%s\"}"
                                .formatted(fixtures.today().plusYears(2))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.title").value("New title"))
                .andExpect(jsonPath("$.description").value("New words"))
                .andExpect(jsonPath("$.legalBasis").value("MR-004 (test)"))
                .andExpect(jsonPath("$.slug").value(slug))
                .andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<String>read(response, "$.endDate")).isEqualTo(fixtures.today().plusYears(2).toString());

        mvc.perform(get("/api/v1/projects/{slug}", slug).with(as("researcher")))
                .andExpect(jsonPath("$.title").value("New title"));
        List<Audited> audit = fixtures.auditAfter(before);
        assertThat(audit).extracting(Audited::action).containsExactly("project.updated");
        assertThat(audit.get(0).actor()).isEqualTo("admin");
        assertThat(audit.get(0).project()).isEqualTo(slug);
        assertThat(audit.get(0).details()).contains("\"title\":\"New title\"", "\"description\":\"(changed)\"",
                "\"endDate\":\"" + fixtures.today().plusYears(2) + "\"").doesNotContain("New words", "legalBasis");

        long afterEdit = fixtures.auditHead();
        mvc.perform(patch("/api/v1/projects/{slug}", slug).with(as("admin")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"title\": \"New title\"}")).andExpect(status().isOk());
        assertThat(fixtures.auditHead()).as("an edit that changes nothing is not audited").isEqualTo(afterEdit);
    }

    @Test
    void anArchivedProjectCannotBeEdited() throws Exception {
        String slug = fixtures.projectInStatus("arch", ProjectStatus.ARCHIVED).slug();
        assertRejected(mvc, fixtures, patch("/api/v1/projects/{slug}", slug).with(as("admin"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"title\": \"Too late\"}"), 409, "status");
    }

    @Test
    void theListShowsEachCallerTheProjectsTheyMaySee() throws Exception {
        String slug = fixtures.draftProject("list").slug();
        for (String user : List.of("admin", "steward", "pi", "researcher", "reviewer")) {
            mvc.perform(get("/api/v1/projects").with(as(user)))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$[*].slug", Matchers.hasItem(slug)));
        }
        mvc.perform(get("/api/v1/projects").with(as("outsider")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].slug", Matchers.not(Matchers.hasItem(slug))));
        mvc.perform(get("/api/v1/projects").with(as("researcher")))
                .andExpect(jsonPath("$[?(@.slug == '%s')].myRoles[*]".formatted(slug), Matchers.contains("researcher")));
    }

    private ResultActions changeStatus(String slug, String target) throws Exception {
        return mvc.perform(statusChange(slug, target));
    }

    private static MockHttpServletRequestBuilder statusChange(String slug, String target) {
        return post("/api/v1/projects/{slug}/status", slug).with(as("admin")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"status\": \"%s\", \"reason\": \"test\"}".formatted(target));
    }
}
