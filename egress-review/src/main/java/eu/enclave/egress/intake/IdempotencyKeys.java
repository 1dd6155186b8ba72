package eu.enclave.egress.intake;

import eu.enclave.egress.orchestrator.Person;
import eu.enclave.platform.web.ApiException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Idempotency keys of request creations, per token owner, with the hash of the content they came with. */
@Repository
class IdempotencyKeys {

    private static final Pattern FORMAT = Pattern.compile("[\\x21-\\x7e]{1,200}");

    private final JdbcClient jdbc;

    IdempotencyKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Earlier(String contentHash, UUID requestId) {
    }

    static void checkFormat(String key) {
        if (key != null && !FORMAT.matcher(key).matches()) {
            throw ApiException.invalid("Idempotency-Key", "must be 1 to 200 visible ASCII characters");
        }
    }

    Optional<Earlier> find(Person owner, String key, Instant notBefore) {
        return jdbc.sql("SELECT content_hash, request_id FROM intake_idempotency_keys WHERE owner_issuer = ?"
                        + " AND owner_subject = ? AND idempotency_key = ? AND created_at >= ?")
                .params(owner.issuer(), owner.subject(), key, Timestamp.from(notBefore))
                .query((rs, n) -> new Earlier(rs.getString(1), rs.getObject(2, UUID.class))).optional();
    }

    /** Records a key; an expired row of the same key (older than {@code notBefore}) is replaced. */
    void record(Person owner, String key, String contentHash, UUID requestId, Instant now, Instant notBefore) {
        jdbc.sql("DELETE FROM intake_idempotency_keys WHERE owner_issuer = ? AND owner_subject = ?"
                        + " AND idempotency_key = ? AND created_at < ?")
                .params(owner.issuer(), owner.subject(), key, Timestamp.from(notBefore)).update();
        jdbc.sql("INSERT INTO intake_idempotency_keys (owner_issuer, owner_subject, idempotency_key, content_hash,"
                        + " request_id, created_at) VALUES (?, ?, ?, ?, ?, ?)")
                .params(owner.issuer(), owner.subject(), key, contentHash, requestId, Timestamp.from(now)).update();
    }

    /** Forgets keys older than {@code cutoff}; how many. */
    int purgeBefore(Instant cutoff) {
        return jdbc.sql("DELETE FROM intake_idempotency_keys WHERE created_at < ?").param(Timestamp.from(cutoff))
                .update();
    }
}
