package eu.enclave.orchestrator.api;

import static eu.enclave.orchestrator.support.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import eu.enclave.orchestrator.dataset.Dataset;
import eu.enclave.orchestrator.support.Fixtures;
import eu.enclave.orchestrator.support.OrchestratorApiTest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Throws malformed bodies, parameters and paths at every API endpoint as an admin (who gets furthest):
 * each must be refused as a client error with a problem response, never a 500, and write nothing.
 */
@OrchestratorApiTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MalformedInputSweepTest {

    /** Bodies no JSON endpoint may accept. */
    private static final List<String> MALFORMED_BODIES = List.of(
            "", " ", "null", "[]", "[{}]", "\"text\"", "42", "true", "{", "}", "{}}", "{\"a\":}", "{'slug': 'x'}",
            "/* comment */ {}", "{\"slug\": NaN}", "\u0000", "{\"slug\": {\"nested\": 1}}",
            "{\"title\": [\"a\"]}", "{\"startDate\": 20260101}", "{\"startDate\": {\"year\": 2026}}",
            "{\"endDate\": \"+100000-01-01\"}", "{\"startDate\": \"-5000-01-01\"}", "{\"role\": 1e999999}",
            "{\"status\": \"ACTIVE \"}", "{\"username\": \"outsider\", \"username\": \"pi\", \"role\": 7}",
            "[".repeat(5000), "{\"a\":".repeat(5000),
            "{\"description\": \"" + "x".repeat(300_000) + "\"}");

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    private String slug;
    private String dataset;
    private UUID approval;
    private String activeSlug;

    @BeforeAll
    void project() {
        slug = fixtures.draftProject("sweep").slug();
        Dataset registered = fixtures.datasets().nfsDataset("sweep");
        dataset = registered.name();
        approval = fixtures.datasets().approve(fixtures.draftProject("sweep"), registered).id();
        activeSlug = fixtures.workspaceProject("sweep-ws").slug();
    }

    /** As the researcher of an active project, who gets furthest with a workspace. */
    private MockHttpServletRequestBuilder workspace(String body) {
        return post("/api/v1/projects/{s}/workspaces", activeSlug).with(as("researcher"))
                .contentType(MediaType.APPLICATION_JSON).content(body);
    }

    @TestFactory
    Stream<DynamicTest> malformedBodies() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String body : MALFORMED_BODIES) {
            String shown = body.length() > 40 ? body.substring(0, 40) + "… (" + body.length() + " chars)" : body;
            tests.add(sweep("POST /projects " + shown, () -> json(post("/api/v1/projects"), body)));
            tests.add(sweep("PATCH /projects/{slug} " + shown, () -> json(patch("/api/v1/projects/{s}", slug), body)));
            tests.add(sweep("POST /projects/{slug}/status " + shown,
                    () -> json(post("/api/v1/projects/{s}/status", slug), body)));
            tests.add(sweep("POST /projects/{slug}/members " + shown,
                    () -> json(post("/api/v1/projects/{s}/members", slug), body)));
            tests.add(sweep("PUT /projects/{slug}/quota " + shown,
                    () -> json(put("/api/v1/projects/{s}/quota", slug), body)));
            tests.add(sweep("PUT /projects/{slug}/mirrors " + shown,
                    () -> json(put("/api/v1/projects/{s}/mirrors", slug), body)));
            tests.add(sweep("PUT /projects/{slug}/templates " + shown,
                    () -> json(put("/api/v1/projects/{s}/templates", slug), body)));
            tests.add(sweep("PUT /projects/{slug}/database-role " + shown,
                    () -> json(put("/api/v1/projects/{s}/database-role", slug), body)));
            tests.add(sweep("POST /datasets " + shown, () -> json(post("/api/v1/datasets"), body)));
            tests.add(sweep("PATCH /datasets/{name} " + shown,
                    () -> json(patch("/api/v1/datasets/{n}", dataset), body)));
            tests.add(sweep("POST /datasets/{name}/retire " + shown,
                    () -> json(post("/api/v1/datasets/{n}/retire", dataset), body)));
            tests.add(sweep("POST /projects/{slug}/dataset-approvals " + shown,
                    () -> json(post("/api/v1/projects/{s}/dataset-approvals", slug), body, "steward")));
            tests.add(sweep("POST /projects/{slug}/dataset-approvals/{id}/revoke " + shown,
                    () -> json(post("/api/v1/projects/{s}/dataset-approvals/{id}/revoke", slug, approval), body,
                            "steward")));
            tests.add(sweep("POST /projects/{slug}/workspaces " + shown,
                    () -> json(post("/api/v1/projects/{s}/workspaces", slug), body)));
            tests.add(sweep("PUT /projects/{slug}/desktop-settings " + shown,
                    () -> json(put("/api/v1/projects/{s}/desktop-settings", slug), body)));
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> malformedRequests() {
        byte[] notUtf8 = {'{', '"', 't', 'i', 't', 'l', 'e', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        return Stream.of(
                sweep("PATCH with invalid UTF-8", () -> patch("/api/v1/projects/{s}", slug).with(as("admin"))
                        .contentType(MediaType.APPLICATION_JSON).content(notUtf8)),
                sweep("POST /projects with an end date in year 100000", () -> json(post("/api/v1/projects"),
                        "{\"slug\": \"" + Fixtures.newSlug("far") + "\", \"title\": \"T\", \"legalBasis\": \"L\","
                                + " \"startDate\": \"2026-01-01\", \"endDate\": \"+100000-01-01\"}")),
                sweep("POST /projects with a NUL in the title", () -> json(post("/api/v1/projects"),
                        "{\"slug\": \"" + Fixtures.newSlug("nul") + "\", \"title\": \"a\\u0000b\", \"legalBasis\": \"L\","
                                + " \"startDate\": \"2026-01-01\", \"endDate\": \"2027-01-01\"}")),
                sweep("PATCH with a NUL in the description", () -> json(patch("/api/v1/projects/{s}", slug),
                        "{\"description\": \"a\\u0000b\"}")),
                sweep("PATCH with a lone surrogate in the title", () -> json(patch("/api/v1/projects/{s}", slug),
                        "{\"title\": \"\\ud800\"}")),
                sweep("POST member with a NUL in the username", () -> json(post("/api/v1/projects/{s}/members", slug),
                        "{\"username\": \"outsider\\u0000\", \"role\": \"researcher\"}")),
                sweep("status change with a NUL in the reason", () -> json(post("/api/v1/projects/{s}/status", slug),
                        "{\"status\": \"active\", \"reason\": \"\\u0000\"}")),
                sweep("PATCH with an end date PostgreSQL cannot store", () -> json(patch("/api/v1/projects/{s}", slug),
                        "{\"endDate\": \"+100000-01-01\"}")),
                sweep("POST member with a start date PostgreSQL cannot store", () -> json(
                        post("/api/v1/projects/{s}/members", slug),
                        "{\"username\": \"outsider\", \"role\": \"researcher\", \"startDate\": \"-10000-01-01\"}")),
                sweep("POST member with an end date PostgreSQL cannot store", () -> json(
                        post("/api/v1/projects/{s}/members", slug),
                        "{\"username\": \"outsider\", \"role\": \"researcher\", \"endDate\": \"+100000-01-01\"}")),
                sweep("POST /projects without content type", () -> post("/api/v1/projects").with(as("admin"))
                        .content("{}")),
                sweep("POST /projects as XML", () -> post("/api/v1/projects").with(as("admin"))
                        .contentType(MediaType.APPLICATION_XML).content("<project/>")),
                sweep("POST /projects accepting only CSV", () -> json(post("/api/v1/projects"), "{}")
                        .accept("text/csv")),
                sweep("quota with numbers as text and text as numbers", () -> json(
                        put("/api/v1/projects/{s}/quota", slug), "{\"cpu\": {\"v\": 1}, \"memory\": \"1Gi\","
                                + " \"gpus\": \"one\", \"pods\": 1, \"pvcs\": 1, \"storage\": \"1Gi\"}")),
                sweep("quota with a count beyond int", () -> json(put("/api/v1/projects/{s}/quota", slug),
                        "{\"cpu\": \"1\", \"memory\": \"1Gi\", \"gpus\": 99999999999, \"pods\": 1,"
                                + " \"pvcs\": 1, \"storage\": \"1Gi\"}")),
                sweep("quota with a NUL in cpu", () -> json(put("/api/v1/projects/{s}/quota", slug),
                        "{\"cpu\": \"1\\u0000\", \"memory\": \"1Gi\", \"gpus\": 0, \"pods\": 1, \"pvcs\": 1,"
                                + " \"storage\": \"1Gi\"}")),
                sweep("mirrors as a bare list", () -> json(put("/api/v1/projects/{s}/mirrors", slug),
                        "[{\"name\": \"cran\", \"cidr\": \"10.0.0.1\", \"port\": 443}]")),
                sweep("mirror with a NUL in the hostname", () -> json(put("/api/v1/projects/{s}/mirrors", slug),
                        "{\"mirrors\": [{\"name\": \"cran\", \"cidr\": \"10.0.0.1\", \"port\": 443,"
                                + " \"hostname\": \"a\\u0000b\"}]}")),
                sweep("mirror with an unknown field", () -> json(put("/api/v1/projects/{s}/mirrors", slug),
                        "{\"mirrors\": [{\"name\": \"cran\", \"cidr\": \"10.0.0.1\", \"port\": 443,"
                                + " \"password\": \"x\"}]}")),
                sweep("POST /projects/{slug}/quota", () -> json(post("/api/v1/projects/{s}/quota", slug), "{}")),
                sweep("PUT /projects/{slug}", () -> json(put("/api/v1/projects/{s}", slug), "{}")),
                sweep("DELETE /projects/{slug}", () -> delete("/api/v1/projects/{s}", slug).with(as("admin"))),
                sweep("non-standard method", () -> request(HttpMethod.valueOf("PROPFIND"), "/api/v1/projects")
                        .with(as("admin"))),
                sweep("unknown API path", () -> get("/api/v1/no-such-thing").with(as("admin"))),
                sweep("unknown API version", () -> get("/api/v2/projects").with(as("admin"))),
                sweep("slug of 5000 characters", () -> get("/api/v1/projects/{s}", "a".repeat(5000)).with(as("admin"))),
                sweep("slug with spaces and accents", () -> get("/api/v1/projects/{s}", "é m").with(as("admin"))),
                sweep("encoded slash in the slug", () -> get(URI.create("/api/v1/projects/a%2Fb")).with(as("admin"))),
                sweep("encoded dot segment", () -> get(URI.create("/api/v1/projects/%2e%2e/members")).with(as("admin"))),
                sweep("backslash in the path", () -> get(URI.create("/api/v1/projects/a%5Cb")).with(as("admin"))),
                sweep("double slash", () -> get(URI.create("/api/v1//projects")).with(as("admin"))),
                sweep("slug with SQL", () -> get("/api/v1/projects/{s}", "x' OR '1'='1").with(as("admin"))),
                sweep("member id not a UUID", () -> delete("/api/v1/projects/{s}/members/{u}", slug, "1 OR 1=1")
                        .with(as("admin"))),
                sweep("export with repeated parameters", () -> get("/api/v1/audit/export").with(as("admin"))
                        .param("from", "2026-01-01", "2025-01-01").param("to", "x")),
                sweep("export with a huge parameter", () -> get("/api/v1/audit/export").with(as("admin"))
                        .param("from", "9".repeat(10_000)).param("to", "2026-01-01")),
                sweep("templates as a bare list", () -> json(put("/api/v1/projects/{s}/templates", slug),
                        "[\"linux-desktop\"]")),
                sweep("templates as one text", () -> json(put("/api/v1/projects/{s}/templates", slug),
                        "{\"templates\": \"linux-desktop\"}")),
                sweep("template ids as numbers and objects", () -> json(put("/api/v1/projects/{s}/templates", slug),
                        "{\"templates\": [1, {\"id\": \"linux-desktop\"}]}")),
                sweep("template id with a path", () -> json(put("/api/v1/projects/{s}/templates", slug),
                        "{\"templates\": [\"../linux-desktop\"]}")),
                sweep("templates with an unknown field", () -> json(put("/api/v1/projects/{s}/templates", slug),
                        "{\"templates\": [], \"image\": \"evil:1\"}")),
                sweep("POST /workspace-templates", () -> json(post("/api/v1/workspace-templates"), "{}")),
                sweep("database role as a list", () -> json(put("/api/v1/projects/{s}/database-role", slug),
                        "{\"role\": [\"warehouse\"]}")),
                sweep("database role not configured", () -> json(put("/api/v1/projects/{s}/database-role", slug),
                        "{\"role\": \"../sys/root\"}")),
                sweep("dataset with a NUL in the NFS path", () -> json(post("/api/v1/datasets"),
                        "{\"name\": \"" + Fixtures.newSlug("nul") + "\", \"owner\": \"H\", \"tier\": \"pseudonymised\","
                                + " \"source\": {\"kind\": \"nfs\", \"server\": \"10.0.0.1\", \"path\": \"/a\\u0000b\"}}")),
                sweep("dataset with a number for the tier", () -> json(post("/api/v1/datasets"),
                        "{\"name\": \"" + Fixtures.newSlug("num") + "\", \"owner\": \"H\", \"tier\": 2,"
                                + " \"source\": {\"kind\": \"nfs\", \"server\": \"10.0.0.1\", \"path\": \"/a\"}}")),
                sweep("dataset with attributes as a list", () -> json(post("/api/v1/datasets"),
                        "{\"name\": \"" + Fixtures.newSlug("att") + "\", \"owner\": \"H\", \"tier\": \"pseudonymised\","
                                + " \"source\": {\"kind\": \"csi\", \"driver\": \"d.example\", \"volumeHandle\": \"h\","
                                + " \"attributes\": [\"a\"]}}")),
                sweep("dataset with an unknown source field", () -> json(post("/api/v1/datasets"),
                        "{\"name\": \"" + Fixtures.newSlug("unk") + "\", \"owner\": \"H\", \"tier\": \"pseudonymised\","
                                + " \"source\": {\"kind\": \"nfs\", \"server\": \"10.0.0.1\", \"path\": \"/a\","
                                + " \"secretRef\": \"x\"}}")),
                sweep("dataset name of 5000 characters", () -> get("/api/v1/datasets/{n}", "a".repeat(5000))
                        .with(as("admin"))),
                sweep("approval with an end date PostgreSQL cannot store", () -> json(
                        post("/api/v1/projects/{s}/dataset-approvals", slug), "{\"dataset\": \"" + dataset
                                + "\", \"endDate\": \"+100000-01-01\", \"reference\": \"P\"}", "steward")),
                sweep("approval id not a UUID", () -> json(post("/api/v1/projects/{s}/dataset-approvals/{id}/revoke",
                        slug, "1 OR 1=1"), "{\"reason\": \"r\"}", "steward")),
                sweep("workspace size as text", () -> workspace("{\"name\": \"w\", \"template\": \"linux-desktop\","
                        + " \"size\": \"big\"}")),
                sweep("workspace gpus beyond int", () -> workspace("{\"name\": \"w\", \"template\": \"linux-desktop\","
                        + " \"size\": {\"gpus\": 99999999999}}")),
                sweep("workspace gpus as text", () -> workspace("{\"name\": \"w\", \"template\": \"linux-desktop\","
                        + " \"size\": {\"gpus\": \"one\"}}")),
                sweep("workspace name with a NUL", () -> workspace("{\"name\": \"w\\u0000\", \"template\":"
                        + " \"linux-desktop\"}")),
                sweep("workspace name as a number", () -> workspace("{\"name\": 7, \"template\": \"linux-desktop\"}")),
                sweep("workspace cpu with an exponent", () -> workspace("{\"name\": \"w\", \"template\":"
                        + " \"linux-desktop\", \"size\": {\"cpu\": \"1e3\"}}")),
                sweep("workspace with an unknown field", () -> workspace("{\"name\": \"w\", \"template\":"
                        + " \"linux-desktop\", \"password\": \"x\"}")),
                sweep("workspace name of 5000 characters", () -> get("/api/v1/projects/{s}/workspaces/{n}", activeSlug,
                        "a".repeat(5000)).with(as("researcher"))),
                sweep("start a workspace that does not exist", () -> post("/api/v1/projects/{s}/workspaces/{n}/start",
                        activeSlug, "x' OR '1'='1").with(as("researcher"))),
                sweep("desktop settings with a field missing", () -> json(
                        put("/api/v1/projects/{s}/desktop-settings", slug),
                        "{\"pasteAllowed\": true, \"recordingEnabled\": false, \"maxSessionMinutes\": 60}")),
                sweep("desktop settings with minutes out of range", () -> json(
                        put("/api/v1/projects/{s}/desktop-settings", slug), "{\"pasteAllowed\": true,"
                                + " \"recordingEnabled\": false, \"maxSessionMinutes\": 0, \"idleTimeoutMinutes\": 5}")),
                sweep("desktop settings that try to allow copying out", () -> json(
                        put("/api/v1/projects/{s}/desktop-settings", slug), "{\"pasteAllowed\": true,"
                                + " \"recordingEnabled\": false, \"maxSessionMinutes\": 60, \"idleTimeoutMinutes\": 5,"
                                + " \"copyAllowed\": true}")),
                sweep("desktop settings with text for a number", () -> json(
                        put("/api/v1/projects/{s}/desktop-settings", slug), "{\"pasteAllowed\": true,"
                                + " \"recordingEnabled\": false, \"maxSessionMinutes\": \"1e9\", \"idleTimeoutMinutes\": 5}")),
                sweep("wrong password", () -> get("/api/v1/projects").with(httpBasic("admin", "wrong")), false),
                sweep("garbled Basic header", () -> get("/api/v1/projects").header("Authorization", "Basic !!!"),
                        false));
    }

    private DynamicTest sweep(String name, Supplier<MockHttpServletRequestBuilder> request) {
        return sweep(name, request, true);
    }

    /** @param auditUnchanged false where the refusal is itself audited (a failed sign-in) */
    private DynamicTest sweep(String name, Supplier<MockHttpServletRequestBuilder> request, boolean auditUnchanged) {
        return DynamicTest.dynamicTest(name, () -> {
            Fixtures.Snapshot before = fixtures.snapshot();
            MvcResult result = mvc.perform(request.get()).andReturn();
            if (result.getRequest().isAsyncStarted()) {
                result = mvc.perform(asyncDispatch(result)).andReturn();
            }
            String body = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
            int status = result.getResponse().getStatus();

            assertThat(status).as("%s: a client error, never a server error; body: %s", name, body)
                    .isBetween(400, 499);
            assertThat(result.getResponse().getContentType()).as("%s: problem response; status %s, body: %s", name,
                            status, body)
                    .startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            Fixtures.Snapshot after = fixtures.snapshot();
            assertThat(after.projects()).as("%s: projects unchanged", name).isEqualTo(before.projects());
            assertThat(after.memberships()).as("%s: memberships unchanged", name).isEqualTo(before.memberships());
            assertThat(after.clusterSettings()).as("%s: quotas and mirrors unchanged", name)
                    .isEqualTo(before.clusterSettings());
            assertThat(after.datasets()).as("%s: datasets and approvals unchanged", name)
                    .isEqualTo(before.datasets());
            if (auditUnchanged) {
                assertThat(after.auditHead()).as("%s: nothing audited", name).isEqualTo(before.auditHead());
            }
        });
    }

    private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
        return json(request, body, "admin");
    }

    /** As {@code username}: approvals are a steward's to decide, so a steward's requests get furthest there. */
    private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body,
                                                      String username) {
        return request.with(as(username)).contentType(MediaType.APPLICATION_JSON).content(body);
    }
}
