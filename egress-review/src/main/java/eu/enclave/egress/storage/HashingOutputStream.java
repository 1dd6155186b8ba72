package eu.enclave.egress.storage;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Hashes (SHA-256) and counts what passes through it, refusing more than a limit before it is written. */
final class HashingOutputStream extends FilterOutputStream {

    private final MessageDigest digest;
    private final long limit;
    private long count;

    HashingOutputStream(OutputStream out, long limit) {
        super(out);
        this.limit = limit;
        try {
            this.digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }

    @Override
    public void write(int b) throws IOException {
        admit(1);
        out.write(b);
        digest.update((byte) b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        admit(len);
        out.write(b, off, len);
        digest.update(b, off, len);
    }

    private void admit(int len) throws BlobTooLarge {
        if (count + len > limit) {
            throw new BlobTooLarge(limit);
        }
        count += len;
    }

    long count() {
        return count;
    }

    /** The hex SHA-256 of everything written; call once, at the end. */
    String sha256() {
        return HexFormat.of().formatHex(digest.digest());
    }
}
