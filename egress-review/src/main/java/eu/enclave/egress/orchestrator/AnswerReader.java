package eu.enclave.egress.orchestrator;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * Reads the internal API's JSON answers strictly where egress-review relies on a value (absent or mistyped:
 * {@link OrchestratorUnavailable}, naming the path) and ignores keys it does not use.
 */
final class AnswerReader {

    private final String what;

    AnswerReader(String what) {
        this.what = what;
    }

    String text(JsonNode node, String path) {
        JsonNode value = at(node, path);
        if (!value.isString() || value.stringValue().isEmpty()) {
            throw malformed(path, "a non-empty text");
        }
        return value.stringValue();
    }

    String optionalText(JsonNode node, String path) {
        JsonNode value = at(node, path);
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw malformed(path, "a text or null");
        }
        return value.stringValue();
    }

    boolean bool(JsonNode node, String path) {
        JsonNode value = at(node, path);
        if (!value.isBoolean()) {
            throw malformed(path, "true or false");
        }
        return value.booleanValue();
    }

    int integer(JsonNode node, String path) {
        JsonNode value = at(node, path);
        if (!value.isInt()) {
            throw malformed(path, "an integer");
        }
        return value.intValue();
    }

    UUID uuid(JsonNode node, String path) {
        try {
            return UUID.fromString(text(node, path));
        } catch (IllegalArgumentException e) {
            throw malformed(path, "a UUID");
        }
    }

    Instant instant(JsonNode node, String path) {
        try {
            return Instant.parse(text(node, path));
        } catch (DateTimeParseException e) {
            throw malformed(path, "an ISO-8601 instant");
        }
    }

    LocalDate optionalDate(JsonNode node, String path) {
        String value = optionalText(node, path);
        try {
            return value == null ? null : LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw malformed(path, "a date (YYYY-MM-DD)");
        }
    }

    Set<String> texts(JsonNode node, String path) {
        Set<String> values = new LinkedHashSet<>();
        for (JsonNode item : array(node, path)) {
            if (!item.isString()) {
                throw malformed(path, "a list of texts");
            }
            values.add(item.stringValue());
        }
        return values;
    }

    List<JsonNode> array(JsonNode node, String path) {
        JsonNode value = at(node, path);
        if (!value.isArray()) {
            throw malformed(path, "a list");
        }
        List<JsonNode> items = new ArrayList<>();
        value.forEach(items::add);
        return items;
    }

    JsonNode object(JsonNode node, String path) {
        JsonNode value = at(node, path);
        if (!value.isObject()) {
            throw malformed(path, "an object");
        }
        return value;
    }

    /** The fields of a person, flat in {@code node} as the internal API writes them. */
    Person person(JsonNode node) {
        return new Person(text(node, "issuer"), text(node, "subject"), text(node, "username"),
                optionalText(node, "displayName"), optionalText(node, "email"), optionalText(node, "locale"));
    }

    private static JsonNode at(JsonNode node, String path) {
        JsonNode current = node;
        for (String part : path.split("\\.")) {
            current = current.path(part);
        }
        return current;
    }

    OrchestratorUnavailable malformed(String path, String expected) {
        return new OrchestratorUnavailable("the orchestrator's " + what + " answer has no valid '" + path
                + "' (expected " + expected + ")");
    }
}
