package eu.enclave.egress.release.pack;

/** A release key file that cannot be used: not PEM, not an EC P-256 key, or with a bad attribute. */
public class InvalidKey extends IllegalArgumentException {

    public InvalidKey(String message) {
        super(message);
    }
}
