package eu.enclave.orchestrator.cluster.bundle;

import eu.enclave.orchestrator.cluster.ClusterNames;
import eu.enclave.orchestrator.cluster.ClusterSettings;
import eu.enclave.orchestrator.cluster.DatasetSource;
import eu.enclave.orchestrator.cluster.DatasetVolume;
import eu.enclave.orchestrator.cluster.ProjectClusterSpec;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolume;
import io.fabric8.kubernetes.api.model.PersistentVolumeBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeSpecBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How the project's current datasets reach it: for each, a claim {@code ds-<dataset>} in the namespace,
 * ReadOnlyMany, bound by name to a PersistentVolume. For an NFS export or a CSI volume the orchestrator makes that
 * volume ({@code <namespace>-ds-<dataset>}), read-only at the source, reclaim policy Retain (deleting the volume
 * object never deletes data), and reserved for this claim alone; an existing volume is only named. Volumes come
 * before claims, so that a claim never waits for its volume.
 */
public final class DatasetVolumes {

    public static final String ACCESS_MODE = "ReadOnlyMany";
    /**
     * What each claim requests and each made volume declares. Nothing is allocated for a read-only dataset; the
     * request only has to fit the volume's capacity, and stays small because the project's storage quota counts it.
     */
    public static final String NOMINAL_SIZE = "1Mi";
    public static final String RECLAIM_POLICY = "Retain";

    private DatasetVolumes() {
    }

    public static List<HasMetadata> desired(ProjectClusterSpec spec, ClusterSettings settings) {
        List<HasMetadata> volumes = new ArrayList<>();
        List<HasMetadata> claims = new ArrayList<>();
        for (DatasetVolume dataset : spec.datasets()) {
            if (!(dataset.source() instanceof DatasetSource.ExistingVolume)) {
                volumes.add(volume(dataset, spec, settings));
            }
            claims.add(claim(dataset, spec, settings));
        }
        volumes.addAll(claims);
        return volumes;
    }

    static PersistentVolumeClaim claim(DatasetVolume dataset, ProjectClusterSpec spec, ClusterSettings settings) {
        ObjectMeta meta = labelled(new ObjectMetaBuilder(Objects.meta(ClusterNames.datasetClaim(dataset.dataset()),
                spec, settings)), dataset, spec).build();
        return new PersistentVolumeClaimBuilder().withMetadata(meta).withNewSpec()
                .withAccessModes(ACCESS_MODE).withStorageClassName(storageClass(dataset.source()))
                .withVolumeName(volumeName(dataset, spec, settings))
                .withNewResources().withRequests(Map.of("storage", new Quantity(NOMINAL_SIZE))).endResources()
                .endSpec().build();
    }

    static PersistentVolume volume(DatasetVolume dataset, ProjectClusterSpec spec, ClusterSettings settings) {
        ObjectMeta meta = labelled(new ObjectMetaBuilder().withName(volumeName(dataset, spec, settings)), dataset,
                spec).build();
        PersistentVolumeSpecBuilder volume = new PersistentVolumeSpecBuilder()
                .withCapacity(Map.of("storage", new Quantity(NOMINAL_SIZE))).withAccessModes(ACCESS_MODE)
                .withPersistentVolumeReclaimPolicy(RECLAIM_POLICY).withStorageClassName("")
                .withNewClaimRef().withNamespace(Objects.namespace(spec, settings))
                .withName(ClusterNames.datasetClaim(dataset.dataset())).endClaimRef();
        if (dataset.source() instanceof DatasetSource.Nfs nfs) {
            volume.withNewNfs().withServer(nfs.server()).withPath(nfs.path()).withReadOnly(true).endNfs();
        } else if (dataset.source() instanceof DatasetSource.Csi csi) {
            volume.withNewCsi().withDriver(csi.driver()).withVolumeHandle(csi.volumeHandle())
                    .withVolumeAttributes(csi.attributes().isEmpty() ? null : new TreeMap<>(csi.attributes()))
                    .withReadOnly(true).endCsi();
        } else {
            throw new IllegalArgumentException("an existing volume is not made: " + dataset.source());
        }
        return new PersistentVolumeBuilder().withMetadata(meta).withSpec(volume.build()).build();
    }

    /** The volume the claim binds to: the existing one, or the one made for this project's claim. */
    static String volumeName(DatasetVolume dataset, ProjectClusterSpec spec, ClusterSettings settings) {
        return dataset.source() instanceof DatasetSource.ExistingVolume existing ? existing.volumeName()
                : ClusterNames.datasetVolume(Objects.namespace(spec, settings), dataset.dataset());
    }

    /** A claim binds only to a volume of its own class; the volumes made here have none. */
    private static String storageClass(DatasetSource source) {
        return source instanceof DatasetSource.ExistingVolume existing ? existing.storageClassName() : "";
    }

    private static ObjectMetaBuilder labelled(ObjectMetaBuilder meta, DatasetVolume dataset, ProjectClusterSpec spec) {
        TreeMap<String, String> labels = new TreeMap<>(ClusterNames.ownedBy(spec.projectId(), spec.slug()));
        labels.putAll(ClusterNames.datasetObject(dataset.dataset()));
        return meta.withLabels(labels);
    }
}
