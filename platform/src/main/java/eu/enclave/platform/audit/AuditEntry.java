package eu.enclave.platform.audit;

import java.time.Instant;

/** One stored link of the audit chain. {@code details} is the JSON text exactly as hashed. */
public record AuditEntry(long seq, Instant occurredAt, String actor, String action, String project,
                         String target, String details, String prevHash, String hash) {
}
