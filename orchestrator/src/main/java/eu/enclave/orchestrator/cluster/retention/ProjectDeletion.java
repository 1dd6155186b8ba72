package eu.enclave.orchestrator.cluster.retention;

import eu.enclave.orchestrator.cluster.TeardownOutcome.Result;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The proof of deletion of an archived project's namespace, as stored and as the API shows it.
 *
 * @param result        where the deletion stands (DELETED and ABSENT are final)
 * @param reason        why it was refused or failed; empty otherwise
 * @param requestedAt   when the deletion was asked of the cluster; null while it has not been
 * @param confirmedAt   when the namespace was seen gone; null until then
 * @param objects       the project's own objects in the namespace when deletion was asked for ("Kind ns/name")
 * @param attempts      how many runs of the retention job have dealt with it (failures are retried)
 */
public record ProjectDeletion(UUID projectId, String slug, String namespace, Instant archivedAt, Result result,
                              String reason, Instant requestedAt, Instant confirmedAt, List<String> objects,
                              int attempts, Instant lastAttemptAt) {

    public ProjectDeletion {
        reason = reason == null ? "" : reason;
        objects = List.copyOf(objects);
    }
}
