package eu.enclave.orchestrator.api;

import static eu.enclave.orchestrator.support.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import eu.enclave.orchestrator.project.Project;
import eu.enclave.orchestrator.project.ProjectStatus;
import eu.enclave.orchestrator.support.Fixtures;
import eu.enclave.orchestrator.support.OrchestratorApiTest;
import eu.enclave.orchestrator.workspace.WorkspaceFixtures;
import eu.enclave.orchestrator.workspace.WorkspaceService;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every API endpoint against every kind of caller, through HTTP Basic and the real security filter chain.
 * Each case runs on fixtures of its own (a fresh project), so outcomes never depend on order. The endpoint
 * list comes from Spring's request mappings: an endpoint without a row, or a row for an endpoint that no
 * longer exists, fails {@link #everyApiEndpointHasARowAndEveryRowAnEndpoint()}.
 */
@OrchestratorApiTest
class AuthorizationMatrixTest {

    /** Column order of the expected-status strings below. */
    enum Caller { ANONYMOUS, OUTSIDER, RESEARCHER, PI, REVIEWER, STEWARD, ADMIN }

    private static final String NEW_MEMBER = "{\"username\": \"outsider\", \"role\": \"researcher\"}";
    private static final String NEW_PI = "{\"username\": \"outsider\", \"role\": \"pi\"}";
    private static final String QUOTA = """
            {"cpu": "16", "memory": "64Gi", "gpus": 1, "pods": 20, "pvcs": 20, "storage": "1Ti"}""";
    private static final String MIRRORS = """
            {"mirrors": [{"name": "cran", "cidr": "10.20.0.5", "port": 443, "hostname": "cran.mirror.internal"}]}""";
    private static final String TEMPLATES = "{\"templates\": [\"linux-desktop\"]}";
    private static final String DESKTOP_SETTINGS = """
            {"pasteAllowed": false, "recordingEnabled": true, "maxSessionMinutes": 240, "idleTimeoutMinutes": 20}""";

    //                 endpoint                                          variant              anon out  res  pi   rev  stew adm
    private static final List<Row> MATRIX = List.of(
            row("GET /api/v1/projects",                                 "",                 "401 200 200 200 200 200 200",
                    f -> get("/api/v1/projects")),
            row("POST /api/v1/projects",                                "",                 "401 403 403 403 403 403 201",
                    f -> post("/api/v1/projects").contentType(MediaType.APPLICATION_JSON).content(newProject())),
            row("GET /api/v1/projects/{slug}",                          "",                 "401 404 200 200 200 200 200",
                    f -> get("/api/v1/projects/{slug}", f.draftProject("mx").slug())),
            row("GET /api/v1/projects/{slug}",                          "no such project",  "401 404 404 404 404 404 404",
                    f -> get("/api/v1/projects/{slug}", "no-such-project")),
            row("PATCH /api/v1/projects/{slug}",                        "",                 "401 404 403 403 403 403 200",
                    f -> patch("/api/v1/projects/{slug}", f.draftProject("mx").slug())
                            .contentType(MediaType.APPLICATION_JSON).content("{\"title\": \"Renamed\"}")),
            row("POST /api/v1/projects/{slug}/status",                  "",                 "401 404 403 403 403 403 200",
                    f -> post("/api/v1/projects/{slug}/status", f.draftProject("mx").slug())
                            .contentType(MediaType.APPLICATION_JSON).content("{\"status\": \"active\"}")),
            row("GET /api/v1/projects/{slug}/cluster",                  "",                 "401 404 200 200 200 200 200",
                    f -> get("/api/v1/projects/{slug}/cluster", f.activeProject("mx").slug())),
            row("GET /api/v1/projects/{slug}/members",                  "",                 "401 404 200 200 200 200 200",
                    f -> get("/api/v1/projects/{slug}/members", f.draftProject("mx").slug())),
            row("POST /api/v1/projects/{slug}/members",                 "",                 "401 404 403 201 403 403 201",
                    f -> post("/api/v1/projects/{slug}/members", f.draftProject("mx").slug())
                            .contentType(MediaType.APPLICATION_JSON).content(NEW_MEMBER)),
            row("POST /api/v1/projects/{slug}/members",                 "appoint a PI",     "401 404 403 403 403 403 201",
                    f -> post("/api/v1/projects/{slug}/members", f.draftProject("mx").slug())
                            .contentType(MediaType.APPLICATION_JSON).content(NEW_PI)),
            row("DELETE /api/v1/projects/{slug}/members/{userId}",      "",                 "401 404 403 204 403 403 204",
                    f -> delete("/api/v1/projects/{slug}/members/{userId}", f.draftProject("mx").slug(),
                            f.user("researcher").id())),
            row("DELETE /api/v1/projects/{slug}/members/{userId}",      "remove the PI",    "401 404 403 403 403 403 204",
                    f -> delete("/api/v1/projects/{slug}/members/{userId}", f.draftProject("mx").slug(),
                            f.user("pi").id())),
            row("GET /api/v1/projects/{slug}/quota",                    "",                 "401 404 200 200 200 200 200",
                    f -> get("/api/v1/projects/{slug}/quota", f.draftProject("mx").slug())),
            row("GET /api/v1/projects/{slug}/quota",                    "archived",         "401 404 200 200 200 200 200",
                    f -> get("/api/v1/projects/{slug}/quota", f.projectInStatus("mx", ProjectStatus.ARCHIVED).slug())),
            row("PUT /api/v1/projects/{slug}/quota",                    "",                 "401 404 403 403 403 403 200",
                    f -> put("/api/v1/projects/{slug}/quota", f.draftProject("mx").slug())
                            .contentType(MediaType.APPLICATION_JSON).content(QUOTA)),
            row("PUT /api/v1/projects/{slug}/quota",                    "archived",         "401 404 403 403 403 403 409",
                    f -> put("/api/v1/projects/{slug}/quota", f.projectInStatus("mx", ProjectStatus.ARCHIVED).slug())
                            .contentType(MediaType.APPLICATION_JSON).content(QUOTA)),
            row("GET /api/v1/projects/{slug}/mirrors",                  "",                 "401 404 200 200 200 200 200",
                    f -> get("/api/v1/projects/{slug}/mirrors", f.draftProject("mx").slug())),
            row("PUT /api/v1/projects/{slug}/mirrors",                  "",                 "401 404 403 403 403 403 200",
                    f -> put("/api/v1/projects/{slug}/mirrors", f.draftProject("mx").slug())
                            .contentType(MediaType.APPLICATION_JSON).content(MIRRORS)),
            row("PUT /api/v1/projects/{slug}/mirrors",                  "archived",         "401 404 403 403 403 403 409",
                    f -> put("/api/v1/projects/{slug}/mirrors", f.projectInStatus("mx", ProjectStatus.ARCHIVED).slug())
                            .contentType(MediaType.APPLICATION_JSON).content(MIRRORS)),
            row("GET /api/v1/audit/verify",                             "",                 "401 403 403 403 403 403 200",
                    f -> get("/api/v1/audit/verify")),
            row("GET /api/v1/audit/export",                             "",                 "401 403 403 403 403 403 200",
                    f -> get("/api/v1/audit/export").param("from", "2020-01-01").param("to", "2100-01-01")),
            row("GET /api/v1/projects/{slug}/deletion",                 "",                 "401 404 403 403 403 200 200",
                    f -> get("/api/v1/projects/{slug}/deletion", f.archivedWithDeletionRecord("mx").slug())),
            row("GET /api/v1/projects/{slug}/deletion",                 "no record yet",    "401 404 403 403 403 404 404",
                    f -> get("/api/v1/projects/{slug}/deletion", f.projectInStatus("mx", ProjectStatus.ARCHIVED).slug())),
            row("GET /api/v1/workspace-templates",                      "",                 "401 200 200 200 200 200 200",
                    f -> get("/api/v1/workspace-templates")),
            row("GET /api/v1/projects/{slug}/templates",                "",                 "401 404 200 200 200 200 200",
                    f -> get("/api/v1/projects/{slug}/templates", f.draftProject("mx").slug())),
            row("PUT /api/v1/projects/{slug}/templates",                "",                 "401 404 403 403 403 403 200",
                    f -> put("/api/v1/projects/{slug}/templates", f.draftProject("mx").slug())
                            .contentType(MediaType.APPLICATION_JSON).content(TEMPLATES)),
            row("PUT /api/v1/projects/{slug}/templates",                "archived",         "401 404 403 403 403 403 409",
                    f -> put("/api/v1/projects/{slug}/templates", f.projectInStatus("mx", ProjectStatus.ARCHIVED).slug())
                            .contentType(MediaType.APPLICATION_JSON).content(TEMPLATES)),
            row("GET /api/v1/projects/{slug}/secrets",                  "",                 "401 404 403 403 403 403 200",
                    f -> get("/api/v1/projects/{slug}/secrets", f.activeProject("mx").slug())),
            row("GET /api/v1/projects/{slug}/secrets",                  "no such project",  "401 404 404 404 404 404 404",
                    f -> get("/api/v1/projects/{slug}/secrets", "no-such-project")),
            row("GET /api/v1/datasets",                                 "",                 "401 403 403 403 403 200 200",
                    f -> get("/api/v1/datasets")),
            row("POST /api/v1/datasets",                                "",                 "401 403 403 403 403 403 201",
                    f -> post("/api/v1/datasets").contentType(MediaType.APPLICATION_JSON).content(newDataset())),
            row("GET /api/v1/datasets/{name}",                          "",                 "401 404 404 404 404 200 200",
                    f -> get("/api/v1/datasets/{name}", f.datasets().nfsDataset("mx").name())),
            row("GET /api/v1/datasets/{name}",                          "no such dataset",  "401 404 404 404 404 404 404",
                    f -> get("/api/v1/datasets/{name}", "no-such-dataset")),
            row("PATCH /api/v1/datasets/{name}",                        "",                 "401 403 403 403 403 403 200",
                    f -> patch("/api/v1/datasets/{name}", f.datasets().nfsDataset("mx").name())
                            .contentType(MediaType.APPLICATION_JSON).content("{\"owner\": \"Another hospital\"}")),
            row("POST /api/v1/datasets/{name}/retire",                  "",                 "401 403 403 403 403 403 200",
                    f -> post("/api/v1/datasets/{name}/retire", f.datasets().nfsDataset("mx").name())
                            .contentType(MediaType.APPLICATION_JSON).content("{\"reason\": \"superseded\"}")),
            row("GET /api/v1/projects/{slug}/dataset-approvals",        "",                 "401 404 200 200 200 200 200",
                    f -> get("/api/v1/projects/{slug}/dataset-approvals", approvedProject(f).slug())),
            row("POST /api/v1/projects/{slug}/dataset-approvals",       "",                 "401 404 403 403 403 201 403",
                    f -> post("/api/v1/projects/{slug}/dataset-approvals", f.draftProject("mx").slug())
                            .contentType(MediaType.APPLICATION_JSON).content(newApproval(f))),
            row("POST /api/v1/projects/{slug}/dataset-approvals",       "archived",         "401 404 403 403 403 409 403",
                    f -> post("/api/v1/projects/{slug}/dataset-approvals",
                            f.projectInStatus("mx", ProjectStatus.ARCHIVED).slug())
                            .contentType(MediaType.APPLICATION_JSON).content(newApproval(f))),
            row("POST /api/v1/projects/{slug}/dataset-approvals/{id}/revoke", "",           "401 404 403 403 403 200 403",
                    f -> {
                        Project project = f.activeProject("mx");
                        var approval = f.datasets().approve(project, f.datasets().nfsDataset("mx"));
                        return post("/api/v1/projects/{slug}/dataset-approvals/{id}/revoke", project.slug(),
                                approval.id()).contentType(MediaType.APPLICATION_JSON)
                                .content("{\"reason\": \"permit withdrawn\"}");
                    }),
            // workspaces: the researcher's own; the PI and admins see and stop it, only its owner starts or deletes it
            row("GET /api/v1/projects/{slug}/workspaces",               "",                 "401 404 200 200 200 200 200",
                    f -> get("/api/v1/projects/{slug}/workspaces", f.workspaceProject("mx").slug())),
            row("POST /api/v1/projects/{slug}/workspaces",              "",                 "401 404 201 201 403 403 403",
                    f -> post("/api/v1/projects/{slug}/workspaces", f.workspaceProject("mx").slug())
                            .contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"desk\", \"template\": \"linux-desktop\"}")),
            row("GET /api/v1/projects/{slug}/workspaces/{name}",        "",                 "401 404 200 200 404 404 200",
                    f -> get("/api/v1/projects/{slug}/workspaces/{name}", researchersWorkspace(f, false), "desk")),
            row("POST /api/v1/projects/{slug}/workspaces/{name}/start", "",                 "401 404 200 403 404 404 403",
                    f -> post("/api/v1/projects/{slug}/workspaces/{name}/start", researchersWorkspace(f, true), "desk")),
            row("POST /api/v1/projects/{slug}/workspaces/{name}/stop",  "",                 "401 404 200 200 404 404 200",
                    f -> post("/api/v1/projects/{slug}/workspaces/{name}/stop", researchersWorkspace(f, false), "desk")),
            row("DELETE /api/v1/projects/{slug}/workspaces/{name}",     "",                 "401 404 204 403 404 404 403",
                    f -> delete("/api/v1/projects/{slug}/workspaces/{name}", researchersWorkspace(f, true), "desk")),
            row("GET /api/v1/projects/{slug}/desktop-settings",         "",                 "401 404 200 200 200 200 200",
                    f -> get("/api/v1/projects/{slug}/desktop-settings", f.draftProject("mx").slug())),
            row("PUT /api/v1/projects/{slug}/desktop-settings",         "",                 "401 404 403 403 403 403 200",
                    f -> put("/api/v1/projects/{slug}/desktop-settings", f.draftProject("mx").slug())
                            .contentType(MediaType.APPLICATION_JSON).content(DESKTOP_SETTINGS)),
            row("PUT /api/v1/projects/{slug}/desktop-settings",         "archived",         "401 404 403 403 403 403 409",
                    f -> put("/api/v1/projects/{slug}/desktop-settings",
                            f.projectInStatus("mx", ProjectStatus.ARCHIVED).slug())
                            .contentType(MediaType.APPLICATION_JSON).content(DESKTOP_SETTINGS)),
            row("GET /api/v1/projects/{slug}/desktop-recordings",       "",                 "401 404 403 403 403 403 200",
                    f -> get("/api/v1/projects/{slug}/desktop-recordings", f.activeProject("mx").slug())),
            // the project's data-warehouse role: admins only
            row("PUT /api/v1/projects/{slug}/database-role",            "",                 "401 404 403 403 403 403 200",
                    f -> put("/api/v1/projects/{slug}/database-role", f.draftProject("mx").slug())
                            .contentType(MediaType.APPLICATION_JSON).content("{\"role\": null}")),
            row("PUT /api/v1/projects/{slug}/database-role",            "archived",         "401 404 403 403 403 403 409",
                    f -> put("/api/v1/projects/{slug}/database-role", f.projectInStatus("mx", ProjectStatus.ARCHIVED).slug())
                            .contentType(MediaType.APPLICATION_JSON).content("{\"role\": null}")));

    /** Set before each case: the rows above are static. */
    private static volatile WorkspaceFixtures workspaceFixtures;

    /** A fresh active project where the researcher owns workspace "desk", running or stopped; returns its slug. */
    private static String researchersWorkspace(Fixtures f, boolean stopped) {
        Project project = f.workspaceProject("mx");
        if (stopped) {
            workspaceFixtures.stopped(project, "researcher", "desk");
        } else {
            workspaceFixtures.started(project, "researcher", "desk");
        }
        return project.slug();
    }

    @Autowired
    WorkspaceService workspaceService;

    @BeforeEach
    void workspaceFixtures() {
        workspaceFixtures = new WorkspaceFixtures(fixtures, workspaceService);
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ApplicationContext context;

    @Test
    void everyApiEndpointHasARowAndEveryRowAnEndpoint() {
        Set<String> mapped = apiEndpoints(context);
        Set<String> inMatrix = MATRIX.stream().map(Row::endpoint).collect(Collectors.toCollection(TreeSet::new));

        assertThat(mapped).as("API endpoints mapped by Spring").isNotEmpty()
                .contains("GET /api/v1/audit/verify", "GET /api/v1/audit/export");
        Set<String> missing = new TreeSet<>(mapped);
        missing.removeAll(inMatrix);
        Set<String> stale = new TreeSet<>(inMatrix);
        stale.removeAll(mapped);
        assertThat(missing).as("endpoints without a row in AuthorizationMatrixTest.MATRIX: add one stating who may"
                + " call them").isEmpty();
        assertThat(stale).as("rows in AuthorizationMatrixTest.MATRIX for endpoints that no longer exist").isEmpty();
    }

    @TestFactory
    Stream<DynamicTest> matrix() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Row row : MATRIX) {
            for (Caller caller : Caller.values()) {
                int expected = row.expected().get(caller);
                tests.add(DynamicTest.dynamicTest(row + " as " + caller.name().toLowerCase() + " -> " + expected,
                        () -> check(row, caller, expected)));
            }
        }
        return tests.stream();
    }

    private void check(Row row, Caller caller, int expected) throws Exception {
        MockHttpServletRequestBuilder request = row.request().apply(fixtures);
        if (caller != Caller.ANONYMOUS) {
            request.with(as(caller.name().toLowerCase()));
        }
        Fixtures.Snapshot before = fixtures.snapshot();

        MvcResult result = mvc.perform(request).andReturn();

        int status = result.getResponse().getStatus();
        assertThat(status).as(row + " as " + caller + ": " + result.getResponse().getContentAsString())
                .isEqualTo(expected);
        if (status >= 400) {
            assertThat(result.getResponse().getContentType()).as("content type of a refusal")
                    .startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            assertThat(fixtures.snapshot()).as("a refused request writes nothing, not even an audit entry")
                    .isEqualTo(before);
        }
    }

    /** "METHOD /pattern" for every handler method mapped under /api/, in every MVC handler mapping. */
    static Set<String> apiEndpoints(ApplicationContext context) {
        Set<String> endpoints = new TreeSet<>();
        for (RequestMappingHandlerMapping mapping : context.getBeansOfType(RequestMappingHandlerMapping.class).values()) {
            for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                for (String pattern : info.getPatternValues()) {
                    if (!pattern.startsWith("/api/")) {
                        continue;
                    }
                    if (methods.isEmpty()) {
                        endpoints.add("ANY-METHOD " + pattern); // never matches a row: state the methods
                    }
                    methods.forEach(m -> endpoints.add(m.name() + " " + pattern));
                }
            }
        }
        return endpoints;
    }

    private static String newProject() {
        return """
                {"slug": "%s", "title": "Matrix study", "legalBasis": "MR-004",
                 "startDate": "2026-01-01", "endDate": "2027-12-31"}""".formatted(Fixtures.newSlug("mc"));
    }

    private static String newDataset() {
        return """
                {"name": "%s", "owner": "Matrix hospital", "tier": "pseudonymised",
                 "source": {"kind": "nfs", "server": "10.30.0.4", "path": "/exports/matrix"}}"""
                .formatted(Fixtures.newSlug("md"));
    }

    private static String newApproval(Fixtures f) {
        return """
                {"dataset": "%s", "endDate": "%s", "reference": "PERMIT-MX"}"""
                .formatted(f.datasets().nfsDataset("mx").name(), f.today().plusMonths(1));
    }

    private static Project approvedProject(Fixtures f) {
        Project project = f.activeProject("mx");
        f.datasets().approve(project, f.datasets().nfsDataset("mx"));
        return project;
    }

    private static Row row(String endpoint, String variant, String statuses,
                           Function<Fixtures, MockHttpServletRequestBuilder> request) {
        int[] codes = Arrays.stream(statuses.trim().split("\\s+")).mapToInt(Integer::parseInt).toArray();
        if (codes.length != Caller.values().length) {
            throw new IllegalArgumentException(endpoint + ": one status per caller " + Arrays.toString(Caller.values()));
        }
        Map<Caller, Integer> expected = new EnumMap<>(Caller.class);
        for (Caller caller : Caller.values()) {
            expected.put(caller, codes[caller.ordinal()]);
        }
        return new Row(endpoint, variant, expected, request);
    }

    record Row(String endpoint, String variant, Map<Caller, Integer> expected,
               Function<Fixtures, MockHttpServletRequestBuilder> request) {

        @Override
        public String toString() {
            return endpoint + (variant.isEmpty() ? "" : " [" + variant + "]");
        }
    }
}
