package eu.enclave.orchestrator.template;

import static eu.enclave.orchestrator.support.PortalSessions.sameSession;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import eu.enclave.orchestrator.project.Project;
import eu.enclave.orchestrator.project.ProjectStatus;
import eu.enclave.orchestrator.support.Fixtures;
import eu.enclave.orchestrator.support.HtmlPages;
import eu.enclave.orchestrator.support.OrchestratorApiTest;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The catalogue page and the templates section of a project's page, in English and French. */
@OrchestratorApiTest
class TemplatePagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    ProjectTemplates projectTemplates;

    @Test
    void theCatalogueListsEveryTemplateInTheUsersLanguage() throws Exception {
        Document english = page(get("/templates").with(user("researcher")), 200);
        Document french = page(get("/templates?lang=fr").with(user("researcher")), 200);

        assertThat(english.select("#templates tbody tr").eachAttr("data-template"))
                .containsExactly("linux-desktop", "linux-desktop-gpu");
        assertThat(english.select("[data-template=linux-desktop] [data-test=template-name]").text())
                .isEqualTo("Linux desktop (R, RStudio, Python, JupyterLab)");
        assertThat(english.select("[data-template=linux-desktop-gpu] td").eachText())
                .contains("VNC :5901", "4 CPU, 16Gi memory, 1 GPU", "16 CPU, 64Gi memory, 2 GPU", "Yes");
        assertThat(french.select("[data-template=linux-desktop] [data-test=template-name]").text())
                .isEqualTo("Bureau Linux (R, RStudio, Python, JupyterLab)");
        assertThat(french.getElementById("templates-title").text()).isEqualTo("Modèles d’espace de travail");
        assertThat(english.getElementById("nav-templates").attr("href")).isEqualTo("/templates");
    }

    @Test
    void membersSeeTheAllowedTemplatesAndOnlyAdminsTheForm() throws Exception {
        Project project = fixtures.activeProject("tpp");
        String url = "/projects/" + project.slug();

        Document empty = page(get(url).with(user("researcher")), 200);
        assertThat(empty.getElementById("project-templates-empty")).isNotNull();
        assertThat(empty.getElementById("project-templates-form")).isNull();
        assertThat(page(get(url).with(user("steward")), 200).getElementById("project-templates-form")).isNull();
        Document admin = page(get(url).with(user("admin")), 200);
        assertThat(admin.select("#project-templates-form input[name=templates]").eachAttr("value"))
                .containsExactly("linux-desktop", "linux-desktop-gpu");
        assertThat(admin.select("#project-templates-form input[checked]")).isEmpty();

        MockHttpServletResponse saved = perform(form(project, "admin", "linux-desktop-gpu"));
        assertThat(saved.getRedirectedUrl()).isEqualTo(url + "#project-templates");

        assertThat(projectTemplates.allowed(project.id())).extracting(WorkspaceTemplate::id)
                .containsExactly("linux-desktop-gpu");
        Document french = page(get(url + "?lang=fr").with(user("pi")), 200);
        assertThat(french.select("#project-templates-allowed li").eachAttr("data-template"))
                .containsExactly("linux-desktop-gpu");
        assertThat(french.getElementById("project-templates-heading").text())
                .isEqualTo("Modèles d’espace de travail");
        assertThat(page(get(url).with(user("admin")), 200).select("#project-templates-form input[checked]")
                .eachAttr("value")).containsExactly("linux-desktop-gpu");

        perform(form(project, "admin"));
        assertThat(projectTemplates.allowed(project.id())).isEmpty();
    }

    @Test
    void aRefusedChoiceIsShownAndOthersAreForbidden() throws Exception {
        Project project = fixtures.draftProject("tpr");
        long head = fixtures.auditHead();

        MvcResult result = mvc.perform(form(project, "admin", "windows-desktop")).andReturn();
        Document page = page(get("/projects/" + project.slug()).with(user("admin"))
                .with(sameSession(result)), 200);
        assertThat(page.getElementById("notice").text()).contains("The templates could not be saved.")
                .contains("unknown template 'windows-desktop'");

        Document refused = page(form(project, "pi", "linux-desktop"), 403);
        assertThat(refused.getElementById("error").attr("data-status")).isEqualTo("403");
        assertThat(fixtures.auditHead()).isEqualTo(head);
        assertThat(projectTemplates.allowed(project.id())).isEmpty();
    }

    @Test
    void anArchivedProjectShowsNoForm() throws Exception {
        Project project = fixtures.projectInStatus("tpx", ProjectStatus.ARCHIVED);

        Document page = page(get("/projects/" + project.slug()).with(user("admin")), 200);

        assertThat(page.getElementById("project-templates")).isNotNull();
        assertThat(page.getElementById("project-templates-form")).isNull();
    }

    private static MockHttpServletRequestBuilder form(Project project, String username, String... templates) {
        MockHttpServletRequestBuilder request = post("/projects/" + project.slug() + "/templates")
                .with(user(username)).with(csrf());
        return templates.length == 0 ? request : request.param("templates", templates);
    }

    private MockHttpServletResponse perform(RequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse();
    }

    private Document page(RequestBuilder request, int status) throws Exception {
        return HtmlPages.render(mvc, request, status);
    }
}
