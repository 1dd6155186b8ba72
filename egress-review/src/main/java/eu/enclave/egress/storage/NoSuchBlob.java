package eu.enclave.egress.storage;

import java.io.IOException;

/** A blob the store does not hold (purged, or never committed). */
public class NoSuchBlob extends IOException {

    public NoSuchBlob(String locator) {
        super("no blob " + locator);
    }
}
