package eu.enclave.egress.intake;

import java.util.UUID;

/**
 * The requester's answer to a reviewer's question ({@code inReplyTo} a public question), or a comment on the
 * request or one of its files. Always public: reviewers read it, and so does the requester.
 */
public record CommentInput(String body, UUID inReplyTo, UUID fileId) {
}
