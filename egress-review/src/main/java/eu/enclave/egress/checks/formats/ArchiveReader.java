package eu.enclave.egress.checks.formats;

import eu.enclave.egress.checks.Location;
import eu.enclave.egress.checks.OutputChecker;
import eu.enclave.egress.checks.engine.Fact;
import eu.enclave.egress.checks.engine.FileCheck;
import eu.enclave.egress.checks.engine.FileRun;
import eu.enclave.egress.checks.engine.LimitExceeded;
import eu.enclave.egress.checks.engine.Unreadable;
import eu.enclave.platform.disclosure.FileType;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.EnumSet;
import java.util.Set;
import org.apache.commons.compress.archivers.ArchiveEntry;
import org.apache.commons.compress.archivers.ArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Zip, tar and gzip (and tar.gz) through Commons Compress, streamed: members are listed and checked one by one as
 * files of their own type, while the limits hold as bytes come: members counted, expanded bytes summed, and the
 * expansion ratio watched against the compressed bytes read, so that an archive bomb is refused without filling
 * memory or disk. Member paths with {@code ..} or absolute are refused; archives inside are not opened.
 */
public final class ArchiveReader implements FormatReader {

    private static final Set<FileType> ARCHIVES = EnumSet.of(FileType.ZIP, FileType.TAR, FileType.GZIP);

    @Override
    public void read(FileInput input, FileRun run) throws IOException {
        if (run.depth() > 0) {
            return;
        }
        Budget budget = new Budget(run);
        try (InputStream raw = budget.compressed(input.open())) {
            switch (run.type()) {
                case ZIP -> members(new ZipArchiveInputStream(raw, "UTF-8", true, true), run, budget);
                case TAR -> members(new TarArchiveInputStream(raw), run, budget);
                case GZIP -> gzip(raw, run, budget);
                default -> throw new IllegalArgumentException("not an archive: " + run.type());
            }
        }
    }

    private void gzip(InputStream raw, FileRun run, Budget budget) throws IOException {
        GzipCompressorInputStream gz = new GzipCompressorInputStream(raw, true);
        InputStream expanded = budget.expanded(gz, "the compressed content");
        byte[] head = expanded.readNBytes(OutputChecker.HEAD_BYTES);
        if (TypeDetector.detect(head) == FileType.TAR) {
            members(new TarArchiveInputStream(new SequenceInputStream(new java.io.ByteArrayInputStream(head),
                    expanded)), run, budget);
            return;
        }
        String inner = gz.getMetaData().getFileName();
        if (inner == null || inner.isBlank()) {
            String name = run.displayName();
            inner = name.endsWith(".gz") ? name.substring(name.lastIndexOf('/') + 1, name.length() - 3) : "content";
        }
        member(inner, head, expanded, run);
    }

    private void members(ArchiveInputStream<? extends ArchiveEntry> archive, FileRun run, Budget budget)
            throws IOException {
        int count = 0;
        while (true) {
            ArchiveEntry entry;
            try {
                entry = archive.getNextEntry();
            } catch (IOException e) {
                throw new Unreadable("the archive could not be read past member " + count + " (" + e.getMessage()
                        + ")", "l'archive n'a pas pu être lue au-delà du membre " + count + " (" + e.getMessage() + ")");
            }
            if (entry == null) {
                return;
            }
            if (++count > run.limits().maxArchiveMembers()) {
                throw new LimitExceeded("entries", "the archive has more than " + run.limits().maxArchiveMembers()
                        + " members", "l'archive a plus de " + run.limits().maxArchiveMembers() + " membres");
            }
            run.deadline().check();
            String name = entry.getName();
            if (escapes(name) || link(entry)) {
                run.fact(Fact.Kind.ARCHIVE_MEMBER_PATH, Location.FILE, name + (link(entry) ? " (a link)" : ""));
                continue;
            }
            if (entry.isDirectory()) {
                continue;
            }
            if (entry instanceof ZipArchiveEntry zip && (zip.getGeneralPurposeBit().usesEncryption()
                    || !((ZipArchiveInputStream) archive).canReadEntryData(zip))) {
                run.fact(Fact.Kind.ARCHIVE_ENCRYPTED_MEMBER, Location.FILE, name);
                continue;
            }
            InputStream content = budget.expanded(new FilterInputStream(archive) {
                @Override
                public void close() {
                    // the archive stays open for the next member
                }
            }, "member " + name);
            byte[] head = content.readNBytes(OutputChecker.HEAD_BYTES);
            member(name, head, content, run);
            content.transferTo(java.io.OutputStream.nullOutputStream());
        }
    }

