package eu.enclave.egress.checks.formats;

import eu.enclave.egress.checks.Location;
import eu.enclave.egress.checks.engine.Fact;
import eu.enclave.egress.checks.engine.FileRun;
import eu.enclave.egress.checks.engine.LimitExceeded;
import eu.enclave.egress.checks.table.TableScan;
import java.util.Arrays;
import java.util.List;
import org.xml.sax.Attributes;
import org.xml.sax.helpers.DefaultHandler;

/**
 * One XLSX worksheet, streamed: each {@code <row>} becomes a table row (cells placed by their reference, gaps
 * left empty), with its hidden flag and which cells are formulas; hidden columns are noted from {@code <cols>}.
 */
final class SheetHandler extends DefaultHandler {

    private static final int MAX_COLUMNS = 16_384;

    private final TableScan scan;
    private final List<String> strings;
    private final FileRun run;
    private final String sheet;
    private final long[] cells;
    private String[] values = new String[16];
    private boolean[] formulas = new boolean[16];
    private int width;
    private boolean rowHidden;
    private long rowNumber;
    private int column;
    private String type;
    private StringBuilder value;
    private boolean formula;
    private boolean inlineText;
    private final StringBuilder hiddenRows = new StringBuilder();
    private long hiddenRowCount;
    private final StringBuilder hiddenColumns = new StringBuilder();

    SheetHandler(TableScan scan, List<String> strings, FileRun run, String sheet, long[] cells) {
        this.scan = scan;
        this.strings = strings;
        this.run = run;
        this.sheet = sheet;
        this.cells = cells;
    }

    @Override
    public void startElement(String uri, String local, String qName, Attributes atts) {
        switch (local) {
            case "row" -> {
                width = 0;
                Arrays.fill(values, null);
                Arrays.fill(formulas, false);
                String r = atts.getValue("r");
                rowNumber = r == null ? rowNumber + 1 : Long.parseLong(r);
                rowHidden = "1".equals(atts.getValue("hidden")) || "true".equals(atts.getValue("hidden"));
                if (rowHidden && ++hiddenRowCount <= 20) {
                    hiddenRows.append(hiddenRows.length() == 0 ? "" : ", ").append(rowNumber);
                }
            }
            case "c" -> {
                String ref = atts.getValue("r");
                column = ref == null ? width : columnOf(ref);
                type = atts.getValue("t");
                formula = false;
                value = null;
                if (++cells[0] > run.limits().maxSpreadsheetCells()) {
                    throw new LimitExceeded("cells", "the workbook has more than "
                            + run.limits().maxSpreadsheetCells() + " cells", "le classeur a plus de "
                            + run.limits().maxSpreadsheetCells() + " cellules");
                }
            }
            case "v" -> value = new StringBuilder();
            case "t" -> {
                if ("inlineStr".equals(type)) {
                    inlineText = true;
                    value = value == null ? new StringBuilder() : value;
                }
            }
            case "f" -> formula = true;
            case "col" -> {
                if ("1".equals(atts.getValue("hidden")) || "true".equals(atts.getValue("hidden"))) {
                    int min = Integer.parseInt(atts.getValue("min"));
                    int max = Integer.parseInt(atts.getValue("max"));
                    hiddenColumns.append(hiddenColumns.length() == 0 ? "" : ", ").append(TableScan.letters(min - 1))
                            .append(max > min ? "–" + TableScan.letters(Math.min(max, MAX_COLUMNS) - 1) : "");
                }
            }
            default -> {
            }
        }
    }

    @Override
    public void characters(char[] ch, int start, int length) {
        if (value != null && (inlineText || !"inlineStr".equals(type))) {
            if (value.length() + length > run.limits().maxLineChars()) {
                return;
            }
            value.append(ch, start, length);
        }
    }

    @Override
    public void endElement(String uri, String local, String qName) {
        switch (local) {
            case "t" -> inlineText = false;
            case "c" -> {
                if (column >= MAX_COLUMNS) {
                    return;
                }
                grow(column + 1);
                values[column] = text();
                formulas[column] = formula;
                width = Math.max(width, column + 1);
            }
            case "row" -> scan.accept(values, width, null, rowHidden, formulas);
            default -> {
            }
        }
    }

    private String text() {
        if (value == null) {
            return "";
        }
        String v = value.toString();
        if ("s".equals(type)) {
            try {
                int index = Integer.parseInt(v.strip());
                return index >= 0 && index < strings.size() ? strings.get(index) : "";
            } catch (NumberFormatException e) {
                return "";
            }
        }
        if ("b".equals(type)) {
            return "1".equals(v) ? "TRUE" : "FALSE";
        }
        return v;
    }

    void reportHidden() {
        Location where = new Location(null, sheet, null, null, null, null);
        if (hiddenRowCount > 0) {
            run.fact(Fact.Kind.HIDDEN_ROWS, where, "sheet " + sheet + ", rows " + hiddenRows
                    + (hiddenRowCount > 20 ? "… (" + hiddenRowCount + ")" : ""), "feuille " + sheet + ", lignes "
                    + hiddenRows + (hiddenRowCount > 20 ? "… (" + hiddenRowCount + ")" : ""));
        }
        if (hiddenColumns.length() > 0) {
            run.fact(Fact.Kind.HIDDEN_COLUMNS, where, "sheet " + sheet + ", columns " + hiddenColumns,
                    "feuille " + sheet + ", colonnes " + hiddenColumns);
        }
    }

    private void grow(int size) {
        if (values.length < size) {
            int n = Math.max(size, values.length * 2);
            values = Arrays.copyOf(values, n);
            formulas = Arrays.copyOf(formulas, n);
        }
    }

    static int columnOf(String ref) {
        int col = 0;
        for (int i = 0; i < ref.length(); i++) {
            char c = ref.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                col = col * 26 + (c - 'A' + 1);
            } else {
                break;
            }
        }
        return Math.max(col - 1, 0);
    }
}
