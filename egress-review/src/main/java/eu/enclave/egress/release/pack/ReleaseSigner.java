package eu.enclave.egress.release.pack;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECFieldFp;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import javax.crypto.KeyAgreement;

/**
 * Signs a package's {@code SHA256SUMS} with an ECDSA P-256 key (SHA-256, DER-encoded signature, which
 * {@code openssl dgst -sha256 -verify} checks). The private key comes from a PEM (PKCS#8) file or Vault, never
 * from the database; its id is configured, written in the file ({@code Key-Id:}), or derived from the public key.
 */
public final class ReleaseSigner {

    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final ECParameterSpec P256 = p256();

    private final PrivateKey privateKey;
    private final ECPublicKey publicKey;
    private final String keyId;
    private final Instant since;

    private ReleaseSigner(PrivateKey privateKey, ECPublicKey publicKey, String keyId, Instant since) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
        this.keyId = keyId == null ? keyIdOf(publicKey) : checkKeyId(keyId);
        this.since = since;
    }

    /**
     * The signer of a PKCS#8 PEM ({@code -----BEGIN PRIVATE KEY-----}, as {@code openssl genpkey} writes), with
     * optional {@code Key-Id:} and {@code Since:} lines before the block; {@code keyId}, when given, wins.
     */
    public static ReleaseSigner fromPem(String pem, String keyId, String source) {
        Pem block = Pem.parse(pem, "PRIVATE KEY", source);
        try {
            PrivateKey key = KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(block.der()));
            if (!(key instanceof ECPrivateKey ec) || !isP256(ec.getParams())) {
                throw new InvalidKey(source + ": not an EC P-256 (prime256v1) private key");
            }
            String id = keyId != null && !keyId.isBlank() ? keyId : block.attributes().get("key-id");
            return new ReleaseSigner(ec, publicKeyOf(ec), id, ReleaseKeys.instant(block.attributes().get("since"),
                    source, "Since"));
        } catch (InvalidKeySpecException e) {
            throw new InvalidKey(source + ": not a PKCS#8 EC private key (" + e.getMessage() + ")");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("EC keys are part of every Java platform", e);
        }
    }

    /** A new key (demo mode): the caller keeps {@link #privateKeyPem()} where only this service reads it. */
    public static ReleaseSigner generate(String keyIdPrefix, Instant since) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair pair = generator.generateKeyPair();
            ECPublicKey publicKey = (ECPublicKey) pair.getPublic();
            return new ReleaseSigner(pair.getPrivate(), publicKey, keyIdPrefix + keyIdOf(publicKey), since);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("EC keys are part of every Java platform", e);
        }
    }

    public String keyId() {
        return keyId;
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    public ReleaseKey publicKeyInfo() {
        return new ReleaseKey(keyId, Pem.format("PUBLIC KEY", publicKey.getEncoded(), Map.of()), since, null);
    }

    /** The private key as PKCS#8 PEM with its id and start date before the block. */
    public String privateKeyPem() {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("Key-Id", keyId);
        if (since != null) {
            attributes.put("Since", since.toString());
        }
        return Pem.format("PRIVATE KEY", privateKey.getEncoded(), attributes);
    }

    /** SHA256withECDSA over {@code data}, DER-encoded. */
    public byte[] sign(byte[] data) {
        try {
            Signature signature = Signature.getInstance("SHA256withECDSA");
            signature.initSign(privateKey);
            signature.update(data);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not sign with release key " + keyId, e);
        }
    }

    /** The first 16 hex digits of the SHA-256 of the key's SubjectPublicKeyInfo. */
    public static String keyIdOf(PublicKey key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getEncoded()), 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String checkKeyId(String keyId) {
        if (!KEY_ID.matcher(keyId).matches()) {
            throw new InvalidKey("key id '" + keyId + "': 1 to 64 letters, digits, dots, hyphens or underscores");
        }
        return keyId;
    }

    static ECPublicKey readPublic(byte[] der, String source) {
        try {
            PublicKey key = KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(der));
            if (!(key instanceof ECPublicKey ec) || !isP256(ec.getParams())) {
                throw new InvalidKey(source + ": not an EC P-256 public key");
            }
            return ec;
        } catch (InvalidKeySpecException e) {
            throw new InvalidKey(source + ": not an EC public key (" + e.getMessage() + ")");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A PKCS#8 file need not carry the public key. ECDH of the private key with the curve's generator gives the
     * public point's x (computed by the platform's constant-time code); y is one of the two roots of the curve
     * equation, the one whose key verifies a signature.
     */
    private static ECPublicKey publicKeyOf(ECPrivateKey privateKey) throws GeneralSecurityException {
        KeyFactory factory = KeyFactory.getInstance("EC");
        PublicKey generator = factory.generatePublic(new ECPublicKeySpec(P256.getGenerator(), P256));
        KeyAgreement agreement = KeyAgreement.getInstance("ECDH");
        agreement.init(privateKey);
        agreement.doPhase(generator, true);
        BigInteger x = new BigInteger(1, agreement.generateSecret());
        BigInteger p = ((ECFieldFp) P256.getCurve().getField()).getP();
        BigInteger rhs = x.pow(3).add(P256.getCurve().getA().multiply(x)).add(P256.getCurve().getB()).mod(p);
        BigInteger y = rhs.modPow(p.add(BigInteger.ONE).shiftRight(2), p);
        byte[] probe = "enclave release key check".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        Signature signer = Signature.getInstance("SHA256withECDSA");
        signer.initSign(privateKey);
        signer.update(probe);
        byte[] signature = signer.sign();
        for (BigInteger candidate : new BigInteger[] {y, p.subtract(y)}) {
            ECPublicKey key = (ECPublicKey) factory.generatePublic(new ECPublicKeySpec(new ECPoint(x, candidate), P256));
            Signature verifier = Signature.getInstance("SHA256withECDSA");
            verifier.initVerify(key);
            verifier.update(probe);
            if (verifier.verify(signature)) {
                return key;
            }
        }
        throw new InvalidKey("the private key does not lie on P-256");
    }

    private static boolean isP256(ECParameterSpec params) {
        return params.getCurve().equals(P256.getCurve()) && params.getGenerator().equals(P256.getGenerator())
                && params.getOrder().equals(P256.getOrder());
    }

    private static ECParameterSpec p256() {
        try {
            java.security.AlgorithmParameters parameters = java.security.AlgorithmParameters.getInstance("EC");
            parameters.init(new ECGenParameterSpec("secp256r1"));
            return parameters.getParameterSpec(ECParameterSpec.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("P-256 is part of every Java platform", e);
        }
    }
}
