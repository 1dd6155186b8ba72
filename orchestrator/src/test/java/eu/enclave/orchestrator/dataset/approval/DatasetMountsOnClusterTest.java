package eu.enclave.orchestrator.dataset.approval;

import static eu.enclave.orchestrator.support.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import eu.enclave.orchestrator.cluster.ClusterNames;
import eu.enclave.orchestrator.cluster.ClusterSettings;
import eu.enclave.orchestrator.dataset.Dataset;
import eu.enclave.orchestrator.project.Project;
import eu.enclave.orchestrator.support.DatasetFixtures;
import eu.enclave.orchestrator.support.Fixtures;
import eu.enclave.orchestrator.support.Fixtures.Audited;
import eu.enclave.orchestrator.support.MutableClock;
import eu.enclave.orchestrator.support.OrchestratorApiTest;
import eu.enclave.orchestrator.project.ProjectService;
import io.fabric8.kubernetes.api.model.PersistentVolume;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Approvals reaching the simulated cluster at once: a claim (and a volume for NFS and CSI) after an approval, none
 * after a revocation or once the end date has passed, and the project's own data claims never touched.
 */
@OrchestratorApiTest
class DatasetMountsOnClusterTest {

    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired KubernetesClient client;
    @Autowired ClusterSettings settings;
    @Autowired MutableClock clock;
    @Autowired ApprovalExpiryEnforcer enforcer;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void anApprovedNfsDatasetGetsAReadOnlyClaimBoundToARetainedVolumeAndRevokingRemovesBoth() throws Exception {
        Project project = fixtures.activeProject("mnt");
        Dataset dataset = fixtures.datasets().nfsDataset("mnt");

        Approval approval = fixtures.datasets().approve(project, dataset);

        PersistentVolumeClaim claim = claim(project, dataset);
        assertThat(claim).as("the claim appears at once").isNotNull();
        assertThat(claim.getSpec().getAccessModes()).containsExactly("ReadOnlyMany");
        assertThat(claim.getMetadata().getLabels()).containsEntry(ClusterNames.COMPONENT, "dataset")
                .containsEntry(ClusterNames.PROJECT_ID, project.id().toString());
        PersistentVolume volume = client.persistentVolumes().withName(claim.getSpec().getVolumeName()).get();
        assertThat(volume.getMetadata().getName()).isEqualTo(namespace(project) + "-ds-" + dataset.name());
        assertThat(volume.getSpec().getPersistentVolumeReclaimPolicy()).isEqualTo("Retain");
        assertThat(volume.getSpec().getNfs().getReadOnly()).isTrue();
        assertThat(volume.getSpec().getNfs().getPath()).isEqualTo("/exports/" + dataset.name().split("-")[0]);
        assertThat(volume.getSpec().getClaimRef().getNamespace()).isEqualTo(namespace(project));
        assertThat(volume.getSpec().getClaimRef().getName()).isEqualTo("ds-" + dataset.name());

        int status = mvc.perform(post("/api/v1/projects/{s}/dataset-approvals/{id}/revoke", project.slug(),
                approval.id()).with(as("steward")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\": \"permit withdrawn\"}")).andReturn().getResponse().getStatus();
        assertThat(status).isEqualTo(200);

        assertThat(claim(project, dataset)).as("the claim goes at once").isNull();
        assertThat(client.persistentVolumes().withName(volume.getMetadata().getName()).get()).isNull();
        assertThat(client.persistentVolumeClaims().inNamespace(namespace(project)).withName("project-share").get())
                .as("the project's own data claims are never pruned").isNotNull();
        assertThat(client.persistentVolumeClaims().inNamespace(namespace(project)).withName("project-outbox").get())
                .isNotNull();
        assertThat(fixtures.auditFor(project.slug())).filteredOn(a -> a.action().equals("cluster.applied"))
                .last().satisfies(a -> assertThat(a.details()).contains("PersistentVolumeClaim "
                        + namespace(project) + "/ds-" + dataset.name()));
    }

    @Test
    void anExistingVolumeIsOnlyNamedByTheClaim() {
        Project project = fixtures.activeProject("epv");
        String volumeName = "eds-" + UUID.randomUUID();
        Dataset dataset = fixtures.datasets().register("epv", DatasetFixtures.existingVolume(volumeName));

        fixtures.datasets().approve(project, dataset);

        assertThat(claim(project, dataset).getSpec().getVolumeName()).isEqualTo(volumeName);
        assertThat(claim(project, dataset).getSpec().getStorageClassName()).isEmpty();
        assertThat(client.persistentVolumes().withName(volumeName).get()).as("never made by the orchestrator").isNull();
    }

    @Test
    void aCsiVolumeIsReadOnlyWithItsAttributes() {
        Project project = fixtures.activeProject("csi");
        Dataset dataset = fixtures.datasets().register("csi", DatasetFixtures.csi("s3.csi.example.com", "cohort-2026",
                Map.of("bucket", "cohort-2026")));

        fixtures.datasets().approve(project, dataset);

        PersistentVolume volume = client.persistentVolumes().withName(claim(project, dataset).getSpec().getVolumeName())
                .get();
        assertThat(volume.getSpec().getCsi().getReadOnly()).isTrue();
        assertThat(volume.getSpec().getCsi().getVolumeAttributes()).containsEntry("bucket", "cohort-2026");
        assertThat(volume.getSpec().getPersistentVolumeReclaimPolicy()).isEqualTo("Retain");
    }

    @Test
    void anApprovalPastItsEndDateIsRecordedOnceBySystemAndItsClaimRemoved() {
        Project project = fixtures.activeProject("exp");
        Dataset dataset = fixtures.datasets().nfsDataset("exp");
        Project other = fixtures.activeProject("exp2");
        fixtures.datasets().approve(project, dataset, fixtures.today().plusDays(1));
        fixtures.datasets().approve(other, fixtures.datasets().nfsDataset("exp2"), fixtures.today().plusDays(1));
        assertThat(claim(project, dataset)).isNotNull();

        clock.advance(Duration.ofDays(1));
        enforcer.enforce();
        assertThat(claim(project, dataset)).as("the end date is the last day of access").isNotNull();

        clock.advance(Duration.ofDays(1));
        enforcer.enforce();
        enforcer.enforce();

        List<Audited> expiries = fixtures.auditFor(project.slug()).stream()
                .filter(a -> a.action().equals("dataset.approval_expired")).toList();
        assertThat(expiries).hasSize(1);
        assertThat(expiries.get(0).actor()).isEqualTo(ProjectService.SYSTEM);
        assertThat(expiries.get(0).details()).contains(dataset.name(), "passed");
        assertThat(claim(project, dataset)).as("removed by the reconcile that the expiry triggers").isNull();
        assertThat(fixtures.auditFor(other.slug())).extracting(Audited::action).contains("dataset.approval_expired");
    }

    private PersistentVolumeClaim claim(Project project, Dataset dataset) {
        return client.persistentVolumeClaims().inNamespace(namespace(project)).withName("ds-" + dataset.name()).get();
    }

    private String namespace(Project project) {
        return ClusterNames.namespace(settings.namespacePrefix(), project.slug());
    }
}
