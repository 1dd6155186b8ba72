package eu.enclave.orchestrator.membership;

import static eu.enclave.orchestrator.support.Fixtures.as;
import static eu.enclave.orchestrator.support.Rejections.assertRejected;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import eu.enclave.orchestrator.project.ProjectStatus;
import eu.enclave.orchestrator.support.Fixtures;
import eu.enclave.orchestrator.support.OrchestratorApiTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Membership requests that must be refused, by status and field, without writing anything. */
@OrchestratorApiTest
class MembershipBadInputTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @ParameterizedTest(name = "role {0}")
    @ValueSource(strings = {"\"owner\"", "\"PI \"", "\"\"", "null", "0", "[\"pi\"]"})
    void unknownRole(String role) throws Exception {
        assertRejected(mvc, fixtures, add(project(), "{\"username\": \"outsider\", \"role\": " + role + "}"),
                400, "role");
    }

    @Test
    void missingRole() throws Exception {
        assertRejected(mvc, fixtures, add(project(), "{\"username\": \"outsider\"}"), 400, "role");
    }

    @ParameterizedTest(name = "username {0}")
    @ValueSource(strings = {"\"nobody\"", "\"\"", "\"   \"", "null"})
    void unknownOrMissingUser(String username) throws Exception {
        assertRejected(mvc, fixtures, add(project(), "{\"username\": " + username + ", \"role\": \"researcher\"}"),
                400, "username");
    }

    @Test
    void oversizedUsername() throws Exception {
        assertRejected(mvc, fixtures, add(project(),
                "{\"username\": \"" + "u".repeat(201) + "\", \"role\": \"researcher\"}"), 400, "username");
    }

    @Test
    void alreadyMember() throws Exception {
        assertRejected(mvc, fixtures, add(project(), "{\"username\": \"researcher\", \"role\": \"reviewer\"}"),
                409, "username");
    }

    @Test
    void endDateInThePast() throws Exception {
        String yesterday = fixtures.today().minusDays(1).toString();
        assertRejected(mvc, fixtures, add(project(), """
                {"username": "outsider", "role": "researcher", "startDate": "2020-01-01", "endDate": "%s"}"""
                .formatted(yesterday)), 400, "endDate");
    }

    @Test
    void endBeforeStart() throws Exception {
        String start = fixtures.today().plusDays(10).toString();
        String end = fixtures.today().plusDays(5).toString();
        assertRejected(mvc, fixtures, add(project(), """
                {"username": "outsider", "role": "researcher", "startDate": "%s", "endDate": "%s"}"""
                .formatted(start, end)), 400, "endDate");
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({"startDate, 2026-13-01", "endDate, 31/12/2026", "startDate, 2026-02-29"})
    void dateThatIsNotADate(String field, String value) throws Exception {
        assertRejected(mvc, fixtures, add(project(), """
                {"username": "outsider", "role": "researcher", "%s": "%s"}""".formatted(field, value)), 400, field);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({"startDate, -5000-01-01", "endDate, +10000-01-01"})
    void dateOutsideFourDigitYears(String field, String value) throws Exception {
        assertRejected(mvc, fixtures, add(project(), """
                {"username": "outsider", "role": "researcher", "%s": "%s"}""".formatted(field, value)), 400, field);
    }

    @Test
    void usernameWithNul() throws Exception {
        assertRejected(mvc, fixtures, add(project(), "{\"username\": \"outsider\\u0000\", \"role\": \"researcher\"}"),
                400, "username");
    }

    @Test
    void unknownJsonField() throws Exception {
        assertRejected(mvc, fixtures, add(project(), "{\"username\": \"outsider\", \"role\": \"researcher\","
                + " \"userId\": \"" + UUID.randomUUID() + "\"}"), 400, "userId");
    }

    @Test
    void malformedJson() throws Exception {
        assertRejected(mvc, fixtures, add(project(), "{\"username\": \"outsider\", \"role\": "), 400, "body");
    }

    @Test
    void wrongContentType() throws Exception {
        assertRejected(mvc, fixtures, post("/api/v1/projects/{slug}/members", project()).with(as("admin"))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).content("username=outsider&role=researcher"),
                415, "Content-Type");
    }

    @Test
    void unknownProject() throws Exception {
        assertRejected(mvc, fixtures, add("no-such-project", "{\"username\": \"outsider\", \"role\": \"researcher\"}"),
                404, "slug");
        assertRejected(mvc, fixtures, get("/api/v1/projects/no-such-project/members").with(as("admin")), 404, "slug");
        assertRejected(mvc, fixtures, delete("/api/v1/projects/no-such-project/members/{id}",
                fixtures.user("researcher").id()).with(as("admin")), 404, "slug");
    }

    @ParameterizedTest(name = "userId {0}")
    @ValueSource(strings = {"researcher", "42", "not-a-uuid", "00000000-0000-0000-0000-00000000000g"})
    void userIdThatIsNotAUuid(String userId) throws Exception {
        assertRejected(mvc, fixtures, delete("/api/v1/projects/{slug}/members/{userId}", project(), userId)
                .with(as("admin")), 400, "userId");
    }

    @Test
    void removingSomeoneWhoIsNotAMember() throws Exception {
        assertRejected(mvc, fixtures, delete("/api/v1/projects/{slug}/members/{userId}", project(),
                fixtures.user("outsider").id()).with(as("admin")), 404, "userId");
        assertRejected(mvc, fixtures, delete("/api/v1/projects/{slug}/members/{userId}", project(),
                UUID.randomUUID()).with(as("admin")), 404, "userId");
    }

    @Test
    void archivedProjectMembersCannotChange() throws Exception {
        String slug = fixtures.projectInStatus("arch", ProjectStatus.ARCHIVED).slug();
        assertRejected(mvc, fixtures, add(slug, "{\"username\": \"outsider\", \"role\": \"researcher\"}"), 409,
                "status");
        assertRejected(mvc, fixtures, delete("/api/v1/projects/{slug}/members/{userId}", slug,
                fixtures.user("researcher").id()).with(as("admin")), 409, "status");
    }

    private String project() {
        return fixtures.draftProject("mb").slug();
    }

    private static MockHttpServletRequestBuilder add(String slug, String body) {
        return post("/api/v1/projects/{slug}/members", slug).with(as("admin"))
                .contentType(MediaType.APPLICATION_JSON).content(body);
    }
}
