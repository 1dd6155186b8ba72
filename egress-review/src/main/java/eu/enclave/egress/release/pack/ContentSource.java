package eu.enclave.egress.release.pack;

import java.io.IOException;
import java.io.InputStream;

/** Where a released file's bytes are read from, e.g. {@code () -> blobStore.open(locator)}; opened once per package. */
@FunctionalInterface
public interface ContentSource {

    InputStream open() throws IOException;
}
