package eu.enclave.egress.checks.formats;

import java.nio.charset.Charset;

/**
 * How a delimited text file is written, guessed from its first lines: the delimiter that appears the same number
 * of times (outside quotes) on most lines, among {@code ;} (French spreadsheets), {@code ,}, tab and {@code |};
 * and whether numbers use a decimal comma ({@code 12,5} in {@code ;}- or tab-separated files).
 */
public record CsvDialect(char delimiter, Charset charset, int bom, boolean decimalComma) {

    private static final char[] CANDIDATES = {';', ',', '\t', '|'};
    static final int SAMPLE_LINES = 50;

    /** The dialect of {@code head}, or null when no delimiter is consistent over at least two lines. */
    public static CsvDialect sniff(byte[] head) {
        TextEncoding.Detected encoding = TextEncoding.of(head);
        String text = TextEncoding.decode(head, encoding);
        String[] lines = sample(text, head.length >= eu.enclave.egress.checks.OutputChecker.HEAD_BYTES);
        if (lines.length < 2 || prose(lines)) {
            return null;
        }
        char best = 0;
        int bestScore = 0;
        for (char candidate : CANDIDATES) {
            int score = consistency(lines, candidate);
            if (score > bestScore) {
                best = candidate;
                bestScore = score;
            }
        }
        if (best == 0) {
            return null;
        }
        return new CsvDialect(best, encoding.charset(), encoding.bom(), best != ',' && decimalComma(lines, best));
    }

    /** Most lines end like sentences: text with commas, not a table. */
    private static boolean prose(String[] lines) {
        int sentences = 0;
        for (String line : lines) {
            String l = line.strip();
            char last = l.charAt(l.length() - 1);
            if ((last == '.' || last == '!' || last == '?') && l.indexOf(' ') > 0) {
                sentences++;
            }
        }
        return sentences * 2 >= lines.length;
    }

    /** The first records, split at line breaks outside quotes (a quoted field may hold line breaks). */
    private static String[] sample(String text, boolean truncated) {
        java.util.List<String> lines = new java.util.ArrayList<>();
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < text.length() && lines.size() <= SAMPLE_LINES; i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if ((c == '\n' || c == '\r') && !quoted) {
                String line = text.substring(start, i);
                if (!line.isBlank()) {
                    lines.add(line);
                }
                start = i + 1;
            }
        }
        if (!truncated && start < text.length() && lines.size() <= SAMPLE_LINES && !text.substring(start).isBlank()) {
            lines.add(text.substring(start));
        }
        return lines.subList(0, Math.min(lines.size(), SAMPLE_LINES)).toArray(String[]::new);
    }

    /**
     * A score for the delimiter: how many records share the header's field count (at least two, and at least half
     * of them, so that a table with ragged rows is still read as one and reported), 0 when the header's fields are
     * too long to be column names (prose with commas).
     */
    private static int consistency(String[] lines, char delimiter) {
        int first = count(lines[0], delimiter);
        if (first == 0 || lines[0].length() / (first + 1) > 40) {
            return 0;
        }
        int same = 0;
        for (String line : lines) {
            if (count(line, delimiter) == first) {
                same++;
            }
        }
        return same * 2 >= lines.length && same >= 2 ? same * 100 + first : 0;
    }

    static int count(String line, char delimiter) {
        int n = 0;
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == delimiter && !quoted) {
                n++;
            }
        }
        return n;
    }

    private static boolean decimalComma(String[] lines, char delimiter) {
        int comma = 0;
        int point = 0;
        for (String line : lines) {
            for (String field : line.split(java.util.regex.Pattern.quote(String.valueOf(delimiter)))) {
                String f = field.strip().replace("\"", "");
                if (f.matches("-?[0-9][0-9 \u00a0\u202f]*,[0-9]+")) {
                    comma++;
                } else if (f.matches("-?[0-9]+\\.[0-9]+")) {
                    point++;
                }
            }
        }
        return comma > 0 && comma >= point;
    }
}
