package eu.enclave.egress.request;

import java.time.Instant;
import java.util.UUID;

/**
 * An output request: made in a workspace of a project by its owner (the requester), with a title and a purpose;
 * from its first submission on, the disclosure policy (canonical text and hash) and the number of distinct approvals
 * each file needs are frozen on it.
 *
 * @param submissions 0 while a draft; 1 from the first submission, +1 at each resubmission
 */
public record Request(UUID id, String project, UUID projectId, UUID workspaceId, String workspace, Requester requester,
                      String title, String purpose, RequestStatus status, String policyText, String policyHash,
                      Integer reviewersRequired, int submissions, String statusReason, Instant createdAt,
                      Instant updatedAt, Instant submittedAt, Instant decidedAt) {

    /** Audit target of the request. */
    public String target() {
        return "request:" + id;
    }

    /** The requester: the owner of the workspace the request was made in, as the orchestrator named them. */
    public record Requester(String issuer, String subject, String username, String displayName) {

        public boolean is(String otherIssuer, String otherSubject) {
            return issuer.equals(otherIssuer) && subject.equals(otherSubject);
        }
    }
}
