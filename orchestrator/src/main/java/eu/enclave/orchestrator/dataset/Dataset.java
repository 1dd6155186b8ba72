package eu.enclave.orchestrator.dataset;

import eu.enclave.orchestrator.cluster.DatasetSource;
import java.time.Instant;
import java.util.UUID;

/** A dataset in the catalogue. Its name is immutable: it names the claim and the mount point {@code /data/<name>}. */
public record Dataset(UUID id, String name, String description, String owner, SensitivityTier tier,
                      Disclosure disclosure, DatasetSource source, DatasetStatus status, String createdBy,
                      Instant createdAt, Instant updatedAt) {

    public boolean isRetired() {
        return status == DatasetStatus.RETIRED;
    }
}
