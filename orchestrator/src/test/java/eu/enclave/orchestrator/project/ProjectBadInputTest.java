package eu.enclave.orchestrator.project;

import static eu.enclave.orchestrator.support.Fixtures.as;
import static eu.enclave.orchestrator.support.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import eu.enclave.orchestrator.support.Fixtures;
import eu.enclave.orchestrator.support.OrchestratorApiTest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.json.JsonMapper;

/** Project requests that must be refused, by status and field, without writing anything. */
@OrchestratorApiTest
class ProjectBadInputTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @ParameterizedTest(name = "slug \"{0}\"")
    @ValueSource(strings = {"Upper", "under_score", "-leading-dash", "trailing-dash-", "with space", "émile",
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", ""})
    void invalidSlug(String slug) throws Exception {
        assertRejected(mvc, fixtures, create(draft(slug)), 400, "slug");
    }

    @Test
    void fortyCharacterSlugIsTheLongestAccepted() throws Exception {
        String slug = (Fixtures.newSlug("max") + "-" + "a".repeat(40)).substring(0, 40);
        mvc.perform(create(draft(slug))).andExpect(status().isCreated());
    }

    @Test
    void duplicateSlug() throws Exception {
        String taken = fixtures.draftProject("dup").slug();
        String body = assertRejected(mvc, fixtures, create(draft(taken)), 409, "slug");
        assertThat(body).contains(taken);
    }

    @Test
    void endBeforeStart() throws Exception {
        assertRejected(mvc, fixtures, create("""
                {"slug": "%s", "title": "T", "legalBasis": "MR-004", "startDate": "2026-06-01", "endDate": "2026-05-31"}
                """.formatted(Fixtures.newSlug("dates"))), 400, "endDate");
    }

    @ParameterizedTest(name = "{0} of {1} characters")
    @CsvSource({"title, 201", "description, 4001", "legalBasis, 201", "impactAssessment, 201",
        "principalInvestigator, 201"})
    void oversizedField(String field, int length) throws Exception {
        Map<String, Object> body = draftFields(Fixtures.newSlug("big"));
        body.put(field, "x".repeat(length));
        assertRejected(mvc, fixtures, create(JSON.writeValueAsString(body)), 400, field);
    }

    @ParameterizedTest(name = "missing {0}")
    @ValueSource(strings = {"slug", "title", "legalBasis", "startDate", "endDate"})
    void missingRequiredField(String field) throws Exception {
        Map<String, Object> body = draftFields(Fixtures.newSlug("miss"));
        body.remove(field);
        assertRejected(mvc, fixtures, create(JSON.writeValueAsString(body)), 400, field);
    }

    @Test
    void blankTitle() throws Exception {
        assertRejected(mvc, fixtures, create("""
                {"slug": "%s", "title": "   ", "legalBasis": "MR-004", "startDate": "2026-01-01", "endDate": "2027-01-01"}
                """.formatted(Fixtures.newSlug("blank"))), 400, "title");
    }

    @Test
    void malformedJson() throws Exception {
        assertRejected(mvc, fixtures, create("{\"slug\": \"x\", \"title\": "), 400, "body");
    }

    @Test
    void emptyBody() throws Exception {
        assertRejected(mvc, fixtures, create(""), 400, "body");
    }

    @Test
    void wrongContentType() throws Exception {
        assertRejected(mvc, fixtures, post("/api/v1/projects").with(as("admin"))
                .contentType(MediaType.TEXT_PLAIN).content(draft(Fixtures.newSlug("ct"))), 415);
    }

    @Test
    void unknownJsonField() throws Exception {
        Map<String, Object> body = draftFields(Fixtures.newSlug("unknown"));
        body.put("colour", "blue");
        assertRejected(mvc, fixtures, create(JSON.writeValueAsString(body)), 400, "colour");
    }

    @Test
    void dateThatIsNotADate() throws Exception {
        Map<String, Object> body = draftFields(Fixtures.newSlug("date"));
        body.put("startDate", "2026-02-30");
        assertRejected(mvc, fixtures, create(JSON.writeValueAsString(body)), 400, "startDate");
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({"startDate, -5000-01-01", "startDate, 0000-12-31", "endDate, +10000-01-01",
        "endDate, +100000-01-01"})
    void dateOutsideFourDigitYears(String field, String value) throws Exception {
        Map<String, Object> body = draftFields(Fixtures.newSlug("far"));
        body.put(field, value);
        assertRejected(mvc, fixtures, create(JSON.writeValueAsString(body)), 400, field);
        String slug = fixtures.draftProject("far").slug();
        assertRejected(mvc, fixtures, patchAsAdmin(slug, JSON.writeValueAsString(Map.of(field, value))), 400, field);
    }

    /** The JSON escapes stay escapes: the body is valid JSON, its text is what PostgreSQL cannot store. */
    @ParameterizedTest(name = "{0} with {1}")
    @CsvSource({"title, a\\u0000b", "description, \\u0000", "legalBasis, \\ud800x", "impactAssessment, \\udc00"})
    void textPostgresCannotStore(String field, String jsonEscaped) throws Exception {
        Map<String, Object> fields = draftFields(Fixtures.newSlug("nul"));
        fields.put(field, "@@");
        String body = JSON.writeValueAsString(fields).replace("\"@@\"", "\"" + jsonEscaped + "\"");
        assertRejected(mvc, fixtures, create(body), 400, field);
    }

    @Test
    void unknownPrincipalInvestigator() throws Exception {
        Map<String, Object> body = draftFields(Fixtures.newSlug("nopi"));
        body.put("principalInvestigator", "nobody");
        assertRejected(mvc, fixtures, create(JSON.writeValueAsString(body)), 400, "principalInvestigator");
    }

    @Test
    void slugInPatch() throws Exception {
        String slug = fixtures.draftProject("patch").slug();
        assertRejected(mvc, fixtures, patchAsAdmin(slug, "{\"slug\": \"renamed\"}"), 400, "slug");
    }

    @Test
    void unknownFieldInPatch() throws Exception {
        String slug = fixtures.draftProject("patch").slug();
        assertRejected(mvc, fixtures, patchAsAdmin(slug, "{\"status\": \"active\"}"), 400, "status");
    }

    @ParameterizedTest(name = "PATCH {0}")
    @CsvSource(delimiter = '|', value = {
        "{\"title\": \"   \"}                   | title",
        "{\"title\": \"\"}                      | title",
        "{\"legalBasis\": \" \"}                | legalBasis",
        "{\"endDate\": \"2000-01-01\"}          | endDate",
        "{\"startDate\": \"2999-01-01\"}        | endDate",
        "{\"endDate\": \"tomorrow\"}            | endDate"})
    void invalidPatch(String body, String field) throws Exception {
        String slug = fixtures.draftProject("patch").slug();
        assertRejected(mvc, fixtures, patchAsAdmin(slug, body), 400, field);
    }

    @Test
    void oversizedPatch() throws Exception {
        String slug = fixtures.draftProject("patch").slug();
        assertRejected(mvc, fixtures, patchAsAdmin(slug, "{\"description\": \"" + "d".repeat(4001) + "\"}"), 400,
                "description");
        assertRejected(mvc, fixtures, patchAsAdmin(slug, "{\"title\": \"" + "t".repeat(201) + "\"}"), 400, "title");
    }

    @Test
    void unknownProject() throws Exception {
        assertRejected(mvc, fixtures, get("/api/v1/projects/no-such-project").with(as("admin")), 404, "slug");
        assertRejected(mvc, fixtures, patchAsAdmin("no-such-project", "{\"title\": \"x\"}"), 404, "slug");
        assertRejected(mvc, fixtures, statusChange("no-such-project", "{\"status\": \"active\"}"), 404, "slug");
    }

    @ParameterizedTest(name = "status body {0}")
    @ValueSource(strings = {"{\"status\": \"closed\"}", "{\"status\": null}", "{}", "{\"status\": 3}",
        "{\"status\": [\"active\"]}"})
    void invalidStatusChange(String body) throws Exception {
        String slug = fixtures.draftProject("st").slug();
        assertRejected(mvc, fixtures, statusChange(slug, body), 400, "status");
    }

    @Test
    void oversizedStatusReason() throws Exception {
        String slug = fixtures.draftProject("st").slug();
        assertRejected(mvc, fixtures, statusChange(slug, "{\"status\": \"active\", \"reason\": \"" + "r".repeat(501) + "\"}"),
                400, "reason");
    }

    static Map<String, Object> draftFields(String slug) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("slug", slug);
        fields.put("title", "T");
        fields.put("legalBasis", "MR-004");
        fields.put("startDate", "2026-01-01");
        fields.put("endDate", "2027-01-01");
        return fields;
    }

    static String draft(String slug) {
        return JSON.writeValueAsString(draftFields(slug));
    }

    private MockHttpServletRequestBuilder create(String body) {
        return json(post("/api/v1/projects"), body);
    }

    private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
        return request.with(as("admin")).contentType(MediaType.APPLICATION_JSON).content(body);
    }

    private MockHttpServletRequestBuilder patchAsAdmin(String slug, String body) {
        return json(patch("/api/v1/projects/{slug}", slug), body);
    }

    private MockHttpServletRequestBuilder statusChange(String slug, String body) {
        return json(post("/api/v1/projects/{slug}/status", slug), body);
    }
}
