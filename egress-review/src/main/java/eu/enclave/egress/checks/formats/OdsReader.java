package eu.enclave.egress.checks.formats;

import eu.enclave.egress.checks.Location;
import eu.enclave.egress.checks.engine.Fact;
import eu.enclave.egress.checks.engine.FileRun;
import eu.enclave.egress.checks.engine.LimitExceeded;
import eu.enclave.egress.checks.table.TableScan;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.xml.sax.Attributes;
import org.xml.sax.helpers.DefaultHandler;

/**
 * OpenDocument spreadsheets in bounded memory: SAX over {@code content.xml}. Every table is read, hidden ones
 * included (a table style with {@code table:display="false"}); repeated rows and cells are expanded within the
 * cell limit (empty repeats, as spreadsheets write to the sheet's end, cost nothing); annotations are comments,
 * checked as text; macros, embedded objects and pictures are reported.
 */
public final class OdsReader implements FormatReader {

    private static final int MAX_REPEAT = 100_000;

    @Override
    public void read(FileInput input, FileRun run) throws IOException {
        try (ZipPackage zip = new ZipPackage(input.file(run), run)) {
            boolean pictures = false;
            for (String name : zip.names()) {
                if (name.startsWith("Basic/") || name.startsWith("Scripts/")) {
                    run.fact(Fact.Kind.MACRO, Location.FILE, name);
                } else if (name.startsWith("Object ") && name.endsWith("/content.xml")) {
                    run.fact(Fact.Kind.EMBEDDED_OBJECT, Location.FILE, name);
                } else if (name.startsWith("Pictures/") && !pictures) {
                    pictures = true;
                    run.fact(Fact.Kind.SPREADSHEET_IMAGE, Location.FILE, name);
                }
            }
            XlsxReader.parse(zip, "content.xml", new Content(run), true);
        }
    }

    private static final class Content extends DefaultHandler {
        private final FileRun run;
        private final Set<String> hiddenStyles = new HashSet<>();
        private String styleName;
        private TableScan scan;
        private String sheet;
        private String[] values = new String[16];
        private boolean[] formulas = new boolean[16];
        private int width;
        private int column;
        private int rowRepeat;
        private boolean rowHidden;
        private int cellRepeat;
        private String cellValue;
        private boolean cellFormula;
        private StringBuilder cellText;
        private StringBuilder annotation;
        private long cells;
        private long hiddenRows;
        private int comments;

        Content(FileRun run) {
            this.run = run;
        }

        @Override
        public void startElement(String uri, String local, String qName, Attributes atts) {
            switch (local) {
                case "style" -> styleName = "table".equals(attr(atts, "family")) ? attr(atts, "name") : null;
                case "table-properties" -> {
                    if (styleName != null && "false".equals(attr(atts, "display"))) {
                        hiddenStyles.add(styleName);
                    }
                }
                case "table" -> {
                    sheet = attr(atts, "name");
                    if (hiddenStyles.contains(attr(atts, "style-name"))) {
                        run.fact(Fact.Kind.HIDDEN_SHEET, new Location(null, sheet, null, null, null, null), sheet);
                    }
                    scan = new TableScan(run, sheet, sheet, null, false);
                    hiddenRows = 0;
                }
                case "table-column" -> {
                    String visibility = attr(atts, "visibility");
                    if (visibility != null && !"visible".equals(visibility)) {
                        run.fact(Fact.Kind.HIDDEN_COLUMNS, new Location(null, sheet, null, null, null, null),
                                "sheet " + sheet, "feuille " + sheet);
                    }
                }
                case "table-row" -> {
                    width = 0;
                    column = 0;
                    Arrays.fill(values, null);
                    Arrays.fill(formulas, false);
                    rowRepeat = repeat(attr(atts, "number-rows-repeated"));
                    String visibility = attr(atts, "visibility");
                    rowHidden = visibility != null && !"visible".equals(visibility);
                }
                case "table-cell", "covered-table-cell" -> {
                    cellRepeat = repeat(attr(atts, "number-columns-repeated"));
                    cellValue = firstNonNull(attr(atts, "value"), attr(atts, "date-value"),
                            attr(atts, "boolean-value"), attr(atts, "time-value"));
                    cellFormula = attr(atts, "formula") != null;
                    cellText = null;
                }
                case "annotation" -> annotation = new StringBuilder();
                case "p" -> {
                    if (annotation == null) {
                        cellText = cellText == null ? new StringBuilder() : cellText.append('\n');
                    } else if (annotation.length() > 0) {
                        annotation.append('\n');
                    }
                }
                default -> {
                }
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            StringBuilder target = annotation != null ? annotation : cellText;
            if (target != null && target.length() + length <= run.limits().maxLineChars()) {
                target.append(ch, start, length);
            }
        }

        @Override
        public void endElement(String uri, String local, String qName) {
            switch (local) {
                case "style" -> styleName = null;
                case "annotation" -> {
                    run.text(annotation, new Location(null, sheet, null, null, null, null));
                    if (comments++ == 0) {
                        run.fact(Fact.Kind.COMMENT, Location.FILE, "annotations");
                    }
                    annotation = null;
                }
                case "table-cell", "covered-table-cell" -> cell();
                case "table-row" -> row();
                case "table" -> {
                    if (hiddenRows > 0) {
                        run.fact(Fact.Kind.HIDDEN_ROWS, new Location(null, sheet, null, null, null, null),
                                "sheet " + sheet + ", " + hiddenRows + " rows", "feuille " + sheet + ", "
                                        + hiddenRows + " lignes");
                    }
                    scan.end();
                    scan = null;
                }
                default -> {
                }
            }
        }

        private void cell() {
            String text = cellValue != null ? cellValue : cellText == null ? "" : cellText.toString();
            if (text.isEmpty() && !cellFormula) {
                column += cellRepeat;
                return;
            }
            int repeat = Math.min(cellRepeat, 1024);
            for (int i = 0; i < repeat; i++) {
                count();
                grow(column + 1);
                values[column] = text;
                formulas[column] = cellFormula;
                column++;
            }
            width = column;
        }

        private void row() {
            if (width == 0) {
                return; // empty rows, however many, hold nothing
            }
            for (int i = 0; i < rowRepeat; i++) {
                if (i > 0) {
                    cells += width;
                    count();
                }
                if (rowHidden) {
                    hiddenRows++;
                }
                scan.accept(values, width, null, rowHidden, formulas);
            }
        }

        private void count() {
            if (++cells > run.limits().maxSpreadsheetCells()) {
                throw new LimitExceeded("cells", "the workbook has more than " + run.limits().maxSpreadsheetCells()
                        + " cells", "le classeur a plus de " + run.limits().maxSpreadsheetCells() + " cellules");
            }
        }

        private void grow(int size) {
            if (values.length < size) {
                int n = Math.max(size, values.length * 2);
                values = Arrays.copyOf(values, n);
                formulas = Arrays.copyOf(formulas, n);
            }
        }

        private static int repeat(String value) {
            if (value == null) {
                return 1;
            }
            try {
                return Math.max(1, Math.min(Integer.parseInt(value), MAX_REPEAT));
            } catch (NumberFormatException e) {
                return 1;
            }
        }

        private static String attr(Attributes atts, String local) {
            for (int i = 0; i < atts.getLength(); i++) {
                if (atts.getLocalName(i).equals(local)) {
                    return atts.getValue(i);
                }
            }
            return null;
        }

        private static String firstNonNull(String... values) {
            for (String v : values) {
                if (v != null) {
                    return v;
                }
            }
            return null;
        }
    }
}
