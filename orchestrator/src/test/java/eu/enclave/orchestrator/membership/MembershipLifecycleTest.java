package eu.enclave.orchestrator.membership;

import static eu.enclave.orchestrator.support.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import eu.enclave.orchestrator.support.Fixtures;
import eu.enclave.orchestrator.support.Fixtures.Audited;
import eu.enclave.orchestrator.support.MutableClock;
import eu.enclave.orchestrator.support.OrchestratorApiTest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** Adding, removing and the passing of memberships, each on the audit trail. */
@OrchestratorApiTest
class MembershipLifecycleTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    MutableClock clock;

    @Autowired
    MembershipService memberships;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void thePiAddsAndRemovesAMemberAndBothAreAudited() throws Exception {
        String slug = fixtures.activeProject("mem").slug();
        UUID outsider = fixtures.user("outsider").id();
        long before = fixtures.auditHead();

        add(slug, "pi", "{\"username\": \"outsider\", \"role\": \"reviewer\"}")
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/v1/projects/" + slug + "/members/" + outsider))
                .andExpect(jsonPath("$.userId").value(outsider.toString()))
                .andExpect(jsonPath("$.role").value("reviewer"))
                .andExpect(jsonPath("$.startDate").value(fixtures.today().toString()))
                .andExpect(jsonPath("$.active").value(true))
                .andExpect(jsonPath("$.addedBy").value("pi"));
        mvc.perform(get("/api/v1/projects/{slug}", slug).with(as("outsider")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.myRoles", Matchers.contains("reviewer")));

        mvc.perform(delete("/api/v1/projects/{slug}/members/{id}", slug, outsider).with(as("pi")))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/projects/{slug}", slug).with(as("outsider"))).andExpect(status().isNotFound());

        List<Audited> audit = fixtures.auditAfter(before);
        assertThat(audit).extracting(Audited::action).containsExactly("member.added", "member.removed");
        assertThat(audit).extracting(Audited::actor).containsOnly("pi");
        assertThat(audit).extracting(Audited::project).containsOnly(slug);
        assertThat(audit).extracting(Audited::target).containsOnly("user:" + outsider);
        assertThat(audit.get(0).details()).contains("\"role\":\"reviewer\"", "\"username\":\"outsider\"");
        assertThat(audit.get(1).details()).contains("\"role\":\"reviewer\"");
    }

    @Test
    void aMembershipEndingInThePastIsRefused() throws Exception {
        String slug = fixtures.activeProject("mem").slug();
        add(slug, "admin", """
                {"username": "outsider", "role": "researcher", "startDate": "%s", "endDate": "%s"}"""
                .formatted(fixtures.today().minusDays(30), fixtures.today().minusDays(1)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("endDate"));
        mvc.perform(get("/api/v1/projects/{slug}/members", slug).with(as("admin")))
                .andExpect(jsonPath("$[*].username", Matchers.not(Matchers.hasItem("outsider"))));
    }

    @Test
    void aMembershipThatHasNotStartedGrantsNothingYet() throws Exception {
        String slug = fixtures.activeProject("mem").slug();
        add(slug, "admin", "{\"username\": \"outsider\", \"role\": \"researcher\", \"startDate\": \"%s\"}"
                .formatted(fixtures.today().plusDays(3)))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.active").value(false));
        mvc.perform(get("/api/v1/projects/{slug}", slug).with(as("outsider"))).andExpect(status().isNotFound());

        clock.advance(Duration.ofDays(3));
        mvc.perform(get("/api/v1/projects/{slug}", slug).with(as("outsider"))).andExpect(status().isOk());
    }

    @Test
    void aMembershipWhoseEndDatePassedGrantsNothingAndItsExpiryIsAuditedOnce() throws Exception {
        String slug = fixtures.activeProject("exp").slug();
        UUID outsider = fixtures.user("outsider").id();
        add(slug, "admin", "{\"username\": \"outsider\", \"role\": \"researcher\", \"endDate\": \"%s\"}"
                .formatted(fixtures.today())).andExpect(status().isCreated());
        mvc.perform(get("/api/v1/projects/{slug}", slug).with(as("outsider"))).andExpect(status().isOk());

        clock.advance(Duration.ofDays(2));

        mvc.perform(get("/api/v1/projects/{slug}", slug).with(as("outsider"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/projects/{slug}/members", slug).with(as("outsider"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/projects").with(as("outsider")))
                .andExpect(jsonPath("$[*].slug", Matchers.not(Matchers.hasItem(slug))));
        mvc.perform(get("/api/v1/projects/{slug}/members", slug).with(as("admin")))
                .andExpect(jsonPath("$[?(@.username == 'outsider')].active", Matchers.contains(false)));

        memberships.recordExpiries();
        memberships.recordExpiries();

        List<Audited> expired = fixtures.auditFor(slug).stream()
                .filter(a -> a.action().equals("member.expired")).toList();
        assertThat(expired).hasSize(1);
        assertThat(expired.get(0).actor()).isEqualTo("system");
        assertThat(expired.get(0).target()).isEqualTo("user:" + outsider);
        assertThat(expired.get(0).details()).contains("\"username\":\"outsider\"", "\"role\":\"researcher\"",
                "\"endDate\":\"" + fixtures.today().minusDays(2) + "\"");
        assertThat(fixtures.auditFor(slug)).extracting(Audited::action)
                .as("the PI and the others whose memberships are open-ended did not expire")
                .filteredOn("member.expired"::equals).hasSize(1);
    }

    @Test
    void aMembershipEndingTodayStillGrantsAccessToday() throws Exception {
        String slug = fixtures.activeProject("exp").slug();
        add(slug, "admin", "{\"username\": \"outsider\", \"role\": \"researcher\", \"endDate\": \"%s\"}"
                .formatted(fixtures.today())).andExpect(status().isCreated());
        memberships.recordExpiries();
        assertThat(fixtures.auditFor(slug)).extracting(Audited::action).doesNotContain("member.expired");
        mvc.perform(get("/api/v1/projects/{slug}", slug).with(as("outsider"))).andExpect(status().isOk());
    }

    private ResultActions add(String slug, String caller, String body) throws Exception {
        return mvc.perform(post("/api/v1/projects/{slug}/members", slug).with(as(caller))
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }
}
