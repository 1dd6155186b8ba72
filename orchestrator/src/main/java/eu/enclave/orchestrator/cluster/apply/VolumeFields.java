package eu.enclave.orchestrator.cluster.apply;

import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.api.model.PersistentVolume;
import io.fabric8.kubernetes.api.model.PersistentVolumeSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A dataset volume's owned fields. The reclaim policy is put back whenever it differs, since Retain is what keeps a
 * deletion from reaching the data. The source cannot change after creation, and the claim reference is completed
 * by the server (uid, resourceVersion) once bound: a different source or claim is reported, never forced.
 */
final class VolumeFields {

    private VolumeFields() {
    }

    /** Puts the desired reclaim policy into {@code live}; returns the differences that cannot be changed in place. */
    static List<String> merge(PersistentVolume desired, PersistentVolume live) {
        PersistentVolumeSpec want = desired.getSpec();
        PersistentVolumeSpec have = live.getSpec();
        have.setPersistentVolumeReclaimPolicy(want.getPersistentVolumeReclaimPolicy());
        List<String> drift = new ArrayList<>();
        if (!Objects.equals(want.getNfs(), have.getNfs()) || !Objects.equals(want.getCsi(), have.getCsi())) {
            drift.add("the volume's source differs from the dataset's, and it cannot change after creation");
        }
        if (!sameClaim(want.getClaimRef(), have.getClaimRef())) {
            drift.add("the volume is reserved for " + claim(have.getClaimRef()) + ", not " + claim(want.getClaimRef()));
        }
        return drift;
    }

    private static boolean sameClaim(ObjectReference want, ObjectReference have) {
        return have != null && Objects.equals(want.getNamespace(), have.getNamespace())
                && Objects.equals(want.getName(), have.getName());
    }

    private static String claim(ObjectReference ref) {
        return ref == null ? "no claim" : ref.getNamespace() + "/" + ref.getName();
    }
}
