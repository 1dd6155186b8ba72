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
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes one release package: a zip streamed to any output stream in constant memory, whatever the size of the
 * outputs, with Zip64 records wherever an entry, an offset or the count passes the classic limits (as the JDK
 * writes them: readable by {@code unzip}, Python, 7-Zip and Java, streaming readers included). Each output is read once, hashed as it is copied, and checked against the size and SHA-256
 * it was approved with; on a mismatch the writer stops with {@link ContentMismatch} before {@code SHA256SUMS} is
 * signed, and the caller discards what was written (see {@link ReleasePackages#store}).
 */
public final class ReleasePackageWriter {

    private static final int BUFFER = 1 << 16;

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
        // Not closed on failure: closing would finish the open entry and write a central directory, making a
        // readable zip without SHA256SUMS. Left unfinished, what was written is no zip at all.
        ZipOutputStream zip = new ZipOutputStream(new DigestOutputStream(new Unclosed(counted), packageDigest),
                StandardCharsets.UTF_8);
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
        zip.close();
        return new WrittenPackage(signer.keyId(), entries, sums, counted.count,
                HexFormat.of().formatHex(packageDigest.digest()));
    }

    private static PackageEntry writeBytes(ZipOutputStream zip, String name, byte[] content, FileTime time)
            throws IOException {
        zip.putNextEntry(newEntry(name, time));
        zip.write(content);
        zip.closeEntry();
        return entry(name, content);
    }

    private static PackageEntry writeOutput(ZipOutputStream zip, ReleasedFile file, FileTime time)
            throws IOException {
        MessageDigest digest = sha256();
        long size = 0;
        zip.putNextEntry(newEntry(file.path(), time));
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
        zip.closeEntry();
        return new PackageEntry(file.path(), size, actual);
    }

    private static ZipEntry newEntry(String name, FileTime time) {
        ZipEntry entry = new ZipEntry(name);
        entry.setMethod(ZipEntry.DEFLATED);
        entry.setLastModifiedTime(time);
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
