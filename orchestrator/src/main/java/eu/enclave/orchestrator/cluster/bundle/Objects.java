package eu.enclave.orchestrator.cluster.bundle;

import eu.enclave.orchestrator.cluster.ClusterNames;
import eu.enclave.orchestrator.cluster.ClusterSettings;
import eu.enclave.orchestrator.cluster.ProjectClusterSpec;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;

/** Metadata every object in a project's bundle carries. */
final class Objects {

    private Objects() {
    }

    static String namespace(ProjectClusterSpec spec, ClusterSettings settings) {
        return ClusterNames.namespace(settings.namespacePrefix(), spec.slug());
    }

    static ObjectMeta meta(String name, ProjectClusterSpec spec, ClusterSettings settings) {
        return new ObjectMetaBuilder().withName(name).withNamespace(namespace(spec, settings))
                .withLabels(ClusterNames.ownedBy(spec.projectId(), spec.slug())).build();
    }
}
