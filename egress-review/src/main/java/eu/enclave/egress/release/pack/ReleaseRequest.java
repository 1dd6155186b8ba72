package eu.enclave.egress.release.pack;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What the package says about the request it releases.
 *
 * @param reviewerPseudonyms the reviewers as named in {@code decisions.json} (never their names)
 * @param policyHash         the hash of the disclosure policy frozen on the request
 * @param engineVersion      the version of the checks engine that produced {@code checks.json}
 */
public record ReleaseRequest(UUID id, String project, String title, String purpose, Instant decidedAt,
        List<String> reviewerPseudonyms, String policyHash, String engineVersion) {

    public ReleaseRequest {
        require(id, "id");
        require(project, "project");
        require(title, "title");
        require(purpose, "purpose");
        require(decidedAt, "decidedAt");
        require(policyHash, "policyHash");
        require(engineVersion, "engineVersion");
        reviewerPseudonyms = List.copyOf(reviewerPseudonyms);
        if (reviewerPseudonyms.isEmpty()) {
            throw new InvalidPackage("reviewerPseudonyms: a released request has at least one reviewer");
        }
    }

    private static void require(Object value, String field) {
        if (value == null || value.toString().isBlank()) {
            throw new InvalidPackage(field + ": required");
        }
    }
}
