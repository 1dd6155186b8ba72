package eu.enclave.egress.checking.queue;

import eu.enclave.egress.checks.FileCheckResult;
import java.time.Instant;
import java.util.UUID;

/** A file's recorded result of one run of the checks: never altered, later runs add new ones. */
public record StoredCheckResult(UUID id, UUID requestId, UUID fileId, UUID jobId, CheckPurpose purpose,
                                FileCheckResult result, Instant checkedAt) {
}
