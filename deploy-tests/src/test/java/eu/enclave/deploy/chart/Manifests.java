package eu.enclave.deploy.chart;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** Rendered manifests, as typed Kubernetes objects and as the YAML text they came from. */
public record Manifests(List<HasMetadata> objects, String text) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern DOCUMENT = Pattern.compile("(?m)^---\\s*$");
    /** Every kind the chart renders; another one fails the parse, so that the tests learn of it. */
    private static final Map<String, Class<? extends HasMetadata>> KINDS = Map.ofEntries(
            Map.entry("apps/v1/Deployment", Deployment.class), Map.entry("v1/Service", Service.class),
            Map.entry("v1/ConfigMap", ConfigMap.class), Map.entry("v1/ServiceAccount", ServiceAccount.class),
            Map.entry("v1/PersistentVolumeClaim", PersistentVolumeClaim.class),
            Map.entry("rbac.authorization.k8s.io/v1/ClusterRole", ClusterRole.class),
            Map.entry("rbac.authorization.k8s.io/v1/ClusterRoleBinding", ClusterRoleBinding.class),
            Map.entry("rbac.authorization.k8s.io/v1/Role", Role.class),
            Map.entry("rbac.authorization.k8s.io/v1/RoleBinding", RoleBinding.class),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class),
            Map.entry("networking.k8s.io/v1/Ingress", Ingress.class),
            Map.entry("policy/v1/PodDisruptionBudget", PodDisruptionBudget.class));

    static Manifests parse(String text) {
        List<HasMetadata> objects = new ArrayList<>();
        Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
        for (String document : DOCUMENT.split(text)) {
            Object tree = yaml.load(document);
            if (tree instanceof Map<?, ?> map && !map.isEmpty()) {
                String kind = map.get("apiVersion") + "/" + map.get("kind");
                Class<? extends HasMetadata> type = KINDS.get(kind);
                if (type == null) {
                    throw new IllegalStateException("the chart renders a kind the tests do not know: " + kind);
                }
                objects.add(JSON.convertValue(map, type));
            }
        }
        return new Manifests(List.copyOf(objects), text);
    }

    public <T extends HasMetadata> List<T> all(Class<T> kind) {
        return objects.stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    public <T extends HasMetadata> T one(Class<T> kind, String name) {
        return all(kind).stream().filter(o -> o.getMetadata().getName().equals(name)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("no " + kind.getSimpleName() + " " + name + " among "
                        + all(kind).stream().map(o -> o.getMetadata().getName()).toList()));
    }

    /** A service's application.yaml, from its ConfigMap, as a tree. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> applicationYaml(String configMap) {
        String text = one(io.fabric8.kubernetes.api.model.ConfigMap.class, configMap).getData().get("application.yaml");
        return (Map<String, Object>) new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
    }

    /** Every pod the manifests would run: their workloads' pod templates, by workload name. */
    public Map<String, PodSpec> pods() {
        Map<String, PodSpec> pods = new java.util.TreeMap<>();
        all(Deployment.class).forEach(d -> pods.put(d.getMetadata().getName(), d.getSpec().getTemplate().getSpec()));
        return pods;
    }
}
