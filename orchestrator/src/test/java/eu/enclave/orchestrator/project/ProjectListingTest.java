package eu.enclave.orchestrator.project;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import eu.enclave.platform.testing.TestDatabase;
import eu.enclave.platform.testing.TestDatabases;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * {@code GET /api/v1/projects} shows each caller their own current roles (read for all projects in one query)
 * and, to admins only, the transitions they may make. Demo mode, on a fresh database from TestDatabases.
 */
@SpringBootTest(properties = "enclave.lifecycle.check-interval=PT1H")
@AutoConfigureMockMvc
class ProjectListingTest {

    /** Dropped when the JVM exits: Spring's context cache may keep the context (and its pool) until then. */
    static final TestDatabase DATABASE = TestDatabases.create();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        DATABASE.springProperties().forEach((key, value) -> registry.add(key, () -> value));
    }

    @Autowired
    MockMvc mvc;

    @Test
    void aMemberSeesTheProjectsTheyBelongToWithTheirRole() throws Exception {
        mvc.perform(get("/api/v1/projects").with(httpBasic("researcher", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].slug").value("demo"))
                .andExpect(jsonPath("$[0].myRoles").value(org.hamcrest.Matchers.contains("researcher")))
                .andExpect(jsonPath("$[0].transitions").isEmpty());
        mvc.perform(get("/api/v1/projects").with(httpBasic("pi", "demo")))
                .andExpect(jsonPath("$[0].myRoles").value(org.hamcrest.Matchers.contains("pi")));
    }

    @Test
    void anAdminSeesEveryProjectAndTheTransitionsTheyMayMake() throws Exception {
        mvc.perform(get("/api/v1/projects").with(httpBasic("admin", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].slug").value("demo"))
                .andExpect(jsonPath("$[0].myRoles").isEmpty())
                .andExpect(jsonPath("$[0].transitions").value(org.hamcrest.Matchers.contains("suspended")));
    }

    @Test
    void aStewardSeesEveryProjectWithoutRoleOrTransitions() throws Exception {
        mvc.perform(get("/api/v1/projects").with(httpBasic("steward", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].slug").value("demo"))
                .andExpect(jsonPath("$[0].myRoles").isEmpty())
                .andExpect(jsonPath("$[0].transitions").isEmpty());
    }
}
