package eu.enclave.egress.storage;

import java.io.IOException;

/** The store could not be reached, or refused a call: nothing was stored by the call that failed. */
public class BlobStoreFailure extends IOException {

    public BlobStoreFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
