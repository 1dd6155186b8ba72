package eu.enclave.orchestrator.cluster.bundle;

import eu.enclave.orchestrator.cluster.ClusterSettings;
import eu.enclave.orchestrator.cluster.ProjectClusterSpec;
import eu.enclave.orchestrator.cluster.ProjectQuota;
import io.fabric8.kubernetes.api.model.LimitRange;
import io.fabric8.kubernetes.api.model.LimitRangeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceQuota;
import io.fabric8.kubernetes.api.model.ResourceQuotaBuilder;
import java.util.Map;
import java.util.TreeMap;

/**
 * The project's ceiling (ResourceQuota) and the defaults given to containers that state no resources
 * (LimitRange): with a quota on requests and limits, Kubernetes refuses pods without them, so the
 * defaults are what lets a plain workspace start.
 */
public final class ProjectQuotas {

    /** The project's ResourceQuota, whose status also says what the namespace uses now. */
    public static final String QUOTA_NAME = "project-quota";

    private ProjectQuotas() {
    }

    public static ResourceQuota quota(ProjectClusterSpec spec, ClusterSettings settings) {
        ProjectQuota q = spec.quota();
        Map<String, Quantity> hard = new TreeMap<>();
        hard.put("requests.cpu", new Quantity(q.cpu()));
        hard.put("limits.cpu", new Quantity(q.cpu()));
        hard.put("requests.memory", new Quantity(q.memory()));
        hard.put("limits.memory", new Quantity(q.memory()));
        hard.put("requests.nvidia.com/gpu", new Quantity(Integer.toString(q.gpus())));
        hard.put("pods", new Quantity(Integer.toString(q.pods())));
        hard.put("persistentvolumeclaims", new Quantity(Integer.toString(q.pvcs())));
        hard.put("requests.storage", new Quantity(q.storage()));
        return new ResourceQuotaBuilder().withMetadata(Objects.meta(QUOTA_NAME, spec, settings))
                .withNewSpec().withHard(hard).endSpec().build();
    }

    public static LimitRange limits(ProjectClusterSpec spec, ClusterSettings settings) {
        ClusterSettings.Limits l = settings.limits();
        return new LimitRangeBuilder().withMetadata(Objects.meta("container-defaults", spec, settings))
                .withNewSpec().addNewLimit().withType("Container")
                .withDefault(new TreeMap<>(Map.of("cpu", new Quantity(l.defaultCpu()),
                        "memory", new Quantity(l.defaultMemory()))))
                .withDefaultRequest(new TreeMap<>(Map.of("cpu", new Quantity(l.defaultRequestCpu()),
                        "memory", new Quantity(l.defaultRequestMemory()))))
                .endLimit().endSpec().build();
    }
}
