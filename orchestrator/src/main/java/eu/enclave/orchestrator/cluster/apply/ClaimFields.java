package eu.enclave.orchestrator.cluster.apply;

import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.VolumeResourceRequirements;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A claim's owned fields, most of which the API server will not change after creation: the storage request
 * may only grow, and the storage class, access modes and bound volume are fixed. Such differences are reported, never
 * forced (the only way to force them is to delete the claim and its data).
 */
final class ClaimFields {

    private static final String STORAGE = "storage";

    private ClaimFields() {
    }

    /** Puts the desired storage request into {@code live} when it is a growth; returns the rest as drift. */
    static List<String> merge(PersistentVolumeClaim desired, PersistentVolumeClaim live) {
        PersistentVolumeClaimSpec want = desired.getSpec();
        PersistentVolumeClaimSpec have = live.getSpec();
        List<String> drift = new ArrayList<>();
        Quantity wantSize = want.getResources().getRequests().get(STORAGE);
        Quantity haveSize = storage(have);
        if (haveSize == null || wantSize.compareTo(haveSize) > 0) {
            setStorage(have, wantSize);
        } else if (wantSize.compareTo(haveSize) < 0) {
            drift.add("storage request is " + haveSize + " on the cluster, more than the desired " + wantSize
                    + ", and a claim can only grow");
        }
        // no desired class means the cluster's default, which the server has written in by now
        if (want.getStorageClassName() != null && !want.getStorageClassName().equals(have.getStorageClassName())) {
            drift.add("storageClassName is " + have.getStorageClassName() + " on the cluster but "
                    + want.getStorageClassName() + " is desired, and it cannot change after creation");
        }
        if (want.getVolumeName() != null && !want.getVolumeName().equals(have.getVolumeName())) {
            drift.add("the claim is bound to volume " + have.getVolumeName() + " on the cluster but "
                    + want.getVolumeName() + " is desired, and a binding cannot change");
        }
        if (!Set.copyOf(want.getAccessModes()).equals(Set.copyOf(have.getAccessModes()))) {
            drift.add("accessModes are " + have.getAccessModes() + " on the cluster but " + want.getAccessModes()
                    + " are desired, and they cannot change after creation");
        }
        return drift;
    }

    private static Quantity storage(PersistentVolumeClaimSpec spec) {
        return spec.getResources() == null || spec.getResources().getRequests() == null ? null
                : spec.getResources().getRequests().get(STORAGE);
    }

    private static void setStorage(PersistentVolumeClaimSpec spec, Quantity size) {
        if (spec.getResources() == null) {
            spec.setResources(new VolumeResourceRequirements());
        }
        Map<String, Quantity> requests = spec.getResources().getRequests() == null ? new HashMap<>()
                : new HashMap<>(spec.getResources().getRequests());
        requests.put(STORAGE, size);
        spec.getResources().setRequests(requests);
    }
}
