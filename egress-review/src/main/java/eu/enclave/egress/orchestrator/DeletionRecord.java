package eu.enclave.egress.orchestrator;

import java.time.Instant;
import java.util.Map;

/** What egress-review removed of an archived project, for its proof of deletion at the orchestrator. */
public record DeletionRecord(String component, Instant completedAt, Map<String, Long> details) {

    public DeletionRecord {
        details = Map.copyOf(details);
    }
}
