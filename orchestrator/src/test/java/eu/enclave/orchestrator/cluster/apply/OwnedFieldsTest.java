package eu.enclave.orchestrator.cluster.apply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceQuota;
import io.fabric8.kubernetes.api.model.ResourceQuotaBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which differences count, without a server: the live objects here look like what an API server returns. */
class OwnedFieldsTest {

    private static final KubernetesSerialization JSON = new KubernetesSerialization();

    @Test
    void serverSetMetadataAndForeignLabelsAreNotDifferences() {
        NetworkPolicy desired = policy("Ingress", "Egress").build();
        NetworkPolicy live = asRead(policy("Ingress", "Egress").editMetadata().withResourceVersion("42").withUid("u-1")
                .withGeneration(3L).withCreationTimestamp("2026-07-01T10:00:00Z")
                .addNewManagedField().withManager("kubectl").withOperation("Update").endManagedField()
                .addToLabels("team", "radiology").addToAnnotations("note", "by hand").endMetadata().build());

        OwnedFields.Merge merge = OwnedFields.merge(desired, live);

        assertThat(merge.changes(live)).isFalse();
        assertThat(merge.object().getMetadata().getLabels()).containsEntry("team", "radiology")
                .containsEntry("owned", "yes");
        assertThat(merge.object().getMetadata().getResourceVersion()).isEqualTo("42");
    }

    @Test
    void aChangedOwnedFieldIsADifferenceAndTheMergePutsItBack() {
        NetworkPolicy live = asRead(policy("Ingress").editMetadata().withResourceVersion("7").endMetadata().build());

        OwnedFields.Merge merge = OwnedFields.merge(policy("Ingress", "Egress").build(), live);

        assertThat(merge.changes(live)).isTrue();
        assertThat(((NetworkPolicy) merge.object()).getSpec().getPolicyTypes()).containsExactly("Ingress", "Egress");
        assertThat(merge.object().getMetadata().getResourceVersion()).isEqualTo("7");
    }

    @Test
    void aRemovedOwnedLabelIsADifference() {
        NetworkPolicy live = asRead(policy("Ingress").editMetadata().removeFromLabels("owned").endMetadata().build());

        assertThat(OwnedFields.merge(policy("Ingress").build(), live).changes(live)).isTrue();
    }

    @Test
    void anAbsentListIsTheSameAsAnEmptyOneAsOnTheWire() {
        NetworkPolicy desired = policy("Ingress").build();
        desired.getSpec().setIngress(null);
        NetworkPolicy live = asRead(policy("Ingress").build());

        assertThat(OwnedFields.merge(desired, live).changes(live)).isFalse();
    }

    @Test
    void quantitiesCompareByValueNotSpelling() {
        ResourceQuota desired = quota("1024Mi");
        ResourceQuota live = asRead(quota("1Gi"));

        assertThat(OwnedFields.merge(desired, live).changes(live)).isFalse();
    }

    @Test
    void claimFieldsTheServerFilledInAreKept() {
        PersistentVolumeClaim desired = claim(null, "10Gi", "ReadWriteMany").build();
        PersistentVolumeClaim live = asRead(claim("standard-rwx", "10Gi", "ReadWriteMany").editSpec()
                .withVolumeName("pvc-123").withVolumeMode("Filesystem").endSpec().build());

        OwnedFields.Merge merge = OwnedFields.merge(desired, live);

        assertThat(merge.drift()).isEmpty();
        assertThat(merge.changes(live)).isFalse();
    }

    @Test
    void aClaimGrows() {
        OwnedFields.Merge merge = OwnedFields.merge(claim(null, "20Gi", "ReadWriteMany").build(),
                claim("x", "10Gi", "ReadWriteMany").build());

        assertThat(merge.drift()).isEmpty();
        assertThat(((PersistentVolumeClaim) merge.object()).getSpec().getResources().getRequests())
                .containsEntry("storage", new Quantity("20Gi"));
    }

    @Test
    void aClaimNeverShrinksAndSaysWhy() {
        PersistentVolumeClaim live = asRead(claim("x", "20Gi", "ReadWriteMany").build());
        OwnedFields.Merge merge = OwnedFields.merge(claim(null, "10Gi", "ReadWriteMany").build(), live);

        assertThat(merge.drift()).singleElement().asString().contains("20Gi", "10Gi", "only grow");
        assertThat(merge.changes(live)).isFalse();
    }

    @Test
    void aClaimsClassAndAccessModesAreReportedNotChanged() {
        PersistentVolumeClaim live = asRead(claim("slow", "10Gi", "ReadWriteOnce").build());
        OwnedFields.Merge merge = OwnedFields.merge(claim("fast", "10Gi", "ReadWriteMany").build(), live);

        assertThat(merge.drift()).hasSize(2).anySatisfy(d -> assertThat(d).contains("storageClassName", "slow", "fast"))
                .anySatisfy(d -> assertThat(d).contains("accessModes", "ReadWriteOnce", "ReadWriteMany"));
        assertThat(((PersistentVolumeClaim) merge.object()).getSpec().getStorageClassName()).isEqualTo("slow");
        assertThat(((PersistentVolumeClaim) merge.object()).getSpec().getAccessModes())
                .containsExactly("ReadWriteOnce");
    }

    @Test
    void aKindWithoutARuleIsRefusedRatherThanGuessed() {
        HasMetadata configMap = new ConfigMapBuilder().withNewMetadata().withName("c").endMetadata().build();

        assertThatThrownBy(() -> OwnedFields.merge(configMap, configMap)).hasMessageContaining("ConfigMap");
    }

    /** As a client returns it: parsed from the server's JSON, so without nulls where lists are absent. */
    private static <T extends HasMetadata> T asRead(T object) {
        @SuppressWarnings("unchecked")
        T read = (T) JSON.unmarshal(JSON.asJson(object), object.getClass());
        return read;
    }

    private static NetworkPolicyBuilder policy(String... types) {
        return new NetworkPolicyBuilder().withNewMetadata().withName("p").withNamespace("n")
                .withLabels(Map.of("owned", "yes")).endMetadata()
                .withNewSpec().withNewPodSelector().endPodSelector().withPolicyTypes(types).endSpec();
    }

    private static ResourceQuota quota(String memory) {
        return new ResourceQuotaBuilder().withNewMetadata().withName("q").withNamespace("n").endMetadata()
                .withNewSpec().withHard(Map.of("requests.memory", new Quantity(memory))).endSpec().build();
    }

    private static PersistentVolumeClaimBuilder claim(String storageClass, String size, String mode) {
        return new PersistentVolumeClaimBuilder().withNewMetadata().withName("c").withNamespace("n").endMetadata()
                .withNewSpec().withStorageClassName(storageClass).withAccessModes(mode).withNewResources()
                .withRequests(Map.of("storage", new Quantity(size))).endResources().endSpec();
    }
}
