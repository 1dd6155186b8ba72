package eu.enclave.egress.checks.engine;

/** Content that its reader cannot parse (truncated, malformed, encrypted): the file needs a person. */
public class Unreadable extends LimitExceeded {

    public Unreadable(String reasonEn, String reasonFr) {
        super("format", reasonEn, reasonFr);
    }
}
