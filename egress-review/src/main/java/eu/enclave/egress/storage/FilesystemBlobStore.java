package eu.enclave.egress.storage;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Blobs as files under one folder: {@code staging/<uuid>.part} while an upload runs, then
 * {@code blobs/<aa>/<sha256>} once committed. Each upload is written, fsynced and renamed atomically, and the
 * folder fsynced after the rename, so that a committed blob survives a crash and a half-written one is never seen
 * under a blob's name. The locator is {@code sha256/<hex>}.
 */
public class FilesystemBlobStore implements BlobStore {

    public static final String KIND = "filesystem";
    private static final String LOCATOR_PREFIX = "sha256/";
    private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");
    private static final int BUFFER = 1 << 16;

    private final Path blobs;
    private final Path staging;

    public FilesystemBlobStore(Path root) throws IOException {
        this.blobs = Files.createDirectories(root.resolve("blobs"));
        this.staging = Files.createDirectories(root.resolve("staging"));
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public BlobUpload begin(long maxBytes) throws IOException {
        return new Upload(staging.resolve(UUID.randomUUID() + ".part"), maxBytes);
    }

    @Override
    public InputStream open(String locator) throws IOException {
        try {
            return Files.newInputStream(pathOf(locator));
        } catch (NoSuchFileException e) {
            throw new NoSuchBlob(locator);
        }
    }

    @Override
    public boolean exists(String locator) {
        return Files.isRegularFile(pathOf(locator));
    }

    @Override
    public void delete(String locator) throws IOException {
        Path path = pathOf(locator);
        if (Files.deleteIfExists(path)) {
            fsyncDirectory(path.getParent());
        }
    }

    @Override
    public int sweepStaged(Instant cutoff) throws IOException {
        int removed = 0;
        try (DirectoryStream<Path> parts = Files.newDirectoryStream(staging, "*.part")) {
            for (Path part : parts) {
                try {
                    if (Files.getLastModifiedTime(part).toInstant().isBefore(cutoff) && Files.deleteIfExists(part)) {
                        removed++;
                    }
                } catch (NoSuchFileException finishedMeanwhile) {
                    // committed or closed between the listing and the check
                }
            }
        }
        return removed;
    }

    private Path pathOf(String locator) {
        if (locator == null || !locator.startsWith(LOCATOR_PREFIX) || !HEX.matcher(locator.substring(7)).matches()) {
            throw new IllegalArgumentException("not a filesystem blob locator");
        }
        String hex = locator.substring(LOCATOR_PREFIX.length());
        return blobs.resolve(hex.substring(0, 2)).resolve(hex);
    }

    private static void fsyncDirectory(Path directory) throws IOException {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    private final class Upload implements BlobUpload {

        private final Path part;
        private final FileChannel channel;
        private final HashingOutputStream output;
        private StagedBlob staged;
        private boolean committed;

        Upload(Path part, long maxBytes) throws IOException {
            this.part = part;
            this.channel = FileChannel.open(part, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            this.output = new HashingOutputStream(new BufferedOutputStream(Channels.newOutputStream(channel), BUFFER),
                    maxBytes);
        }

        @Override
        public OutputStream output() {
            return output;
        }

        @Override
        public StagedBlob finish() throws IOException {
            if (staged == null) {
                output.flush();
                channel.force(true);
                channel.close();
                staged = new StagedBlob(output.sha256(), output.count());
            }
            return staged;
        }

        @Override
        public BlobRef commit() throws IOException {
            StagedBlob blob = finish();
            String locator = LOCATOR_PREFIX + blob.sha256();
            Path target = pathOf(locator);
            Files.createDirectories(target.getParent());
            if (Files.isRegularFile(target)) {
                Files.deleteIfExists(part);
            } else {
                try {
                    Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (FileAlreadyExistsException sameContentMeanwhile) {
                    Files.deleteIfExists(part);
                } catch (AtomicMoveNotSupportedException e) {
                    throw new IOException("the blob folder and its staging folder must be on one filesystem", e);
                }
                fsyncDirectory(target.getParent());
            }
            committed = true;
            return new BlobRef(KIND, locator, blob.sha256(), blob.size());
        }

        @Override
        public void close() {
            if (committed) {
                return;
            }
            try {
                channel.close();
                Files.deleteIfExists(part);
            } catch (IOException ignored) {
                // the sweeper removes what could not be removed now
            }
        }
    }
}