    private void member(String name, byte[] head, InputStream rest, FileRun run) throws IOException {
        FileType type = TypeDetector.detect(head);
        FileRun member = run.member(name, type);
        member.text(name, Location.FILE);
        if (type != null && ARCHIVES.contains(type)) {
            member.fact(Fact.Kind.ARCHIVE_NESTED, Location.FILE, name);
            return;
        }
        for (FileCheck check : run.rules().file()) {
            check.check(type, member);
        }
        if (type == null || !run.policy().allowedTypes().contains(type)) {
            return;
        }
        try (MemberInput input = new MemberInput(head, rest)) {
            Readers.read(type, input, member);
        } catch (LimitExceeded e) {
            if (e.limit().equals("time") || e.limit().equals("ratio") || e.limit().equals("size")) {
                throw e;
            }
            member.fact(Fact.Kind.UNREADABLE, Location.FILE, e.reasonEn(), e.reasonFr());
        }
    }

    static boolean escapes(String name) {
        String n = name.replace('\\', '/');
        if (n.startsWith("/") || n.matches("^[A-Za-z]:.*")) {
            return true;
        }
        for (String part : n.split("/")) {
            if (part.equals("..")) {
                return true;
            }
        }
        return false;
    }

    private static boolean link(ArchiveEntry entry) {
        return entry instanceof TarArchiveEntry tar && (tar.isSymbolicLink() || tar.isLink());
    }

    /** A member read once: its head, then the rest of its stream. */
    private static final class MemberInput extends FileInput {
        private final byte[] head;
        private InputStream rest;

        MemberInput(byte[] head, InputStream rest) {
            this.head = head;
            this.rest = rest;
        }

        @Override
        public byte[] head() {
            return head;
        }

        @Override
        public InputStream open() {
            if (rest == null) {
                throw new IllegalStateException("an archive member can be read only once");
            }
            InputStream all = new SequenceInputStream(new java.io.ByteArrayInputStream(head), rest);
            rest = null;
            return new FilterInputStream(all) {
                @Override
                public void close() {
                    // the archive stays open for the next member
                }
            };
        }
    }

    /** The bytes read from the archive file, and those its members expand to, against the limits. */
    private static final class Budget {
        private final FileRun run;
        private long compressed;
        private long expanded;

        Budget(FileRun run) {
            this.run = run;
        }

        InputStream compressed(InputStream in) {
            return new FilterInputStream(in) {
                @Override
                public int read() throws IOException {
                    int b = super.read();
                    compressed += b >= 0 ? 1 : 0;
                    return b;
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    int n = super.read(b, off, len);
                    compressed += Math.max(n, 0);
                    return n;
                }
            };
        }

        InputStream expanded(InputStream in, String what) {
            return new FilterInputStream(in) {
                @Override
                public int read() throws IOException {
                    int b = super.read();
                    count(b >= 0 ? 1 : 0, what);
                    return b;
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    int n = super.read(b, off, len);
                    count(Math.max(n, 0), what);
                    return n;
                }
            };
        }

        private void count(long n, String what) {
            run.deadline().check();
            expanded += n;
            if (expanded > run.limits().maxExpandedBytes()) {
                throw new LimitExceeded("size", "the archive expands to more than " + run.limits().maxExpandedBytes()
                        + " bytes (at " + what + ")", "l'archive dépasse " + run.limits().maxExpandedBytes()
                        + " octets une fois décompressée (au " + what + ")");
            }
            if (expanded > (1L << 20) && expanded > compressed * run.limits().maxExpansionRatio()) {
                throw new LimitExceeded("ratio", "the archive expands more than " + run.limits().maxExpansionRatio()
                        + " times (at " + what + "): an archive bomb is refused", "l'archive se décompresse plus de "
                        + run.limits().maxExpansionRatio() + " fois (au " + what + ") : une bombe d'archive est refusée");
            }
        }
    }
}
