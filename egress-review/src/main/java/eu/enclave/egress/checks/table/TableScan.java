package eu.enclave.egress.checks.table;

import eu.enclave.egress.checks.Location;
import eu.enclave.egress.checks.engine.FileRun;
import eu.enclave.platform.disclosure.DisclosurePolicy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One table being read, row by row, whatever the format (a CSV file, a sheet, a table found in a PDF page, a
 * Markdown table): reads each cell once, keeps column statistics and (for small tables) the cells, hands every row
 * to every table rule and every cell's text to the text rules. The first non-blank row is the header when all its
 * cells are text; otherwise columns are named by their spreadsheet letters.
 */
public final class TableScan {

    private final FileRun run;
    private final String name;
    private final String sheet;
    private final Integer page;
    private final CellParser parser;
    private final Row row = new Row();
    private final TableBuffer buffer;
    private final List<TableInspector> inspectors = new ArrayList<>();
    private final boolean scanAllText;
    private List<String> headers;
    private ColumnRole[] roles = new ColumnRole[0];
    private ColumnStats[] stats = new ColumnStats[0];
    private boolean started;
    private long bodyRows;
    private int width;
    private boolean[] counts;
    private boolean countsCertain;
    private Margins margins;
    private TableShape shape;

    /**
     * @param name  how findings and reviewers name the table (a sheet's name, "page 3"), or null for a whole file
     * @param sheet the sheet, for locations (null outside spreadsheets)
     * @param page  the PDF page, for locations (null elsewhere)
     */
    public TableScan(FileRun run, String name, String sheet, Integer page, boolean decimalComma) {
        this.run = run;
        this.name = name;
        this.sheet = sheet;
        this.page = page;
        this.parser = new CellParser(decimalComma);
        this.buffer = new TableBuffer(run.limits().maxTableCellsInMemory());
        this.scanAllText = !run.submission().patterns().isEmpty();
    }

    /** One row of the file as read ({@code formulas} may be null); blank rows before the header are skipped. */
    public void accept(String[] cells, int count, Long line, boolean hidden, boolean[] formulas) {
        if ((bodyRows & 1023) == 0) {
            run.deadline().check();
        }
        if (!started) {
            if (blank(cells, count)) {
                return;
            }
            start(cells, count, line, hidden, formulas);
            return;
        }
        body(cells, count, line, hidden, formulas);
    }

