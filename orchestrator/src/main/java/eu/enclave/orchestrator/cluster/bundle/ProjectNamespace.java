package eu.enclave.orchestrator.cluster.bundle;

import eu.enclave.orchestrator.cluster.ClusterNames;
import eu.enclave.orchestrator.cluster.ClusterSettings;
import eu.enclave.orchestrator.cluster.ProjectClusterSpec;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import java.util.TreeMap;

/** The project's namespace, enforcing Pod Security {@code restricted} (and auditing and warning on it). */
public final class ProjectNamespace {

    private ProjectNamespace() {
    }

    public static Namespace desired(ProjectClusterSpec spec, ClusterSettings settings) {
        TreeMap<String, String> labels = new TreeMap<>(ClusterNames.ownedBy(spec.projectId(), spec.slug()));
        for (String mode : new String[] {"enforce", "audit", "warn"}) {
            labels.put("pod-security.kubernetes.io/" + mode, "restricted");
            labels.put("pod-security.kubernetes.io/" + mode + "-version", "latest");
        }
        return new NamespaceBuilder().withNewMetadata().withName(Objects.namespace(spec, settings))
                .withLabels(labels).endMetadata().build();
    }
}
