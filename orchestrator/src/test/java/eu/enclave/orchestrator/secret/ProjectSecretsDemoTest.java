package eu.enclave.orchestrator.secret;

import static eu.enclave.orchestrator.support.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.jayway.jsonpath.JsonPath;
import eu.enclave.orchestrator.support.Fixtures;
import eu.enclave.orchestrator.support.OrchestratorApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** Without Vault (the tests' default context), the store is the demo one and the API and page say so. */
@OrchestratorApiTest
class ProjectSecretsDemoTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    WorkspaceCredentials workspaces;

    @Test
    void theDemoStoreIsNamedAsSuchInTheApiAndOnThePage() throws Exception {
        String slug = fixtures.activeProject("demo-sec").slug();
        String password = workspaces.rotate(slug, "ws-1");

        String body = mvc.perform(get("/api/v1/projects/{slug}/secrets", slug).with(as("admin"))).andReturn()
                .getResponse().getContentAsString();
        String page = mvc.perform(get("/projects/{slug}/secrets", slug).with(user("admin"))).andReturn()
                .getResponse().getContentAsString();

        assertThat(JsonPath.<String>read(body, "$.store")).isEqualTo("demo");
        assertThat(JsonPath.<String>read(body, "$.storeDetail")).startsWith("demo-only");
        assertThat(page).contains("id=\"secret-store-demo\"").contains("projects/" + slug + "/workspaces/ws-1/desktop");
        assertThat(body + page).doesNotContain(password);
    }

    @Test
    void theProjectPageLinksToTheSecretsForAdminsOnly() throws Exception {
        String slug = fixtures.activeProject("demo-sec").slug();
        String link = "href=\"/projects/" + slug + "/secrets\"";

        assertThat(mvc.perform(get("/projects/{slug}", slug).with(user("admin"))).andReturn().getResponse()
                .getContentAsString()).contains(link);
        assertThat(mvc.perform(get("/projects/{slug}", slug).with(user("pi"))).andReturn().getResponse()
                .getContentAsString()).contains("project-title").doesNotContain(link);
    }
}
