package eu.enclave.orchestrator.gateway;

import static eu.enclave.orchestrator.support.Fixtures.as;
import static eu.enclave.orchestrator.support.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import eu.enclave.orchestrator.support.Fixtures;
import eu.enclave.orchestrator.support.OrchestratorApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** A project's desktop settings through the API: safe defaults, admin changes audited, bad values refused by field. */
@OrchestratorApiTest
class DesktopSettingsApiTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;

    @Test
    void aProjectStartsWithPasteAllowedNoRecordingAndTheConfiguredLimits() throws Exception {
        String slug = fixtures.draftProject("ds").slug();
        mvc.perform(get("/api/v1/projects/{s}/desktop-settings", slug).with(as("researcher")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.pasteAllowed").value(true))
                .andExpect(jsonPath("$.recordingEnabled").value(false))
                .andExpect(jsonPath("$.maxSessionMinutes").value(480))
                .andExpect(jsonPath("$.idleTimeoutMinutes").value(30));
    }

    @Test
    void anAdminTurnsRecordingOnAndPasteOffAndItIsAudited() throws Exception {
        String slug = fixtures.draftProject("ds").slug();
        long audit = fixtures.auditHead();
        mvc.perform(put("/api/v1/projects/{s}/desktop-settings", slug).with(as("admin"))
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"pasteAllowed": false, "recordingEnabled": true, "maxSessionMinutes": 120,
                                 "idleTimeoutMinutes": 15}"""))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.recordingEnabled").value(true));
        mvc.perform(get("/api/v1/projects/{s}/desktop-settings", slug).with(as("pi")))
                .andExpect(jsonPath("$.pasteAllowed").value(false))
                .andExpect(jsonPath("$.idleTimeoutMinutes").value(15));
        assertThat(fixtures.auditAfter(audit)).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo("desktop.settings-changed");
            assertThat(e.details()).contains("\"recordingEnabled\":true");
        });
        mvc.perform(get("/api/v1/projects/{s}/desktop-recordings", slug).with(as("admin")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.recordings").isEmpty());
    }

    @Test
    void badValuesAreRefusedNamingTheField() throws Exception {
        String slug = fixtures.draftProject("ds").slug();
        assertRejected(mvc, fixtures, put("/api/v1/projects/{s}/desktop-settings", slug).with(as("admin"))
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"pasteAllowed": true, "recordingEnabled": false, "maxSessionMinutes": 30,
                         "idleTimeoutMinutes": 60}"""), 400, "idleTimeoutMinutes");
        assertRejected(mvc, fixtures, put("/api/v1/projects/{s}/desktop-settings", slug).with(as("admin"))
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"pasteAllowed": true, "recordingEnabled": false, "maxSessionMinutes": 2000,
                         "idleTimeoutMinutes": 60}"""), 400, "maxSessionMinutes");
        assertRejected(mvc, fixtures, put("/api/v1/projects/{s}/desktop-settings", slug).with(as("admin"))
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"recordingEnabled": false, "maxSessionMinutes": 60, "idleTimeoutMinutes": 5}"""),
                400, "pasteAllowed");
    }
}
