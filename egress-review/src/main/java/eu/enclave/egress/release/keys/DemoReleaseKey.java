package eu.enclave.egress.release.keys;

import eu.enclave.egress.release.pack.ReleaseKeys;
import eu.enclave.egress.release.pack.ReleaseSigner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;

/**
 * Demo mode's release key: generated into the data directory at first start (mode 0600, written whole or not at
 * all) and read back at every later start, so that packages keep verifying across restarts.
 */
final class DemoReleaseKey {

    static final String FILE = "release-signing-key.pem";
    static final String KEY_ID_PREFIX = "demo-";

    private DemoReleaseKey() {
    }

    /** The signer, and whether this call generated it. */
    record Loaded(ReleaseSigner signer, boolean generated) {
    }

    static Loaded loadOrCreate(Path dataDirectory, Clock clock) throws IOException {
        Path file = dataDirectory.resolve(FILE);
        if (Files.exists(file)) {
            return new Loaded(ReleaseKeys.readSigner(file, null), false);
        }
        ReleaseSigner signer = ReleaseSigner.generate(KEY_ID_PREFIX, clock.instant());
        Path part = Files.createTempFile(dataDirectory, ".release-signing-key", ".part",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            Files.writeString(part, signer.privateKeyPem(), StandardCharsets.US_ASCII);
            Files.move(part, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException anotherStartWon) {
            return new Loaded(ReleaseKeys.readSigner(file, null), false);
        } finally {
            Files.deleteIfExists(part);
        }
        return new Loaded(signer, true);
    }
}
