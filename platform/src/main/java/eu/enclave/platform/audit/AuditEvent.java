package eu.enclave.platform.audit;

import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Something that happened and must stay on record: who did what, in which project, to which target.
 * Details hold identifiers and reasons, never a secret value: keys that name secrets are refused, at any
 * depth of nested maps and lists.
 */
public record AuditEvent(String actor, String action, String project, String target, Map<String, ?> details) {

    private static final Pattern SECRET_KEY = Pattern.compile(
            "(?i).*(password|passwd|secret|token|credential|private[-_]?key|api[-_]?key).*");

    public AuditEvent {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        details = details == null ? Map.of() : Map.copyOf(details);
        refuseSecrets("", details);
    }

    public static AuditEvent of(String actor, String action, String project, String target) {
        return new AuditEvent(actor, action, project, target, Map.of());
    }

    public AuditEvent with(Map<String, ?> moreDetails) {
        return new AuditEvent(actor, action, project, target, moreDetails);
    }

    private static void refuseSecrets(String path, Object value) {
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                String key = String.valueOf(entry.getKey());
                String keyPath = path.isEmpty() ? key : path + "." + key;
                if (SECRET_KEY.matcher(key).matches()) {
                    throw new IllegalArgumentException("audit details must not carry secrets: key '" + keyPath + "'");
                }
                refuseSecrets(keyPath, entry.getValue());
            }
        } else if (value instanceof Object[] array) {
            refuseSecrets(path, Arrays.asList(array));
        } else if (value instanceof Iterable<?> items) {
            int i = 0;
            for (Object item : items) {
                refuseSecrets(path + "[" + i++ + "]", item);
            }
        }
    }
}
