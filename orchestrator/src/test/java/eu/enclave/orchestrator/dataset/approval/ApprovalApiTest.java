package eu.enclave.orchestrator.dataset.approval;

import static eu.enclave.orchestrator.support.Fixtures.as;
import static eu.enclave.orchestrator.support.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import eu.enclave.orchestrator.dataset.Dataset;
import eu.enclave.orchestrator.project.Project;
import eu.enclave.orchestrator.project.ProjectStatus;
import eu.enclave.orchestrator.support.DatasetFixtures;
import eu.enclave.orchestrator.support.Fixtures;
import eu.enclave.orchestrator.support.Fixtures.Audited;
import eu.enclave.orchestrator.support.OrchestratorApiTest;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Stewards' approvals through the API: deciding, revoking, who sees what, and what is refused. */
@OrchestratorApiTest
class ApprovalApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    DatasetAccess access;

    @Test
    void aStewardApprovesAndTheProjectMountsTheDatasetWithItsDecisionAudited() throws Exception {
        Project project = fixtures.activeProject("ap");
        Dataset dataset = fixtures.datasets().nfsDataset("ap");
        long head = fixtures.auditHead();

        String body = ok(201, approve(project, dataset.name(), null, fixtures.today().plusMonths(3), "CNIL-2026-042"));

        assertThat(JsonPath.<String>read(body, "$.dataset")).isEqualTo(dataset.name());
        assertThat(JsonPath.<String>read(body, "$.state")).isEqualTo("current");
        assertThat(JsonPath.<String>read(body, "$.startDate")).isEqualTo(fixtures.today().toString());
        assertThat(JsonPath.<String>read(body, "$.mountPath")).isEqualTo("/data/" + dataset.name());
        assertThat(JsonPath.<String>read(body, "$.approvedBy")).isEqualTo("steward");
        assertThat(access.currentMounts(project.id())).containsExactly(new DatasetMount(dataset.name(),
                "ds-" + dataset.name(), "/data/" + dataset.name()));
        List<Audited> decisions = fixtures.auditAfter(head).stream()
                .filter(a -> a.action().startsWith("dataset.")).toList();
        assertThat(decisions).extracting(Audited::action).containsExactly("dataset.approved");
        assertThat(decisions.get(0).actor()).isEqualTo("steward");
        assertThat(decisions.get(0).project()).isEqualTo(project.slug());
        assertThat(decisions.get(0).details()).contains("\"reference\":\"CNIL-2026-042\"");
    }

    @Test
    void membersSeeTheCurrentApprovalsWithoutStorageDetailsAndStewardsTheHistory() throws Exception {
        Project project = fixtures.activeProject("vis");
        Dataset current = fixtures.datasets().nfsDataset("cur");
        Dataset revoked = fixtures.datasets().nfsDataset("rev");
        Dataset future = fixtures.datasets().nfsDataset("fut");
        fixtures.datasets().approve(project, current);
        Approval gone = fixtures.datasets().approve(project, revoked);
        ok(200, revoke(project, gone.id(), "permit withdrawn"));
        ok(201, approve(project, future.name(), fixtures.today().plusDays(10), fixtures.today().plusDays(20), "P-9"));

        String seenByResearcher = ok(200, get("/api/v1/projects/{s}/dataset-approvals", project.slug())
                .with(as("researcher")));
        assertThat(JsonPath.<List<String>>read(seenByResearcher, "$[*].dataset")).containsExactly(current.name());
        assertThat(seenByResearcher).doesNotContain("nfs.data.internal").doesNotContain("/exports/");

        String seenBySteward = ok(200, get("/api/v1/projects/{s}/dataset-approvals", project.slug())
                .with(as("steward")));
        assertThat(JsonPath.<List<String>>read(seenBySteward, "$[*].state"))
                .containsExactlyInAnyOrder("current", "revoked", "pending");
        assertThat(JsonPath.<List<String>>read(seenBySteward, "$[?(@.state == 'revoked')].revokeReason"))
                .containsExactly("permit withdrawn");
        assertThat(access.currentMounts(project.id())).extracting(DatasetMount::dataset)
                .containsExactly(current.name());
        assertRejected(mvc, fixtures, get("/api/v1/projects/{s}/dataset-approvals", project.slug())
                .with(as("outsider")), 404);
    }

    @Test
    void aStewardRevokesWithAReasonOnceAndTheMountGoes() throws Exception {
        Project project = fixtures.activeProject("rv");
        Dataset dataset = fixtures.datasets().nfsDataset("rv");
        Approval approval = fixtures.datasets().approve(project, dataset);
        long head = fixtures.auditHead();

        String body = ok(200, revoke(project, approval.id(), "permit suspended by the CNIL"));

        assertThat(JsonPath.<String>read(body, "$.state")).isEqualTo("revoked");
        assertThat(JsonPath.<String>read(body, "$.revokedBy")).isEqualTo("steward");
        assertThat(access.currentMounts(project.id())).isEmpty();
        List<Audited> entries = fixtures.auditAfter(head).stream()
                .filter(a -> a.action().startsWith("dataset.")).toList();
        assertThat(entries).extracting(Audited::action).containsExactly("dataset.access_revoked");
        assertThat(entries.get(0).details()).contains("permit suspended by the CNIL");
        assertRejected(mvc, fixtures, revoke(project, approval.id(), "again"), 409, "id");
        assertRejected(mvc, fixtures, revoke(project, UUID.randomUUID(), "unknown"), 404, "id");
        assertRejected(mvc, fixtures, revoke(project, approval.id(), " "), 400, "reason");
    }

    @Test
    void anApprovalOfAnotherProjectCannotBeRevokedThroughThisOne() throws Exception {
        Project mine = fixtures.activeProject("own");
        Project theirs = fixtures.activeProject("oth");
        Approval theirApproval = fixtures.datasets().approve(theirs, fixtures.datasets().nfsDataset("oth"));

        assertRejected(mvc, fixtures, revoke(mine, theirApproval.id(), "wrong project"), 404, "id");
    }

    @Test
    void badApprovalsAreRefusedNamingTheFieldAndWriteNothing() throws Exception {
        Project project = fixtures.activeProject("bad");
        Dataset dataset = fixtures.datasets().nfsDataset("bad");
        LocalDate today = fixtures.today();

        assertRejected(mvc, fixtures, approve(project, dataset.name(), today.plusDays(10), today.plusDays(9), "P"),
                400, "endDate");
        assertRejected(mvc, fixtures, approve(project, dataset.name(), today.minusDays(10), today.minusDays(1), "P"),
                400, "endDate");
        assertRejected(mvc, fixtures, approve(project, dataset.name(), null, null, "P"), 400, "endDate");
        assertRejected(mvc, fixtures, approve(project, "no-such-dataset", null, today.plusDays(5), "P"), 400,
                "dataset");
        assertRejected(mvc, fixtures, approve(project, dataset.name(), null, today.plusDays(5), " "), 400,
                "reference");
        assertRejected(mvc, fixtures, approve(project, dataset.name(), null, today.plusDays(5), "x".repeat(201)),
                400, "reference");
        assertRejected(mvc, fixtures, approveAs("admin", project, dataset.name(), null, today.plusDays(5), "P"), 403);
        assertRejected(mvc, fixtures, approveAs("pi", project, dataset.name(), null, today.plusDays(5), "P"), 403);
        assertRejected(mvc, fixtures, approveAs("outsider", project, dataset.name(), null, today.plusDays(5), "P"),
                404);
    }

    @Test
    void aSecondOverlappingApprovalIsADuplicateButARenewalAfterTheEndIsNot() throws Exception {
        Project project = fixtures.activeProject("dup");
        Dataset dataset = fixtures.datasets().nfsDataset("dup");
        LocalDate today = fixtures.today();
        ok(201, approve(project, dataset.name(), today, today.plusDays(30), "P-1"));

        assertRejected(mvc, fixtures, approve(project, dataset.name(), today.plusDays(30), today.plusDays(60), "P-2"),
                409, "dataset");
        ok(201, approve(project, dataset.name(), today.plusDays(31), today.plusDays(60), "P-2"));
        ok(201, approve(fixtures.activeProject("dup2"), dataset.name(), today, today.plusDays(30), "P-3"));
    }

    @Test
    void aDatasetOnAnExistingVolumeServesOneProjectAtATime() throws Exception {
        Dataset dataset = fixtures.datasets().register("pv", DatasetFixtures.existingVolume("pv-" + UUID.randomUUID()));
        Project first = fixtures.activeProject("pv1");
        Project second = fixtures.activeProject("pv2");
        LocalDate today = fixtures.today();
        Approval held = fixtures.datasets().approve(first, dataset);

        assertRejected(mvc, fixtures, approve(second, dataset.name(), today.plusDays(3), today.plusDays(9), "P"),
                409, "dataset");

        ok(200, revoke(first, held.id(), "moved to the second study"));
        ok(201, approve(second, dataset.name(), today.plusDays(3), today.plusDays(9), "P"));
    }

    @Test
    void anArchivedProjectGetsNoNewApproval() throws Exception {
        Project archived = fixtures.projectInStatus("arc", ProjectStatus.ARCHIVED);
        assertRejected(mvc, fixtures, approve(archived, fixtures.datasets().nfsDataset("arc").name(), null,
                fixtures.today().plusDays(3), "P"), 409, "status");
    }

    private MockHttpServletRequestBuilder approve(Project project, String dataset, LocalDate start, LocalDate end,
                                                  String reference) {
        return approveAs("steward", project, dataset, start, end, reference);
    }

    private MockHttpServletRequestBuilder approveAs(String user, Project project, String dataset, LocalDate start,
                                                    LocalDate end, String reference) {
        String body = "{\"dataset\": \"%s\", %s %s \"reference\": \"%s\"}".formatted(dataset,
                start == null ? "" : "\"startDate\": \"" + start + "\",",
                end == null ? "" : "\"endDate\": \"" + end + "\",", reference);
        return post("/api/v1/projects/{s}/dataset-approvals", project.slug()).with(as(user))
                .contentType(MediaType.APPLICATION_JSON).content(body);
    }

    private MockHttpServletRequestBuilder revoke(Project project, UUID id, String reason) {
        return post("/api/v1/projects/{s}/dataset-approvals/{id}/revoke", project.slug(), id).with(as("steward"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"reason\": \"" + reason + "\"}");
    }

    private String ok(int status, MockHttpServletRequestBuilder request) throws Exception {
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        String body = response.getContentAsString(StandardCharsets.UTF_8);
        assertThat(response.getStatus()).as(body).isEqualTo(status);
        return body;
    }
}
