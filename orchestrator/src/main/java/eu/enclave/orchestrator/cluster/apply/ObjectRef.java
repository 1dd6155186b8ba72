package eu.enclave.orchestrator.cluster.apply;

import io.fabric8.kubernetes.api.model.HasMetadata;

/** One object by kind, namespace (null for cluster-wide kinds) and name: enough to find it again and to report it. */
public record ObjectRef(String kind, String namespace, String name) {

    public static ObjectRef of(HasMetadata object) {
        return new ObjectRef(object.getKind(), object.getMetadata().getNamespace(), object.getMetadata().getName());
    }

    @Override
    public String toString() {
        return namespace == null ? kind + " " + name : kind + " " + namespace + "/" + name;
    }
}
