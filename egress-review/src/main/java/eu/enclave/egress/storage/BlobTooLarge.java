package eu.enclave.egress.storage;

import java.io.IOException;

/** An upload went past the size it was begun with; nothing of it is kept. */
public class BlobTooLarge extends IOException {

    private final long limit;

    public BlobTooLarge(long limit) {
        super("more than " + limit + " bytes");
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }
}
