package eu.enclave.egress.checks.formats;

import eu.enclave.egress.checks.engine.FileRun;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The bytes of the file (or archive member) being checked. A reader either streams them once ({@link #open()}) or,
 * when its format needs random access (a workbook's zip, a PDF), asks for a file ({@link #file()}), spooled to the
 * temporary directory within the size limit and deleted when the check of this input ends.
 */
public abstract class FileInput implements AutoCloseable {

    private Path spooled;

    /** The first bytes (at most {@code OutputChecker.HEAD_BYTES}). */
    public abstract byte[] head();

    /** The whole content, guarded by the deadline and the size limit. */
    public abstract InputStream open() throws IOException;

    /** The content as a file the reader may read at random. */
    public Path file(FileRun run) throws IOException {
        if (spooled == null) {
            Path temp = run.tempFile(".part");
            try (InputStream in = open(); OutputStream out = Files.newOutputStream(temp)) {
                in.transferTo(out);
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(temp);
                throw e;
            }
            spooled = temp;
        }
        return spooled;
    }

    @Override
    public void close() throws IOException {
        if (spooled != null) {
            Files.deleteIfExists(spooled);
            spooled = null;
        }
    }
}
