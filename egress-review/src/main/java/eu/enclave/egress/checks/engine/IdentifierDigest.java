package eu.enclave.egress.checks.engine;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How an identifier found in an output is shown and stored: never in clear. {@link #mask} keeps its first
 * characters; {@link #digest} is an HMAC-SHA-256 under a key of the deployment's configuration, so that a reviewer
 * can tell two findings of the same value apart from two of different values, while nobody without the key can
 * test guesses of a NIR against what is stored.
 */
public final class IdentifierDigest {

    /** Characters of an identifier shown; enough to recognise its kind, never enough to identify. */
    public static final int SHOWN = 3;

    private final SecretKeySpec key;

    public IdentifierDigest(byte[] key) {
        if (key.length < 16) {
            throw new IllegalArgumentException("the identifier digest key must have at least 16 bytes");
        }
        this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
    }

    public String digest(String clearValue) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] out = mac.doFinal(clearValue.getBytes(StandardCharsets.UTF_8));
            return "hmac-sha256:" + HexFormat.of().formatHex(out, 0, 16);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java platform", e);
        }
    }

    /** The first characters and an ellipsis, whatever the value's length: {@code 185…}. */
    public static String mask(String clearValue) {
        String trimmed = clearValue.strip();
        int shown = Math.min(SHOWN, Math.max(0, trimmed.length() - 4));
        return trimmed.substring(0, shown) + "…";
    }
}
