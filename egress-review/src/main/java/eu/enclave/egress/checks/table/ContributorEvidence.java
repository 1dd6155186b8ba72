package eu.enclave.egress.checks.table;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import eu.enclave.egress.checks.CheckedFile;
import eu.enclave.egress.checks.engine.Submission;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Contributor-level evidence for a magnitude table (fichier de contrôle): a supporting CSV, never released, named
 * after its table ({@code depenses.csv} → {@code depenses.evidence.csv}, {@code depenses_evidence.csv},
 * {@code depenses.controle.csv} or {@code depenses_controle.csv}), with the table's row and column keys and, per
 * cell, {@code count}, {@code sum}, {@code top1}, {@code top2} (more {@code topN} allowed) and {@code negatives}:
 * the aggregates ACRO's federated evidence also carries. Delimiter {@code ,} or {@code ;}, decimal point or comma.
 */
public record ContributorEvidence(String fileName, List<String> keyColumns, List<Cell> cells) {

    public static final int MAX_ROWS = 100_000;
    private static final String[] SUFFIXES = {".evidence", "_evidence", ".controle", "_controle"};

    /** One cell's aggregates; {@code top} holds top1, top2... as given. */
    public record Cell(long line, Map<String, String> keys, BigDecimal count, BigDecimal sum, List<BigDecimal> top,
                       BigDecimal negatives) {
    }

    /** Whether {@code name} is the name of an evidence file. */
    public static boolean isEvidenceName(String name) {
        String stem = stem(Submission.baseName(name));
        for (String suffix : SUFFIXES) {
            if (stem.toLowerCase(Locale.ROOT).endsWith(suffix)) {
                return true;
            }
        }
        return false;
    }

    /** The evidence of the table file {@code tableName} in the submission, read once per submission. */
    public static Optional<ContributorEvidence> forTable(Submission submission, String tableName) {
        String stem = stem(Submission.baseName(tableName));
        for (Submission.FileState state : submission.files()) {
            String candidate = stem(Submission.baseName(state.file().name()));
            for (String suffix : SUFFIXES) {
                if (candidate.equalsIgnoreCase(stem + suffix)) {
                    return Optional.of(submission.memo("evidence:" + state.file().fileId(),
                            () -> read(state.file())));
                }
            }
        }
        return Optional.empty();
    }

    private static String stem(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    static ContributorEvidence read(CheckedFile file) {
        try (InputStream in = file.content().open()) {
            byte[] head = in.readNBytes(4096);
            char delimiter = new String(head, StandardCharsets.UTF_8).indexOf(';') >= 0 ? ';' : ',';
            try (InputStream all = new java.io.SequenceInputStream(new java.io.ByteArrayInputStream(head), in);
                 CsvReader<CsvRecord> csv = CsvReader.builder().fieldSeparator(delimiter).detectBomHeader(true)
                         .allowExtraFields(true).allowMissingFields(true).maxBufferSize(1 << 16)
                         .ofCsvRecord(all, StandardCharsets.UTF_8)) {
                List<String> header = null;
                List<Cell> cells = new ArrayList<>();
                List<String> keys = new ArrayList<>();
                for (CsvRecord record : csv) {
                    if (header == null) {
                        header = record.getFields().stream().map(HeaderWords::normalise).toList();
                        for (String h : header) {
                            if (!h.equals("count") && !h.equals("sum") && !h.equals("negatives") && !h.matches("top\\d+")) {
                                keys.add(h);
                            }
                        }
                        continue;
                    }
                    if (cells.size() >= MAX_ROWS) {
                        break;
                    }
                    cells.add(cell(header, record, keys));
                }
                return new ContributorEvidence(file.name(), List.copyOf(keys), List.copyOf(cells));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Cell cell(List<String> header, CsvRecord record, List<String> keyColumns) {
        Map<String, String> keys = new LinkedHashMap<>();
        BigDecimal count = null;
        BigDecimal sum = null;
        BigDecimal negatives = null;
        Map<Integer, BigDecimal> top = new java.util.TreeMap<>();
        for (int i = 0; i < header.size() && i < record.getFieldCount(); i++) {
            String h = header.get(i);
            String v = record.getField(i).strip();
            switch (h) {
                case "count" -> count = number(v);
                case "sum" -> sum = number(v);
                case "negatives" -> negatives = number(v);
                default -> {
                    if (h.matches("top\\d+")) {
                        top.put(Integer.parseInt(h.substring(3)), number(v));
                    } else if (keyColumns.contains(h)) {
                        keys.put(h, v);
                    }
                }
            }
        }
        List<BigDecimal> tops = new ArrayList<>();
        for (int n = 1; top.containsKey(n); n++) {
            tops.add(top.get(n));
        }
        return new Cell(record.getStartingLineNumber(), keys, count, sum, tops, negatives);
    }

    private static BigDecimal number(String text) {
        String t = text.replace("\u00a0", "").replace("\u202f", "").replace(" ", "").replace(',', '.');
        if (t.isEmpty()) {
            return null;
        }
        try {
            return new BigDecimal(t);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
