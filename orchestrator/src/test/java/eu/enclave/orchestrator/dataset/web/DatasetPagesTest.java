package eu.enclave.orchestrator.dataset.web;

import static eu.enclave.orchestrator.support.PortalSessions.sameSession;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import eu.enclave.orchestrator.dataset.DatasetRepository;
import eu.enclave.orchestrator.project.ProjectDraft;
import eu.enclave.orchestrator.project.ProjectService;
import eu.enclave.orchestrator.project.ProjectStatus;
import eu.enclave.orchestrator.support.HtmlPages;
import eu.enclave.platform.identity.CurrentUser;
import eu.enclave.platform.identity.UserDirectory;
import java.time.LocalDate;
import java.util.UUID;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The dataset pages for the demo users: the catalogue and its registration form (admins), a project's datasets
 * page where stewards approve and revoke and members see what they may read. Same context as the portal tests.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class DatasetPagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    ProjectService projects;
    @Autowired
    UserDirectory users;
    @Autowired
    DatasetRepository datasets;

    @Test
    void theDemoProjectShowsItsSeededDatasetToItsResearcherWithoutDecisions() throws Exception {
        Document detail = page(get("/projects/demo").with(user("researcher")), 200);
        assertThat(detail.getElementById("datasets-link").attr("href")).isEqualTo("/projects/demo/datasets");

        Document page = page(get("/projects/demo/datasets").with(user("researcher")), 200);
        assertThat(page.select("#approvals tr[data-dataset]").eachAttr("data-dataset")).containsExactly("demo-cohort");
        assertThat(page.selectFirst("#approvals tr[data-dataset=demo-cohort]").text())
                .contains("/data/demo-cohort", "DEMO-PERMIT-001", "Current");
        assertThat(page.getElementById("approve-form")).isNull();
        assertThat(page.select("form[action*=/revoke]")).isEmpty();
        assertThat(page.text()).doesNotContain("nfs.demo.example");

        Document french = page(get("/projects/demo/datasets?lang=fr").with(user("researcher")), 200);
        assertThat(french.selectFirst("#approvals tr[data-dataset=demo-cohort]").text()).contains("En cours");
        assertThat(french.select("h1").text()).isEqualTo("Jeux de données");
    }

    @Test
    void aStewardApprovesAndRevokesOnThePageTheProjectsPiMayNotAndANonMemberGetsNotFound() throws Exception {
        String slug = createProject();
        page(get("/projects/" + slug + "/datasets").with(user("researcher")), 404);
        Document empty = page(get("/projects/" + slug + "/datasets").with(user("steward")), 200);
        assertThat(empty.getElementById("approvals-empty")).isNotNull();
        assertThat(empty.select("#approval-dataset option").eachAttr("value")).contains("demo-cohort");

        MockHttpServletResponse approved = perform(post("/projects/" + slug + "/datasets")
                .param("dataset", "demo-cohort").param("startDate", LocalDate.now().toString())
                .param("endDate", LocalDate.now().plusMonths(2).toString()).param("reference", "CNIL-DR-2026-7")
                .with(user("steward")).with(csrf()));
        assertThat(approved.getRedirectedUrl()).isEqualTo("/projects/" + slug + "/datasets");
        Document page = page(get("/projects/" + slug + "/datasets").with(user("steward")), 200);
        Element row = page.selectFirst("#approvals tr[data-dataset=demo-cohort]");
        assertThat(row.attr("data-state")).isEqualTo("current");
        String revokeAction = row.selectFirst("form").attr("action");

        perform(post(revokeAction).param("reason", "permit withdrawn").with(user("steward")).with(csrf()));

        Document after = page(get("/projects/" + slug + "/datasets").with(user("steward")), 200);
        assertThat(after.selectFirst("#approvals tr[data-dataset=demo-cohort]").attr("data-state")).isEqualTo("revoked");
        assertThat(after.selectFirst("#approvals tr[data-dataset=demo-cohort]").text()).contains("permit withdrawn");
        page(post(revokeAction).param("reason", "x").with(user("pi")).with(csrf()), 403);
        page(post(revokeAction).param("reason", "x").with(user("researcher")).with(csrf()), 404);
    }

    @Test
    void aRefusedApprovalComesBackWithItsErrorBesideTheField() throws Exception {
        String slug = createProject();
        MvcResult result = mvc.perform(post("/projects/" + slug + "/datasets").param("dataset", "demo-cohort")
                .param("startDate", LocalDate.now().plusDays(5).toString())
                .param("endDate", LocalDate.now().plusDays(2).toString()).param("reference", "P")
                .with(user("steward")).with(csrf())).andReturn();
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/projects/" + slug + "/datasets#approve");

        Document page = page(get("/projects/" + slug + "/datasets").with(user("steward"))
                .with(sameSession(result)), 200);
        assertThat(page.getElementById("approval-end-error").text()).contains("must not be before startDate");
        assertThat(page.getElementById("approvals-empty")).isNotNull();
    }

    @Test
    void anAdminRegistersADatasetOnTheCatalogueAndABadPathIsShownBesideItsField() throws Exception {
        String name = "pg-" + UUID.randomUUID().toString().substring(0, 8);
        Document bad = page(register(name, "exports/no-slash"), 400);
        assertThat(bad.getElementById("source-path-error").text()).contains("absolute path");
        assertThat(bad.getElementById("form-errors").text()).startsWith("The dataset was not registered");
        assertThat(datasets.nameExists(name)).isFalse();

        MockHttpServletResponse saved = perform(register(name, "/exports/pg"));
        assertThat(saved.getRedirectedUrl()).isEqualTo("/admin/datasets");
        Document catalogue = page(get("/admin/datasets").with(user("steward")), 200);
        assertThat(catalogue.selectFirst("#datasets tr[data-dataset=" + name + "]").text())
                .contains("Pseudonymised", "NFS export", "11");
        assertThat(catalogue.getElementById("dataset-form")).as("stewards read, admins register").isNull();
        assertThat(catalogue.getElementById("nav-datasets")).isNotNull();
    }

    @Test
    void researchersHaveNoCatalogue() throws Exception {
        page(get("/admin/datasets").with(user("researcher")), 403);
        assertThat(page(get("/").with(user("researcher")), 200).getElementById("nav-datasets")).isNull();
        page(register("pg-no", "/x", "steward"), 403);
    }

    private MockHttpServletRequestBuilder register(String name, String path) {
        return register(name, path, "admin");
    }

    private MockHttpServletRequestBuilder register(String name, String path, String username) {
        return post("/admin/datasets").param("name", name).param("owner", "CHU de Nantes")
                .param("tier", "pseudonymised").param("disclosure.minimumCellCount", "11")
                .param("source.kind", "nfs").param("source.server", "10.20.30.40").param("source.path", path)
                .param("source.driver", "ignored.for.nfs").with(user(username)).with(csrf());
    }

    private String createProject() {
        String slug = "t-" + UUID.randomUUID().toString().substring(0, 8);
        CurrentUser admin = users.findByUsername("admin").orElseThrow();
        projects.create(admin, new ProjectDraft(slug, "Pilot " + slug, "", "MR-004", "",
                LocalDate.now().minusDays(1), LocalDate.now().plusYears(1), "pi"));
        projects.changeStatus(admin, slug, ProjectStatus.ACTIVE, "test");
        return slug;
    }

    private MockHttpServletResponse perform(RequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse();
    }

    private Document page(RequestBuilder request, int status) throws Exception {
        return HtmlPages.render(mvc, request, status);
    }
}
