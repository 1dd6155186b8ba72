package eu.enclave.deploy.chart.values;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;

/**
 * The values table of helm/README.md: every value of values.yaml with its type, default and description, from the
 * schema, in the file's order.
 */
final class ValuesTable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ValuesTable() {
    }

    static String generate(ValuesSchema schema, Map<String, Object> defaults) {
        StringBuilder table = new StringBuilder("| value | type | default | description |\n| --- | --- | --- | --- |\n");
        rows(schema, schema.root(), defaults, "", table);
        return table.toString();
    }

    @SuppressWarnings("unchecked")
    private static void rows(ValuesSchema schema, JsonNode node, Map<String, Object> values, String prefix,
                             StringBuilder table) {
        for (Map.Entry<String, Object> entry : values.entrySet()) {
            String key = prefix + entry.getKey();
            JsonNode property = schema.property(node, entry.getKey());
            if (property == null) {
                throw new IllegalStateException(key + " is in values.yaml but not in values.schema.json");
            }
            if (schema.isSection(property) && entry.getValue() instanceof Map<?, ?> section) {
                rows(schema, property, (Map<String, Object>) section, key + ".", table);
            } else {
                table.append("| `").append(key).append("` | ").append(schema.type(property)).append(" | ")
                        .append(shown(entry.getValue())).append(" | ")
                        .append(schema.description(property).replace("|", "\\|")).append(" |\n");
            }
        }
    }

    private static String shown(Object value) {
        if (value instanceof String text && text.isEmpty()) {
            return "`\"\"`";
        }
        if (value instanceof String text) {
            return "`" + text + "`";
        }
        try {
            return "`" + JSON.writeValueAsString(value)
                    .replace("|", "\\|") + "`";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
