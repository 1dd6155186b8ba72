package eu.enclave.egress.intake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Where a pre-submission check keeps its file while the checks read it (they may read it more than once): one
 * temporary file per call, deleted when the call ends; {@link IntakeSweeper} removes what a crash left.
 */
@Component
class CheckScratch {

    private final Path folder;

    CheckScratch(@Value("${enclave.intake.scratch-directory:}") String folder) {
        try {
            this.folder = Files.createDirectories(folder.isBlank()
                    ? Path.of(System.getProperty("java.io.tmpdir"), "enclave-intake-checks") : Path.of(folder));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the folder of pre-submission checks", e);
        }
    }

    Path create() throws IOException {
        return Files.createTempFile(folder, "check-", ".part");
    }

    int sweep(Instant cutoff) throws IOException {
        int removed = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "check-*.part")) {
            for (Path file : files) {
                try {
                    if (Files.getLastModifiedTime(file).toInstant().isBefore(cutoff) && Files.deleteIfExists(file)) {
                        removed++;
                    }
                } catch (NoSuchFileException goneMeanwhile) {
                    // its call ended between the listing and the check
                }
            }
        }
        return removed;
    }
}
