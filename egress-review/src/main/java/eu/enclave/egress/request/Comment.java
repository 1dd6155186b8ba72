package eu.enclave.egress.request;

import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * A question, an answer or a comment on a request or one of its files. Private ones are for reviewers only; public
 * ones reach the requester ({@link RequesterView#canSee}).
 */
public record Comment(UUID id, UUID requestId, UUID fileId, String authorIssuer, String authorSubject,
                      String authorUsername, Kind kind, Visibility visibility, String body, UUID inReplyTo,
                      Instant createdAt) {

    public enum Kind {
        QUESTION, ANSWER, COMMENT;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<Kind> parse(String id) {
            return Arrays.stream(values()).filter(k -> k.id().equals(id)).findFirst();
        }
    }

    public enum Visibility {
        PRIVATE, PUBLIC;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<Visibility> parse(String id) {
            return Arrays.stream(values()).filter(v -> v.id().equals(id)).findFirst();
        }
    }

    public boolean byAuthor(String issuer, String subject) {
        return authorIssuer.equals(issuer) && authorSubject.equals(subject);
    }
}
