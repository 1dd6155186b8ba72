package eu.enclave.orchestrator.cluster.bundle;

import eu.enclave.orchestrator.cluster.ClusterSettings;
import eu.enclave.orchestrator.cluster.ProjectClusterSpec;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import java.util.List;
import java.util.Map;

/** The project share (common working files) and the outbox (where outputs wait for submission). */
public final class ProjectVolumes {

    public static final String SHARE = "project-share";
    public static final String OUTBOX = "project-outbox";

    private ProjectVolumes() {
    }

    public static List<PersistentVolumeClaim> desired(ProjectClusterSpec spec, ClusterSettings settings) {
        ClusterSettings.Storage storage = settings.storage();
        return List.of(claim(SHARE, storage.shareSize(), spec, settings),
                claim(OUTBOX, storage.outboxSize(), spec, settings));
    }

    private static PersistentVolumeClaim claim(String name, String size, ProjectClusterSpec spec,
                                               ClusterSettings settings) {
        ClusterSettings.Storage storage = settings.storage();
        return new PersistentVolumeClaimBuilder().withMetadata(Objects.meta(name, spec, settings))
                .withNewSpec().withAccessModes(storage.accessMode()).withStorageClassName(storage.storageClass())
                .withNewResources().withRequests(Map.of("storage", new Quantity(size))).endResources()
                .endSpec().build();
    }
}
