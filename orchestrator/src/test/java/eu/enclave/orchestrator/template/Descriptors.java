package eu.enclave.orchestrator.template;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.Yaml;

/** Valid descriptors as editable maps, and their YAML text, for tests that break one field at a time. */
final class Descriptors {

    private Descriptors() {
    }

    static Map<String, Object> desktop(String id) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("id", id);
        d.put("displayName", new LinkedHashMap<>(Map.of("en", "Linux desktop", "fr", "Bureau Linux")));
        d.put("image", "registry.example/workspaces/" + id + ":1.0.0");
        d.put("protocol", "vnc");
        d.put("port", 5901);
        d.put("gpu", false);
        Map<String, Object> resources = new LinkedHashMap<>();
        resources.put("default", new LinkedHashMap<>(Map.of("cpu", "2", "memory", "8Gi")));
        resources.put("maximum", new LinkedHashMap<>(Map.of("cpu", "8", "memory", "32Gi")));
        d.put("resources", resources);
        d.put("mounts", new LinkedHashMap<>(Map.of("home", "/home/researcher", "share", "/share",
                "outbox", "/outbox", "data", "/data")));
        return d;
    }

    static Map<String, Object> gpuDesktop(String id) {
        Map<String, Object> d = desktop(id);
        d.put("gpu", true);
        set(d, "resources.default.gpu", 1);
        set(d, "resources.maximum.gpu", 2);
        return d;
    }

    /** Sets (or, with {@code null}, removes) the value at a dotted path. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> set(Map<String, Object> descriptor, String path, Object value) {
        List<String> keys = List.of(path.split("\\."));
        Map<String, Object> map = descriptor;
        for (String key : keys.subList(0, keys.size() - 1)) {
            map = (Map<String, Object>) map.get(key);
        }
        String last = keys.get(keys.size() - 1);
        if (value == null) {
            map.remove(last);
        } else {
            map.put(last, value);
        }
        return descriptor;
    }

    static String yaml(Map<String, Object> descriptor) {
        return new Yaml().dump(descriptor);
    }
}
