package eu.enclave.orchestrator.cluster.watch;

import static org.assertj.core.api.Assertions.assertThat;

import eu.enclave.orchestrator.cluster.ClusterNames;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceQuota;
import io.fabric8.kubernetes.api.model.ResourceQuotaBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class OwnedObjectEventsTest {

    static final UUID PROJECT = UUID.fromString("3f0c2a4e-8d7b-4c1e-9a55-0b6f2d9e7a11");

    @Test
    void theProjectIsTheOneOfTheOwnerLabel() {
        assertThat(OwnedObjectEvents.projectOf(quota("4", "1", "1"))).contains(PROJECT);
        assertThat(OwnedObjectEvents.projectOf(new ServiceAccountBuilder().withNewMetadata().withName("x")
                .withLabels(Map.of(ClusterNames.PROJECT_ID, "not-an-id")).endMetadata().build())).isEmpty();
        assertThat(OwnedObjectEvents.projectOf(new ServiceAccountBuilder().withNewMetadata().withName("x")
                .endMetadata().build())).isEmpty();
    }

    @Test
    void aChangeOfStatusOrBookkeepingIsNoDriftButOneOfSpecOrLabelsIs() {
        ResourceQuota before = quota("4", "1", "1");
        assertThat(OwnedObjectEvents.changedContent(before, quota("4", "3", "7"))).as("usage and resourceVersion")
                .isFalse();

        ResourceQuota annotated = quota("4", "1", "2");
        annotated.getMetadata().setAnnotations(Map.of("note", "by hand"));
        assertThat(OwnedObjectEvents.changedContent(before, annotated)).as("annotations are not Enclave's").isFalse();

        assertThat(OwnedObjectEvents.changedContent(before, quota("400", "1", "2"))).isTrue();

        ResourceQuota relabelled = quota("4", "1", "2");
        relabelled.getMetadata().getLabels().put(ClusterNames.PROJECT_ID, UUID.randomUUID().toString());
        assertThat(OwnedObjectEvents.changedContent(before, relabelled)).isTrue();
    }

    @Test
    void anObjectCreatedBeforeTheWatchStartedIsOnlyBeingListed() {
        Instant started = Instant.parse("2026-11-23T10:00:00.400Z");
        ResourceQuota quota = quota("4", "1", "1");

        quota.getMetadata().setCreationTimestamp("2026-11-23T09:59:59Z");
        assertThat(OwnedObjectEvents.isNew(quota, started)).isFalse();
        quota.getMetadata().setCreationTimestamp("2026-11-23T10:00:00Z");
        assertThat(OwnedObjectEvents.isNew(quota, started)).as("the same second: possibly after").isTrue();
        quota.getMetadata().setCreationTimestamp("2026-11-23T10:00:01Z");
        assertThat(OwnedObjectEvents.isNew(quota, started)).isTrue();
        quota.getMetadata().setCreationTimestamp(null);
        assertThat(OwnedObjectEvents.isNew(quota, started)).isTrue();
    }

    private static ResourceQuota quota(String cpu, String usedCpu, String resourceVersion) {
        return new ResourceQuotaBuilder().withNewMetadata().withName("project-quota").withNamespace("enclave-x")
                .withResourceVersion(resourceVersion).withLabels(new HashMap<>(ClusterNames.ownedBy(PROJECT, "x")))
                .endMetadata()
                .withNewSpec().withHard(Map.of("cpu", new Quantity(cpu))).endSpec()
                .withNewStatus().withUsed(Map.of("cpu", new Quantity(usedCpu))).endStatus()
                .build();
    }
}
