package eu.enclave.orchestrator.cluster.watch;

import eu.enclave.orchestrator.cluster.ClusterNames;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Which events about owned objects call for a reconcile of their project, and which project that is. Pure
 * functions of the objects, so that they are tested without a cluster.
 */
public final class OwnedObjectEvents {

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private OwnedObjectEvents() {
    }

    /** The project named by the object's {@code enclave.eu/project-id} label, if it carries a valid one. */
    public static Optional<UUID> projectOf(HasMetadata object) {
        Map<String, String> labels = object == null ? null : object.getMetadata().getLabels();
        String id = labels == null ? null : labels.get(ClusterNames.PROJECT_ID);
        if (id == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }

    /**
     * An object that existed before the watch started is only being listed, not added: the full pass that
     * comes with leadership covers those. A creation time that cannot be read counts as new.
     */
    public static boolean isNew(HasMetadata added, Instant watchStarted) {
        String created = added.getMetadata().getCreationTimestamp();
        if (created == null) {
            return true;
        }
        try {
            // creation times have whole seconds: one in the second the watch started may be after it
            return !Instant.parse(created).isBefore(watchStarted.truncatedTo(ChronoUnit.SECONDS));
        } catch (DateTimeParseException unreadable) {
            return true;
        }
    }

    /**
     * Whether an update touched anything but status and server bookkeeping (resourceVersion, managedFields,
     * annotations): a ResourceQuota's usage changes all the time on a busy cluster, and is no drift.
     */
    public static boolean changedContent(HasMetadata before, HasMetadata after) {
        if (before == null || after == null) {
            return true;
        }
        return !Objects.equals(content(before), content(after));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> content(HasMetadata object) {
        Map<String, Object> tree = new LinkedHashMap<>(SERIALIZATION.convertValue(object, Map.class));
        tree.remove("status");
        Object metadata = tree.get("metadata");
        Object labels = metadata instanceof Map<?, ?> map ? map.get("labels") : null;
        tree.put("metadata", labels == null ? Map.of() : Map.of("labels", labels));
        return tree;
    }
}
