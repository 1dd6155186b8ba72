package eu.enclave.egress.checks.formats;

import eu.enclave.egress.checks.engine.FileRun;
import eu.enclave.egress.checks.engine.LimitExceeded;
import eu.enclave.egress.checks.engine.Unreadable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * The zip inside a workbook (XLSX, ODS), opened at random through its central directory with Commons Compress,
 * under the archive limits: entry count, declared expansion, and actual bytes read across all entries.
 */
final class ZipPackage implements AutoCloseable {

    private final ZipFile zip;
    private final FileRun run;
    private final List<String> names = new ArrayList<>();
    private long budget;

    ZipPackage(Path file, FileRun run) throws IOException {
        this.run = run;
        try {
            this.zip = ZipFile.builder().setPath(file).get();
        } catch (IOException e) {
            throw new Unreadable("it is not a readable zip package (" + e.getMessage() + "): truncated or damaged",
                    "ce n'est pas un paquet zip lisible (" + e.getMessage() + ") : tronqué ou endommagé");
        }
        budget = run.limits().maxExpandedBytes();
        long declared = 0;
        for (ZipArchiveEntry entry : Collections.list(zip.getEntries())) {
            names.add(entry.getName());
            if (names.size() > run.limits().maxArchiveMembers()) {
                zip.close();
                throw new LimitExceeded("entries", "the package has more than " + run.limits().maxArchiveMembers()
                        + " entries", "le paquet a plus de " + run.limits().maxArchiveMembers() + " entrées");
            }
            if (entry.getSize() > 0) {
                declared += entry.getSize();
            }
        }
        if (declared > budget) {
            zip.close();
            throw new LimitExceeded("size", "the package expands to more than " + budget + " bytes",
                    "le paquet dépasse " + budget + " octets une fois décompressé");
        }
    }

    List<String> names() {
        return names;
    }

    boolean has(String name) {
        return zip.getEntry(name) != null;
    }

    /** The entry's bytes, counted against the package's expansion budget and ratio; null when absent. */
    InputStream open(String name) throws IOException {
        ZipArchiveEntry entry = zip.getEntry(name);
        if (entry == null) {
            return null;
        }
        InputStream raw = zip.getInputStream(entry);
        long compressed = Math.max(entry.getCompressedSize(), 1);
        long ratioLimit = Math.max(compressed * run.limits().maxExpansionRatio(), 1L << 20);
        long limit = Math.min(budget, ratioLimit);
        return new GuardedInputStream(raw, run.deadline(), limit, "entry " + name) {
            @Override
            public void close() throws IOException {
                budget -= bytesRead();
                super.close();
            }
        };
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }
}