    private void start(String[] cells, int count, Long line, boolean hidden, boolean[] formulas) {
        started = true;
        width = count;
        row.reset(count);
        boolean allText = true;
        for (int i = 0; i < count; i++) {
            parser.parse(cells[i] == null ? "" : cells[i], row, i);
            allText &= row.kinds[i] == CellKind.TEXT || row.kinds[i] == CellKind.EMPTY;
        }
        if (allText) {
            headers = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                headers.add(cells[i] == null ? "" : cells[i].strip());
            }
        } else {
            headers = new ArrayList<>();
        }
        growColumns(count);
        for (TableCheck check : run.tableChecks()) {
            inspectors.add(check.open(this));
        }
        if (allText) {
            for (int i = 0; i < count; i++) {
                run.text(headers.get(i), header(i, line));
            }
        } else {
            body(cells, count, line, hidden, formulas);
        }
    }

    private void body(String[] cells, int count, Long line, boolean hidden, boolean[] formulas) {
        if (count > width) {
            growColumns(count);
            width = count;
        }
        row.reset(width);
        row.number = ++bodyRows;
        row.line = line;
        row.hidden = hidden;
        row.fields = count;
        for (int i = 0; i < count; i++) {
            String text = cells[i] == null ? "" : cells[i];
            parser.parse(text, row, i);
            if (formulas != null && i < formulas.length) {
                row.formulas[i] = formulas[i];
            }
            stats[i].add(row, i);
            if (row.kinds[i] != CellKind.EMPTY && (scanAllText || text.length() >= 5)) {
                run.text(text, rawCell(row.number, i, line));
            }
        }
        buffer.add(row);
        for (TableInspector inspector : inspectors) {
            inspector.onRow(row);
        }
    }

    /** Called once after the last row. */
    public void end() {
        if (!started) {
            return;
        }
        counts = new boolean[width];
        boolean headerCounts = false;
        for (int i = 0; i < width; i++) {
            headerCounts |= roles[i].counts();
        }
        for (int i = 0; i < width; i++) {
            counts[i] = roles[i].counts() || (roles[i] == ColumnRole.UNKNOWN && stats[i].nonNegativeIntegers());
        }
        margins = buffer.overflowed() ? null : Margins.of(this);
        countsCertain = headerCounts || (margins != null && margins.consistent());
        shape = buffer.overflowed() ? null : TableShape.of(this);
        for (TableInspector inspector : inspectors) {
            inspector.onEnd();
        }
        if (shape != null) {
            run.tables().add(shape);
        }
    }

    private void growColumns(int count) {
        int old = roles.length;
        if (count <= old) {
            return;
        }
        roles = Arrays.copyOf(roles, count);
        stats = Arrays.copyOf(stats, count);
        for (int i = old; i < count; i++) {
            roles[i] = i < headers.size() ? HeaderWords.roleOf(headers.get(i)) : ColumnRole.UNKNOWN;
            stats[i] = new ColumnStats();
        }
    }

    private static boolean blank(String[] cells, int count) {
        for (int i = 0; i < count; i++) {
            if (cells[i] != null && !cells[i].isBlank()) {
                return false;
            }
        }
        return true;
    }

    public FileRun run() {
        return run;
    }

    public DisclosurePolicy policy() {
        return run.policy();
    }

    /** The table's name for reviewers: its sheet or page, else the file's name. */
    public String name() {
        return name != null ? name : run.displayName();
    }

    /** How the table is told apart from others of the same file ({@code ""} for a whole CSV). */
    public String ref() {
        return name == null ? "" : name;
    }

    public boolean hasHeader() {
        return !headers.isEmpty();
    }

    public int width() {
        return width;
    }

    public long bodyRows() {
        return bodyRows;
    }

    /** The header of a column, or its spreadsheet letter when it has none. */
    public String columnName(int column) {
        String header = column < headers.size() ? headers.get(column) : "";
        return header.isEmpty() ? letters(column) : header;
    }

    public ColumnRole role(int column) {
        return roles[column];
    }

    public ColumnStats stats(int column) {
        return stats[column];
    }

    /** After the end: whether the column holds counts, by its header or (probably) by its content. */
    public boolean counts(int column) {
        return counts[column];
    }

    /**
     * After the end: whether the count columns are known to be counts (a header says so, or the cells add up to
     * their margins); otherwise they are only probably counts and findings on them are {@code review}.
     */
    public boolean countsCertain() {
        return countsCertain;
    }

    /** After the end: the margins found, or null when the table was too large to keep. */
    public Margins margins() {
        return margins;
    }

    /** After the end: what the earlier-releases index keeps of the table, or null (no counts, too large). */
    public TableShape shape() {
        return shape;
    }

    public TableBuffer buffer() {
        return buffer;
    }

    /** Where a cell is, inside the current archive member if any: for findings. */
    public Location cell(long bodyRow, int column, Long line) {
        return run.at(rawCell(bodyRow, column, line));
    }

    /** Where a whole column is. */
    public Location column(int column) {
        return run.at(new Location(null, sheet, null, columnName(column), null, page));
    }

    /** Where the whole table is. */
    public Location location() {
        return run.at(new Location(null, sheet, null, null, null, page));
    }

    private Location rawCell(long bodyRow, int column, Long line) {
        return new Location(null, sheet, bodyRow, columnName(column), line, page);
    }

    private Location header(int column, Long line) {
        return new Location(null, sheet, null, columnName(column), line, page);
    }

    public static String letters(int column) {
        StringBuilder out = new StringBuilder();
        int n = column + 1;
        while (n > 0) {
            int r = (n - 1) % 26;
            out.insert(0, (char) ('A' + r));
            n = (n - 1) / 26;
        }
        return out.toString();
    }
}
