package eu.enclave.egress.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * egress-review's own folder ({@code enclave.data-directory}): filesystem blobs and, in demo mode, the generated
 * release signing key. In demo mode without a setting it is a new temporary folder, as temporary as the embedded
 * database; elsewhere it must be set by whoever needs it, and is never guessed.
 */
public final class DataDirectory {

    private static final Logger log = LoggerFactory.getLogger(DataDirectory.class);

    private final Path configured;
    private final boolean demo;
    private Path resolved;

    public DataDirectory(Path configured, boolean demo) {
        this.configured = configured;
        this.demo = demo;
    }

    /** The folder (created, mode 0700 where POSIX), or a refusal naming the setting and what needs it. */
    public synchronized Path resolve(String purpose) throws IOException {
        if (resolved == null) {
            if (configured != null) {
                resolved = Files.createDirectories(configured);
            } else if (demo) {
                resolved = Files.createTempDirectory("enclave-egress-review-",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
                log.warn("DEMO MODE: egress-review keeps its files in the temporary folder {}; set "
                        + "enclave.data-directory (./enclave start does with ENCLAVE_DATA_DIR) to keep them", resolved);
            } else {
                throw new IllegalStateException("enclave.data-directory: required for " + purpose
                        + " outside demo mode (or configure " + purpose + " explicitly)");
            }
        }
        return resolved;
    }
}
