package eu.enclave.orchestrator.cluster;

import static eu.enclave.orchestrator.cluster.ClusterFixtures.NAMESPACE;
import static eu.enclave.orchestrator.cluster.ClusterFixtures.WITH_DATASETS;
import static eu.enclave.orchestrator.cluster.ClusterFixtures.reconciler;
import static eu.enclave.orchestrator.cluster.ClusterFixtures.withoutDatasets;
import static org.assertj.core.api.Assertions.assertThat;

import eu.enclave.orchestrator.cluster.ReconcileOutcome.State;
import eu.enclave.orchestrator.cluster.apply.ApplyResult;
import eu.enclave.orchestrator.cluster.apply.ApplyResult.Action;
import eu.enclave.orchestrator.cluster.apply.ObjectRef;
import io.fabric8.kubernetes.api.model.PersistentVolume;
import io.fabric8.kubernetes.api.model.PersistentVolumeBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Dataset claims and volumes against Fabric8's CRUD mock: made with the bundle, removed when no longer desired,
 * while every other claim (homes, share, outbox) and every volume Enclave did not make for the project stays.
 */
@EnableKubernetesMockClient(crud = true)
class DatasetVolumesReconcileTest {

    private static final String NFS_VOLUME = NAMESPACE + "-ds-diabetes-cohort";
    private static final String CSI_VOLUME = NAMESPACE + "-ds-snds-extract";

    KubernetesClient client;

    @Test
    void approvedDatasetsGetClaimsAndRetainedVolumes() {
        ReconcileOutcome outcome = reconciler(client).reconcile(WITH_DATASETS);

        assertThat(outcome.state()).isEqualTo(State.READY);
        assertThat(claimNames()).contains("ds-diabetes-cohort", "ds-snds-extract", "ds-eds-2025");
        assertThat(volume(NFS_VOLUME).getSpec().getPersistentVolumeReclaimPolicy()).isEqualTo("Retain");
        assertThat(volume(CSI_VOLUME).getSpec().getPersistentVolumeReclaimPolicy()).isEqualTo("Retain");
        assertThat(client.persistentVolumes().withName("eds-extract-2025").get()).as("an existing volume is not made")
                .isNull();
    }

    @Test
    void endedApprovalsLoseTheirClaimsAndVolumesButDataClaimsStay() {
        reconciler(client).reconcile(WITH_DATASETS);
        client.resource(new PersistentVolumeClaimBuilder().withNewMetadata().withName("home-researcher")
                .withNamespace(NAMESPACE).withLabels(ClusterNames.ownedBy(WITH_DATASETS.projectId(), WITH_DATASETS.slug()))
                .addToLabels(ClusterNames.COMPONENT, ClusterNames.WORKSPACE_COMPONENT).endMetadata()
                .withNewSpec().withAccessModes("ReadWriteOnce").withNewResources()
                .withRequests(Map.of("storage", new Quantity("10Gi"))).endResources().endSpec().build()).create();
        client.resource(new PersistentVolumeBuilder().withNewMetadata().withName("made-by-hand")
                .addToLabels(ClusterNames.COMPONENT, ClusterNames.DATASET_COMPONENT).endMetadata()
                .withNewSpec().withCapacity(Map.of("storage", new Quantity("1Gi"))).endSpec().build()).create();
        TreeMap<String, String> otherProject = new TreeMap<>(ClusterNames.ownedBy(UUID.randomUUID(), "other"));
        otherProject.putAll(ClusterNames.datasetObject("diabetes-cohort"));
        client.resource(new PersistentVolumeBuilder().withNewMetadata().withName("enclave-other-ds-diabetes-cohort")
                .withLabels(otherProject).endMetadata()
                .withNewSpec().withCapacity(Map.of("storage", new Quantity("1Mi"))).endSpec().build()).create();

        ReconcileOutcome outcome = reconciler(client).reconcile(withoutDatasets(WITH_DATASETS));

        assertThat(outcome.state()).isEqualTo(State.READY);
        List<String> pruned = outcome.pruned().stream().map(ObjectRef::toString).toList();
        assertThat(pruned).containsExactlyInAnyOrder(
                "PersistentVolumeClaim " + NAMESPACE + "/ds-diabetes-cohort",
                "PersistentVolumeClaim " + NAMESPACE + "/ds-eds-2025",
                "PersistentVolumeClaim " + NAMESPACE + "/ds-snds-extract",
                "PersistentVolume " + NFS_VOLUME, "PersistentVolume " + CSI_VOLUME);
        assertThat(pruned.subList(0, 3)).as("claims go before the volumes they are bound to")
                .allMatch(ref -> ref.startsWith("PersistentVolumeClaim"));
        assertThat(claimNames()).containsExactlyInAnyOrder("project-share", "project-outbox", "home-researcher");
        assertThat(client.persistentVolumes().withName("made-by-hand").get()).isNotNull();
        assertThat(client.persistentVolumes().withName("enclave-other-ds-diabetes-cohort").get()).isNotNull();
    }

    @Test
    void aReclaimPolicyChangedByHandIsPutBackToRetainAndASecondRunChangesNothing() {
        reconciler(client).reconcile(WITH_DATASETS);
        client.persistentVolumes().withName(NFS_VOLUME).edit(v -> new PersistentVolumeBuilder(v).editSpec()
                .withPersistentVolumeReclaimPolicy("Delete").endSpec().build());

        ReconcileOutcome repaired = reconciler(client).reconcile(WITH_DATASETS);
        ReconcileOutcome steady = reconciler(client).reconcile(WITH_DATASETS);

        assertThat(repaired.objects()).filteredOn(r -> r.object().name().equals(NFS_VOLUME))
                .extracting(ApplyResult::action).containsExactly(Action.UPDATED);
        assertThat(volume(NFS_VOLUME).getSpec().getPersistentVolumeReclaimPolicy()).isEqualTo("Retain");
        assertThat(steady.objects()).extracting(ApplyResult::action).containsOnly(Action.UNCHANGED);
        assertThat(steady.pruned()).isEmpty();
    }

    @Test
    void aVolumeWhoseSourceWasChangedByHandIsReportedNotForced() {
        reconciler(client).reconcile(WITH_DATASETS);
        client.persistentVolumes().withName(NFS_VOLUME).edit(v -> new PersistentVolumeBuilder(v).editSpec()
                .editNfs().withPath("/exports/elsewhere").endNfs().endSpec().build());

        ReconcileOutcome outcome = reconciler(client).reconcile(WITH_DATASETS);

        assertThat(outcome.state()).isEqualTo(State.FAILED);
        assertThat(outcome.failure().object().name()).isEqualTo(NFS_VOLUME);
        assertThat(outcome.failure().reason()).contains("source");
    }

    private List<String> claimNames() {
        return client.persistentVolumeClaims().inNamespace(NAMESPACE).list().getItems().stream()
                .map(ClusterFixtures::name).toList();
    }

    private PersistentVolume volume(String name) {
        return client.persistentVolumes().withName(name).get();
    }
}
