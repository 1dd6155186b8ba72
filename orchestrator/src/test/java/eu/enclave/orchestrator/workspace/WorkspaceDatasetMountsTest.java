package eu.enclave.orchestrator.workspace;

import static eu.enclave.orchestrator.support.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import eu.enclave.orchestrator.dataset.Dataset;
import eu.enclave.orchestrator.dataset.approval.Approval;
import eu.enclave.orchestrator.dataset.approval.ApprovalService;
import eu.enclave.orchestrator.project.Project;
import eu.enclave.orchestrator.support.Fixtures;
import eu.enclave.orchestrator.support.MutableClock;
import eu.enclave.orchestrator.support.OrchestratorApiTest;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Approved datasets in workspace pods, on Fabric8's CRUD mock: mounted read-only at {@code /data/<dataset>} once
 * approved; revoked or ended, the workspaces that mount it are stopped with the reason, and the mount is gone.
 */
@OrchestratorApiTest
class WorkspaceDatasetMountsTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    KubernetesClient cluster;
    @Autowired
    WorkspaceService service;
    @Autowired
    WorkspaceReconcileService reconciles;
    @Autowired
    ApprovalService approvals;
    @Autowired
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void anApprovedDatasetIsMountedReadOnlyAndARevocationStopsTheWorkspaceWithTheReason() throws Exception {
        Project project = fixtures.workspaceProject("wsd");
        Dataset dataset = fixtures.datasets().nfsDataset("cohort");
        Approval approval = fixtures.datasets().approve(project, dataset);
        new WorkspaceFixtures(fixtures, service).started(project, "researcher", "analysis");
        String claim = "ds-" + dataset.name();

        PodSpec pod = podSpec(project, "analysis");
        Volume volume = pod.getVolumes().stream().filter(v -> v.getPersistentVolumeClaim() != null
                && claim.equals(v.getPersistentVolumeClaim().getClaimName())).findFirst().orElseThrow();
        assertThat(volume.getPersistentVolumeClaim().getReadOnly()).isTrue();
        VolumeMount mount = pod.getContainers().get(0).getVolumeMounts().stream()
                .filter(m -> m.getName().equals(volume.getName())).findFirst().orElseThrow();
        assertThat(mount.getMountPath()).isEqualTo("/data/" + dataset.name());
        assertThat(mount.getReadOnly()).isTrue();
        long before = fixtures.auditHead();

        mvc.perform(post("/api/v1/projects/{slug}/dataset-approvals/{id}/revoke", project.slug(), approval.id())
                .with(as("steward")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\": \"permit withdrawn\"}"));

        String reason = "dataset access ended: " + dataset.name();
        String api = mvc.perform(get("/api/v1/projects/{slug}/workspaces/{name}", project.slug(), "analysis")
                .with(as("researcher"))).andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<String>read(api, "$.status")).isIn("stopping", "stopped");
        assertThat(JsonPath.<String>read(api, "$.reason")).isEqualTo(reason);
        assertThat(mvc.perform(get("/projects/{slug}/workspaces", project.slug()).with(user("researcher")))
                .andReturn().getResponse().getContentAsString()).contains(reason);
        assertThat(fixtures.auditAfter(before)).filteredOn(a -> a.action().equals("workspace.stopped"))
                .singleElement().satisfies(a -> {
                    assertThat(a.actor()).isEqualTo("system");
                    assertThat(a.details()).contains(reason);
                });

        reconciles.reconcileAll();
        assertThat(podSpec(project, "analysis").getVolumes()).noneMatch(v -> v.getPersistentVolumeClaim() != null
                && claim.equals(v.getPersistentVolumeClaim().getClaimName()));
    }

    @Test
    void anApprovalThatEndsStopsOnlyTheWorkspacesThatMountIt() throws Exception {
        Project project = fixtures.workspaceProject("wsd-end");
        new WorkspaceFixtures(fixtures, service).started(project, "researcher", "before");
        Dataset dataset = fixtures.datasets().nfsDataset("registry");
        fixtures.datasets().approve(project, dataset, fixtures.today());
        new WorkspaceFixtures(fixtures, service).started(project, "researcher", "after");

        clock.advance(Duration.ofDays(2));
        approvals.recordExpiries();

        assertThat(service.get(fixtures.user("researcher"), project.slug(), "after").reason())
                .isEqualTo("dataset access ended: " + dataset.name());
        assertThat(service.get(fixtures.user("researcher"), project.slug(), "after").wantsToRun()).isFalse();
        // started before the approval, it never mounted the dataset: it keeps running
        assertThat(service.get(fixtures.user("researcher"), project.slug(), "before").wantsToRun()).isTrue();
    }

    private PodSpec podSpec(Project project, String workspace) {
        return cluster.apps().statefulSets().inNamespace("enclave-" + project.slug()).withName("ws-" + workspace).get()
                .getSpec().getTemplate().getSpec();
    }
}
