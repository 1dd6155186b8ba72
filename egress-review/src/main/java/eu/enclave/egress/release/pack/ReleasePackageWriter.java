package eu.enclave.egress.release.pack;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.attribute.FileTime;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.apache.commons.compress.archivers.zip.Zip64Mode;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;

/**
 * Writes one release package: a Zip64 archive streamed to any output stream in constant memory, whatever the
 * size of the outputs. Each output is read once, hashed as it is copied, and checked against the size and SHA-256
 * it was approved with; on a mismatch the writer stops with {@link ContentMismatch} before {@code SHA256SUMS} is
 * signed, and the caller discards what was written (see {@link ReleasePackages#store}).
 */
public final class ReleasePackageWriter {

    private static final int BUFFER = 1 << 16;
    private static final int FILE_MODE = 0100644;

    private final ReleaseSigner signer;

    public ReleasePackageWriter(ReleaseSigner signer) {
        this.signer = signer;
    }

    public String keyId() {
        return signer.keyId();
    }

    public WrittenPackage write(PackageContents contents, OutputStream out) throws IOException {
        Counting counted = new Counting(out);
        MessageDigest packageDigest = sha256();
        List<PackageEntry> entries = new ArrayList<>();
        FileTime time = FileTime.from(contents.request().decidedAt());
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(new DigestOutputStream(new Unclosed(counted),
                packageDigest))) {
            // Always: every entry carries its Zip64 fields, so the path a 10 GB output takes is the one every
            // package takes, and streaming readers know the data descriptors' sizes are 8 bytes.
            zip.setUseZip64(Zip64Mode.Always);
            zip.setEncoding(StandardCharsets.UTF_8.name());
            zip.setComment("Enclave release package of request " + contents.request().id() + ", signed by release key "
                    + signer.keyId());

            List<PackageEntry> documents = new ArrayList<>();
            documents.add(entry(PackageLayout.CHECKS, contents.checksJson()));
            documents.add(entry(PackageLayout.DECISIONS, contents.decisionsJson()));
            if (contents.resultsJson() != null) {
                documents.add(entry(PackageLayout.RESULTS, contents.resultsJson()));
            }
            byte[] crate = RoCrateMetadata.describe(contents.request(), contents.outputs(), documents, signer.keyId());
            entries.add(writeBytes(zip, PackageLayout.CRATE, crate, time));
            writeBytes(zip, PackageLayout.CHECKS, contents.checksJson(), time);
            writeBytes(zip, PackageLayout.DECISIONS, contents.decisionsJson(), time);
            if (contents.resultsJson() != null) {
                writeBytes(zip, PackageLayout.RESULTS, contents.resultsJson(), time);
            }
            entries.addAll(documents);
            for (ReleasedFile file : contents.outputs()) {
                entries.add(writeOutput(zip, file, time));
            }
            String sums = Sha256Sums.format(entries);
            byte[] sumsBytes = sums.getBytes(StandardCharsets.UTF_8);
            writeBytes(zip, PackageLayout.SUMS, sumsBytes, time);
            writeBytes(zip, PackageLayout.SIGNATURE, signer.sign(sumsBytes), time);
            zip.finish();
            zip.flush();
            return new WrittenPackage(signer.keyId(), entries, sums, counted.count,
                    HexFormat.of().formatHex(packageDigest.digest()));
        }
    }

    private static PackageEntry writeBytes(ZipArchiveOutputStream zip, String name, byte[] content, FileTime time)
            throws IOException {
        zip.putArchiveEntry(newEntry(name, time));
        zip.write(content);
        zip.closeArchiveEntry();
        return entry(name, content);
    }

    private static PackageEntry writeOutput(ZipArchiveOutputStream zip, ReleasedFile file, FileTime time)
            throws IOException {
        MessageDigest digest = sha256();
        long size = 0;
        zip.putArchiveEntry(newEntry(file.path(), time));
        try (InputStream in = file.content().open()) {
            byte[] buffer = new byte[BUFFER];
            for (int n; (n = in.read(buffer)) != -1; ) {
                size += n;
                if (size > file.size()) {
                    throw new ContentMismatch(file.path(), file.size() + " bytes", "more");
                }
                digest.update(buffer, 0, n);
                zip.write(buffer, 0, n);
            }
        }
        String actual = HexFormat.of().formatHex(digest.digest());
        if (size != file.size()) {
            throw new ContentMismatch(file.path(), file.size() + " bytes", size + " bytes");
        }
        if (!actual.equals(file.sha256())) {
            throw new ContentMismatch(file.path(), "sha256 " + file.sha256(), "sha256 " + actual);
        }
        zip.closeArchiveEntry();
        return new PackageEntry(file.path(), size, actual);
    }

    private static ZipArchiveEntry newEntry(String name, FileTime time) {
        ZipArchiveEntry entry = new ZipArchiveEntry(name);
        entry.setMethod(ZipArchiveEntry.DEFLATED);
        entry.setLastModifiedTime(time);
        entry.setUnixMode(FILE_MODE);
        return entry;
    }

    private static PackageEntry entry(String name, byte[] content) {
        return new PackageEntry(name, content.length, HexFormat.of().formatHex(sha256().digest(content)));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }

    /** Counts the bytes that reach the caller's stream. */
    private static final class Counting extends FilterOutputStream {

        private long count;

        Counting(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }

    /** The caller owns its stream: closing the archive (which frees its deflater) only flushes it. */
    private static final class Unclosed extends FilterOutputStream {

        Unclosed(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}
