package eu.enclave.deploy.chart.values;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.enclave.deploy.Repository;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The chart's values.schema.json, read as the tree Helm validates values against, and values files. */
final class ValuesSchema {

    static final Path SCHEMA = Repository.path("helm/enclave/values.schema.json");
    static final Path DEFAULTS = Repository.path("helm/enclave/values.yaml");

    private final JsonNode root;

    private ValuesSchema(JsonNode root) {
        this.root = root;
    }

    static ValuesSchema load() {
        try {
            return new ValuesSchema(new ObjectMapper().readTree(SCHEMA.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, Object> values(Path file) {
        try {
            return new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    JsonNode root() {
        return root;
    }

    /** A node with its {@code $ref} followed (siblings of the reference, such as its description, are kept apart). */
    JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        while (current.has("$ref")) {
            String ref = current.get("$ref").asText();
            current = root.at(ref.substring(1));
            if (current.isMissingNode()) {
                throw new IllegalStateException("unresolved " + ref);
            }
        }
        return current;
    }

    /** The schema of a property of an object schema, or null when the object does not name it. */
    JsonNode property(JsonNode objectSchema, String key) {
        JsonNode resolved = resolve(objectSchema);
        JsonNode named = resolved.path("properties").get(key);
        if (named != null) {
            return named;
        }
        JsonNode map = resolved.get("additionalProperties");
        return map != null && map.isObject() ? map : null;
    }

    /** What a reader should know of a value: its description, beside the reference or in the referenced node. */
    String description(JsonNode node) {
        if (node.has("description")) {
            return node.get("description").asText();
        }
        JsonNode resolved = resolve(node);
        return resolved.has("description") ? resolved.get("description").asText() : null;
    }

    /** The type, as a reader sees it: an enumeration lists its values. */
    String type(JsonNode node) {
        JsonNode resolved = resolve(node);
        if (resolved.has("enum")) {
            List<String> values = new ArrayList<>();
            resolved.get("enum").forEach(v -> values.add(v.asText()));
            return String.join(" \\| ", values);
        }
        return resolved.path("type").asText(null);
    }

    /** Whether this object schema has named properties (a section) rather than free keys (a map). */
    boolean isSection(JsonNode node) {
        JsonNode resolved = resolve(node);
        return "object".equals(resolved.path("type").asText()) && resolved.has("properties");
    }
}
