package eu.enclave.platform.disclosure;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a policy from its canonical text, as the orchestrator serves it and egress-review stores it on a request.
 * Strict: every field present with its JSON type, the format known, the values valid; the hash, when given, must
 * be the text's own.
 */
public final class PolicyText {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private PolicyText() {
    }

    /** The policy of {@code canonicalJson}, after checking that {@code expectedHash} is its hash. */
    public static DisclosurePolicy parse(String canonicalJson, String expectedHash) {
        String actual = DisclosurePolicy.hashOf(canonicalJson);
        if (!actual.equals(expectedHash)) {
            throw new InvalidPolicy(List.of(new PolicyError("policyHash", "is not the hash of the policy text ("
                    + actual + ")")));
        }
        DisclosurePolicy policy = parse(canonicalJson);
        if (!policy.canonicalJson().equals(canonicalJson)) {
            throw new InvalidPolicy(List.of(new PolicyError("policy", "is not in canonical form")));
        }
        return policy;
    }

    public static DisclosurePolicy parse(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JacksonException e) {
            throw new InvalidPolicy(List.of(new PolicyError("policy", "is not JSON")));
        }
        List<PolicyError> errors = new ArrayList<>();
        if (root == null || !root.isObject()) {
            throw new InvalidPolicy(List.of(new PolicyError("policy", "must be a JSON object")));
        }
        int format = integer(root, "format", errors);
        if (errors.isEmpty() && format != DisclosurePolicy.FORMAT) {
            errors.add(new PolicyError("format", "unknown policy format " + format));
        }
        JsonNode nk = root.get("nk");
        if (nk == null || !nk.isObject()) {
            errors.add(new PolicyError("nk", "must be an object with n and k"));
            nk = JSON.createObjectNode();
        }
        DisclosurePolicy policy = new DisclosurePolicy(integer(root, "minimumCount", errors),
                zeros(root, errors), integer(nk, "n", "nk.n", errors), integer(nk, "k", "nk.k", errors),
                integer(root, "pPercent", errors), integer(root, "minimumDegreesOfFreedom", errors),
                types(root, errors), bool(root, "plotsMayPass", errors), patterns(root, errors));
        errors.addAll(policy.validate());
        if (!errors.isEmpty()) {
            throw new InvalidPolicy(errors);
        }
        return policy;
    }

    private static int integer(JsonNode node, String name, List<PolicyError> errors) {
        return integer(node, name, name, errors);
    }

    private static int integer(JsonNode node, String name, String field, List<PolicyError> errors) {
        JsonNode value = node.get(name);
        if (value == null || !value.isInt()) {
            errors.add(new PolicyError(field, "must be an integer"));
            return 0;
        }
        return value.intValue();
    }

    private static boolean bool(JsonNode node, String name, List<PolicyError> errors) {
        JsonNode value = node.get(name);
        if (value == null || !value.isBoolean()) {
            errors.add(new PolicyError(name, "must be true or false"));
            return false;
        }
        return value.booleanValue();
    }

    private static ZeroRule zeros(JsonNode root, List<PolicyError> errors) {
        JsonNode value = root.get("zeros");
        if (value != null && value.isString()) {
            var rule = ZeroRule.parse(value.stringValue());
            if (rule.isPresent()) {
                return rule.get();
            }
        }
        errors.add(new PolicyError("zeros", "must be one of: pass, review, fail"));
        return ZeroRule.FAIL;
    }

    private static Set<FileType> types(JsonNode root, List<PolicyError> errors) {
        Set<FileType> types = EnumSet.noneOf(FileType.class);
        JsonNode value = root.get("allowedTypes");
        if (value == null || !value.isArray()) {
            errors.add(new PolicyError("allowedTypes", "must be a list of: " + FileType.known()));
            return types;
        }
        for (JsonNode item : value) {
            var type = item.isString() ? FileType.parse(item.stringValue()) : java.util.Optional.<FileType>empty();
            if (type.isEmpty()) {
                errors.add(new PolicyError("allowedTypes", "'" + item + "' is not one of: " + FileType.known()));
            } else {
                types.add(type.get());
            }
        }
        return types;
    }

    private static List<IdentifierPattern> patterns(JsonNode root, List<PolicyError> errors) {
        List<IdentifierPattern> patterns = new ArrayList<>();
        JsonNode value = root.get("identifierPatterns");
        if (value == null || !value.isArray()) {
            errors.add(new PolicyError("identifierPatterns", "must be a list of {name, pattern}"));
            return patterns;
        }
        int i = 0;
        for (JsonNode item : value) {
            JsonNode name = item.get("name");
            JsonNode pattern = item.get("pattern");
            if (name == null || !name.isString() || pattern == null || !pattern.isString()) {
                errors.add(new PolicyError("identifierPatterns[" + i + "]", "must be {name, pattern} with texts"));
            } else {
                patterns.add(new IdentifierPattern(name.stringValue(), pattern.stringValue()));
            }
            i++;
        }
        return patterns;
    }
}
