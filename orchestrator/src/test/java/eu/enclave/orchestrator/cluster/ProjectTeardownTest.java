package eu.enclave.orchestrator.cluster;

import static eu.enclave.orchestrator.cluster.ClusterFixtures.NAMESPACE;
import static eu.enclave.orchestrator.cluster.ClusterFixtures.SAMPLE;
import static eu.enclave.orchestrator.cluster.ClusterFixtures.reconciler;
import static org.assertj.core.api.Assertions.assertThat;

import eu.enclave.orchestrator.cluster.apply.ObjectRef;
import eu.enclave.orchestrator.cluster.TeardownOutcome.Result;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Deleting a project's namespace at the end of its retention: the refusals. The deletion itself and the record
 * it leaves are a scenario of {@link ReconcileScenarios}, run against real clusters too.
 */
@EnableKubernetesMockClient(crud = true)
class ProjectTeardownTest {

    KubernetesClient client;

    @Test
    void leavesANamespaceOfAnotherProjectAlone() {
        UUID other = UUID.randomUUID();
        client.resource(new NamespaceBuilder().withNewMetadata().withName(NAMESPACE)
                .withLabels(ClusterNames.ownedBy(other, "other")).endMetadata().build()).create();

        TeardownOutcome outcome = reconciler(client).teardown(SAMPLE.projectId(), NAMESPACE);

        assertThat(outcome.result()).isEqualTo(Result.REFUSED);
        assertThat(outcome.reason()).contains(SAMPLE.projectId().toString());
        assertThat(client.namespaces().withName(NAMESPACE).get()).isNotNull();
    }

    @Test
    void leavesAnUnlabelledNamespaceAlone() {
        client.resource(new NamespaceBuilder().withNewMetadata().withName("kube-system").endMetadata().build())
                .create();

        TeardownOutcome outcome = reconciler(client).teardown(SAMPLE.projectId(), "kube-system");

        assertThat(outcome.result()).isEqualTo(Result.REFUSED);
        assertThat(client.namespaces().withName("kube-system").get()).isNotNull();
    }

    @Test
    void saysSoWhenThereWasNothingToDelete() {
        TeardownOutcome outcome = reconciler(client).teardown(SAMPLE.projectId(), NAMESPACE);

        assertThat(outcome.result()).isEqualTo(Result.ABSENT);
        assertThat(outcome.contents()).isEmpty();
    }

    @Test
    void theClusterWideDatasetVolumesMadeForTheProjectGoTooAndNoOthers() {
        reconciler(client).reconcile(ClusterFixtures.WITH_DATASETS);
        client.resource(new PersistentVolumeBuilder().withNewMetadata()
                .withName("eds-extract-2025").endMetadata().withNewSpec().endSpec().build()).create();

        TeardownOutcome outcome = reconciler(client).teardown(SAMPLE.projectId(), NAMESPACE);

        assertThat(outcome.contents()).extracting(ObjectRef::name).contains("ds-diabetes-cohort",
                NAMESPACE + "-ds-diabetes-cohort", NAMESPACE + "-ds-snds-extract");
        assertThat(client.persistentVolumes().withName(NAMESPACE + "-ds-diabetes-cohort").get()).isNull();
        assertThat(client.persistentVolumes().withName(NAMESPACE + "-ds-snds-extract").get()).isNull();
        assertThat(client.persistentVolumes().withName("eds-extract-2025").get())
                .as("an existing volume is the operator's").isNotNull();
    }
}
