package eu.enclave.egress.checks.formats;

import eu.enclave.egress.checks.Location;
import eu.enclave.egress.checks.engine.Fact;
import eu.enclave.egress.checks.engine.FileRun;
import eu.enclave.egress.checks.table.TableScan;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The heuristic that finds tables in a PDF page's text (docs/checks.md, "Tables in PDF text"). A line is cut at
 * white space into tokens; its numeric tail is the tokens at its end that are numbers or suppression marks, the
 * rest is its label. A table is at least two consecutive lines whose numeric tails have the same length n ≥ 1
 * (with a label, or n ≥ 2), under a header line with no number and at least n tokens: the header's last n
 * tokens name the value columns, the words before them the label column. Every line goes to the text rules; a page
 * where a line with two or more numbers belongs to no table is reported: "tables not parsed".
 */
final class PdfTextTables {

    private PdfTextTables() {
    }

    static void read(String pageText, int page, FileRun run) {
        String[] lines = pageText.split("\n");
        List<String[]> tokens = new ArrayList<>(lines.length);
        int[] tails = new int[lines.length];
        for (int i = 0; i < lines.length; i++) {
            run.text(lines[i], Location.page(page));
            String[] t = lines[i].strip().isEmpty() ? new String[0] : lines[i].strip().split("\\s+");
            tokens.add(t);
            tails[i] = tail(t);
        }
        boolean[] inTable = new boolean[lines.length];
        int tableCount = 0;
        int i = 0;
        while (i < lines.length) {
            int n = tails[i];
            int end = i;
            while (end < lines.length && n > 0 && tails[end] == n && usable(tokens.get(end), n)) {
                end++;
            }
            int header = i - 1;
            if (end - i >= 2 && header >= 0 && tails[header] == 0 && tokens.get(header).length >= n) {
                tableCount++;
                scan(run, page, tableCount, tokens, header, i, end, n);
                for (int k = header; k < end; k++) {
                    inTable[k] = true;
                }
                i = end;
            } else {
                i++;
            }
        }
        for (int k = 0; k < lines.length; k++) {
            if (!inTable[k] && numbers(tokens.get(k)) >= 2) {
                run.fact(Fact.Kind.PDF_TEXT_NOT_TABLE, Location.page(page), "line: "
                        + abbreviate(lines[k]), "ligne : " + abbreviate(lines[k]));
                return;
            }
        }
    }

    private static void scan(FileRun run, int page, int number, List<String[]> tokens, int header, int from, int to,
                             int n) {
        TableScan scan = new TableScan(run, "page " + page + ", table " + number, null, page, false);
        String[] head = tokens.get(header);
        String[] columns = new String[n + 1];
        columns[0] = String.join(" ", Arrays.copyOfRange(head, 0, head.length - n));
        System.arraycopy(head, head.length - n, columns, 1, n);
        scan.accept(columns, columns.length, null, false, null);
        for (int r = from; r < to; r++) {
            String[] t = tokens.get(r);
            String[] cells = new String[n + 1];
            cells[0] = String.join(" ", Arrays.copyOfRange(t, 0, t.length - n));
            System.arraycopy(t, t.length - n, cells, 1, n);
            scan.accept(cells, cells.length, null, false, null);
        }
        scan.end();
    }

    private static boolean usable(String[] tokens, int n) {
        return tokens.length > n || n >= 2;
    }

    static int tail(String[] tokens) {
        int n = 0;
        for (int i = tokens.length - 1; i >= 0 && numeric(tokens[i]); i--) {
            n++;
        }
        return n;
    }

    private static int numbers(String[] tokens) {
        int n = 0;
        for (String t : tokens) {
            if (numeric(t) && t.chars().anyMatch(Character::isDigit)) {
                n++;
            }
        }
        return n;
    }

    static boolean numeric(String token) {
        return token.matches("[-+]?\\d+([.,]\\d+)?%?") || token.matches("<\\d+|\\*|NS|ns|s|x|\\.\\.");
    }

    private static String abbreviate(String line) {
        String l = line.strip();
        return l.length() > 60 ? l.substring(0, 60) + "…" : l;
    }
}
