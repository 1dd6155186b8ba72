package eu.enclave.egress.release.pack;

import java.io.IOException;

/**
 * A released file's bytes are not those that were approved (altered or truncated in storage): the package being
 * written must be discarded, and nothing published.
 */
public class ContentMismatch extends IOException {

    private final String path;

    public ContentMismatch(String path, String expected, String actual) {
        super(path + ": expected " + expected + ", read " + actual);
        this.path = path;
    }

    public String path() {
        return path;
    }
}
