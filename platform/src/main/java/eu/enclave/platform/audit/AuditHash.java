package eu.enclave.platform.audit;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * SHA-256 over a canonical encoding of an entry and its predecessor's hash. Every field is written as a
 * 4-byte length then its UTF-8 bytes (-1 for absent), so no choice of field values can make two different
 * entries encode alike. The sequence number is not hashed: order is carried by the chain itself.
 */
public final class AuditHash {

    public static final String GENESIS = "0".repeat(64);
    private static final HexFormat HEX = HexFormat.of();

    private final MessageDigest digest;
    private final ByteBuffer length = ByteBuffer.allocate(4);

    public AuditHash() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the Java platform", e);
        }
    }

    /** Not thread-safe: one instance per thread or per verification walk. */
    public String of(Instant occurredAt, String actor, String action, String project, String target,
                     String details, String prevHash) {
        digest.reset();
        field(occurredAt.toString());
        field(actor);
        field(action);
        field(project);
        field(target);
        field(details);
        field(prevHash);
        return HEX.formatHex(digest.digest());
    }

    public String of(AuditEntry e) {
        return of(e.occurredAt(), e.actor(), e.action(), e.project(), e.target(), e.details(), e.prevHash());
    }

    private void field(String value) {
        length.clear();
        if (value == null) {
            length.putInt(-1);
            digest.update(length.array());
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        length.putInt(bytes.length);
        digest.update(length.array());
        digest.update(bytes);
    }
}
