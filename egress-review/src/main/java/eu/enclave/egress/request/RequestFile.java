package eu.enclave.egress.request;

import java.time.Instant;
import java.util.UUID;

/**
 * One version of one file of a request, written only once its blob was durable, and never changed: a new version
 * is a new row that names the one it replaces ({@code previousId}, {@code previousSha256}).
 *
 * @param supporting  shown to reviewers, never released
 * @param submission  the submission that first carried this version; null while not yet submitted
 * @param supersededAt when a newer version replaced it; null for the current version
 * @param purgedAt    when retention removed its blob (hash and size stay)
 */
public record RequestFile(UUID id, UUID requestId, String group, String name, String description, boolean supporting,
                          int version, UUID previousId, String previousSha256, Integer submission, String sha256,
                          long size, String detectedType, String blobStore, String blobLocator, Instant uploadedAt,
                          Instant supersededAt, Instant purgedAt) {

    public boolean current() {
        return supersededAt == null;
    }
}
