package eu.enclave.orchestrator.lifecycle;

import static eu.enclave.orchestrator.support.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import eu.enclave.orchestrator.project.Project;
import eu.enclave.orchestrator.project.ProjectChanges;
import eu.enclave.orchestrator.project.ProjectService;
import eu.enclave.orchestrator.project.ProjectStatus;
import eu.enclave.orchestrator.support.Fixtures;
import eu.enclave.orchestrator.support.Fixtures.Audited;
import eu.enclave.orchestrator.support.MutableClock;
import eu.enclave.orchestrator.support.OrchestratorApiTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** The lifecycle job suspends active projects whose end date passed, as the system, once. */
@OrchestratorApiTest
class EndDateEnforcerTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    MutableClock clock;

    @Autowired
    EndDateEnforcer enforcer;

    @Autowired
    ProjectService projects;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void anActiveProjectPastItsEndDateIsSuspendedBySystemOnce() throws Exception {
        String slug = endingTomorrow(ProjectStatus.ACTIVE);
        String draft = endingTomorrow(ProjectStatus.DRAFT);
        String suspended = endingTomorrow(ProjectStatus.SUSPENDED);

        enforcer.enforce();
        assertThat(fixtures.status(slug)).as("its end date is still to come").isEqualTo("active");

        clock.advance(Duration.ofDays(1));
        enforcer.enforce();
        assertThat(fixtures.status(slug)).as("the end date is the last day it runs").isEqualTo("active");

        clock.advance(Duration.ofDays(1));
        enforcer.enforce();
        enforcer.enforce();

        assertThat(fixtures.status(slug)).isEqualTo("suspended");
        assertThat(fixtures.status(draft)).as("only active projects are suspended").isEqualTo("draft");
        assertThat(fixtures.status(suspended)).isEqualTo("suspended");
        List<Audited> suspensions = fixtures.auditFor(slug).stream()
                .filter(a -> a.action().equals("project.suspended")).toList();
        assertThat(suspensions).hasSize(1);
        assertThat(suspensions.get(0).actor()).isEqualTo("system");
        assertThat(suspensions.get(0).details()).contains("\"from\":\"active\"", "\"to\":\"suspended\"",
                "end date " + fixtures.today().minusDays(1) + " passed");
        assertThat(fixtures.auditFor(draft)).extracting(Audited::action).doesNotContain("project.suspended");

        // an ended project cannot be reactivated before its end date moves
        mvc.perform(post("/api/v1/projects/{slug}/status", slug).with(as("admin"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"status\": \"active\"}"))
                .andExpect(status().isConflict());
    }

    @Test
    void suspendEndedReturnsWhatItSuspended() {
        String slug = endingTomorrow(ProjectStatus.ACTIVE);
        clock.advance(Duration.ofDays(2));

        assertThat(projects.suspendEnded()).extracting(Project::slug).contains(slug)
                .allSatisfy(s -> assertThat(fixtures.status(s)).isEqualTo("suspended"));
        assertThat(projects.suspendEnded()).extracting(Project::slug).doesNotContain(slug);
    }

    @Test
    void extendingTheEndDateLetsItBeReactivated() throws Exception {
        String slug = endingTomorrow(ProjectStatus.ACTIVE);
        clock.advance(Duration.ofDays(2));
        enforcer.enforce();
        assertThat(fixtures.status(slug)).isEqualTo("suspended");

        mvc.perform(patch("/api/v1/projects/{slug}", slug).with(as("admin")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"endDate\": \"%s\"}".formatted(fixtures.today().plusMonths(1))))
                .andExpect(status().isOk());
        mvc.perform(post("/api/v1/projects/{slug}/status", slug).with(as("admin"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"status\": \"active\"}"))
                .andExpect(status().isOk());
        assertThat(fixtures.auditFor(slug)).extracting(Audited::action)
                .endsWith("project.suspended", "project.updated", "project.reactivated");
    }

    /** A project in {@code status} whose end date is tomorrow. */
    private String endingTomorrow(ProjectStatus status) {
        String slug = fixtures.projectInStatus("end", status).slug();
        projects.update(fixtures.user("admin"), slug, new ProjectChanges(null, null,
                null, null, null, null, fixtures.today().plusDays(1)));
        return slug;
    }
}
