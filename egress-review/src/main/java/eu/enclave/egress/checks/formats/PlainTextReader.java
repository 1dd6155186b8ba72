package eu.enclave.egress.checks.formats;

import eu.enclave.egress.checks.Location;
import eu.enclave.egress.checks.engine.FileRun;
import eu.enclave.egress.checks.table.TableScan;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;

/**
 * Text and Markdown, line by line (R and statsmodels outputs, logs, reports): every line goes to the text rules
 * (identifiers, models' degrees of freedom); Markdown pipe tables ({@code | a | n |} with a {@code |---|} line)
 * are read as tables.
 */
public final class PlainTextReader implements FormatReader {

    @Override
    public void read(FileInput input, FileRun run) throws IOException {
        TextEncoding.Detected encoding = TextEncoding.of(input.head());
        try (InputStream in = input.open()) {
            in.skipNBytes(encoding.bom());
            LineReader lines = new LineReader(new InputStreamReader(in, encoding.charset()),
                    run.limits().maxLineChars());
            PipeTables tables = new PipeTables(run);
            try {
                for (String line = lines.next(); line != null; line = lines.next()) {
                    if ((lines.number() & 1023) == 0) {
                        run.deadline().check();
                    }
                    if (!tables.accept(line, lines.number())) {
                        run.text(line, Location.line(lines.number()));
                    }
                }
            } finally {
                tables.end();
            }
        }
    }

    /** Markdown pipe tables, one {@link TableScan} each, named by their first line. */
    private static final class PipeTables {
        private final FileRun run;
        private TableScan scan;
        private String[] header;
        private long headerLine;
        private int count;

        PipeTables(FileRun run) {
            this.run = run;
        }

        boolean accept(String line, long number) {
            String l = line.strip();
            if (!l.startsWith("|")) {
                end();
                header = null;
                return false;
            }
            String[] cells = cells(l);
            if (scan == null) {
                if (header != null && l.matches("\\|?(\\s*:?-{3,}:?\\s*\\|?)+")) {
                    scan = new TableScan(run, "table " + (++count) + " (line " + headerLine + ")", null, null,
                            false);
                    scan.accept(header, header.length, headerLine, false, null);
                    return true;
                }
                header = cells;
                headerLine = number;
                run.text(line, Location.line(number));
                return true;
            }
            scan.accept(cells, cells.length, number, false, null);
            return true;
        }

        void end() {
            if (scan != null) {
                scan.end();
                scan = null;
            }
        }

        private static String[] cells(String line) {
            String inner = line.substring(1, line.endsWith("|") && line.length() > 1 ? line.length() - 1
                    : line.length());
            String[] cells = inner.split("\\|", -1);
            for (int i = 0; i < cells.length; i++) {
                cells[i] = cells[i].strip();
            }
            return cells;
        }
    }
}
