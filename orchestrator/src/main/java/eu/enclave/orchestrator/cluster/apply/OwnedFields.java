package eu.enclave.orchestrator.cluster.apply;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LimitRange;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PersistentVolume;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.ResourceQuota;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The parts of each kind that Enclave owns: the labels it sets and the spec it builds. A merge starts from
 * the live object and overwrites only those, so foreign labels and annotations, server-set metadata
 * (resourceVersion, uid, managedFields), status and fields the server filled in are all kept as they are,
 * and an unchanged object compares equal to its merge.
 */
final class OwnedFields {

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    /**
     * @param object the live object with Enclave's fields put back
     * @param drift  differences in fields the server will not let change in place; empty when none
     */
    record Merge(HasMetadata object, List<String> drift) {

        /** Whether writing {@link #object} would change the live object, as read from the server. */
        boolean changes(HasMetadata live) {
            return !object.equals(live);
        }
    }

    private OwnedFields() {
    }

    static Merge merge(HasMetadata desired, HasMetadata live) {
        HasMetadata wanted = normalized(desired);
        HasMetadata merged = normalized(live);
        Map<String, String> labels = new TreeMap<>(orEmpty(merged.getMetadata().getLabels()));
        labels.putAll(orEmpty(wanted.getMetadata().getLabels()));
        merged.getMetadata().setLabels(labels);
        List<String> drift = new ArrayList<>();
        if (wanted instanceof Namespace) {
            // labels only: the namespace's spec (finalizers) belongs to the server
        } else if (wanted instanceof NetworkPolicy policy) {
            ((NetworkPolicy) merged).setSpec(policy.getSpec());
        } else if (wanted instanceof ResourceQuota quota) {
            ((ResourceQuota) merged).setSpec(quota.getSpec());
        } else if (wanted instanceof LimitRange limits) {
            ((LimitRange) merged).setSpec(limits.getSpec());
        } else if (wanted instanceof ServiceAccount account) {
            ((ServiceAccount) merged).setAutomountServiceAccountToken(account.getAutomountServiceAccountToken());
        } else if (wanted instanceof PersistentVolumeClaim claim) {
            drift.addAll(ClaimFields.merge(claim, (PersistentVolumeClaim) merged));
        } else if (wanted instanceof PersistentVolume volume) {
            drift.addAll(VolumeFields.merge(volume, (PersistentVolume) merged));
        } else if (wanted instanceof StatefulSet set) {
            // the whole spec, with the fields the server defaults where Enclave leaves them unset
            ServerDefaultedFields.adopt(set.getSpec(), ((StatefulSet) merged).getSpec());
            ((StatefulSet) merged).setSpec(set.getSpec());
        } else if (wanted instanceof Service service) {
            // not the whole spec: the server allocates clusterIP(s) and keeps them
            Service into = (Service) merged;
            into.getSpec().setType(service.getSpec().getType());
            into.getSpec().setSelector(service.getSpec().getSelector());
            into.getSpec().setPorts(service.getSpec().getPorts());
        } else if (wanted instanceof Secret secret) {
            ((Secret) merged).setData(secret.getData());
            ((Secret) merged).setStringData(null);
        } else {
            throw new IllegalArgumentException("no rule says which fields of a " + desired.getKind() + " Enclave owns");
        }
        return new Merge(merged, List.copyOf(drift));
    }

    /**
     * A deep copy through JSON, so that absent and empty collections are alike as in objects read from the
     * server (quantities already compare by value, not spelling).
     */
    private static HasMetadata normalized(HasMetadata object) {
        return SERIALIZATION.unmarshal(SERIALIZATION.asJson(object), object.getClass());
    }

    private static Map<String, String> orEmpty(Map<String, String> map) {
        return map == null ? Map.of() : map;
    }
}
