package eu.enclave.egress.release.pack;

import java.time.Instant;

/**
 * A public key that signs (or signed) release packages.
 *
 * @param pem   the SubjectPublicKeyInfo as PEM ({@code -----BEGIN PUBLIC KEY-----}), for {@code openssl dgst -verify}
 * @param since when it began to sign, if known
 * @param until when it stopped, null for the current key
 */
public record ReleaseKey(String keyId, String pem, Instant since, Instant until) {
}
