package eu.enclave.egress.checks.table;

import java.util.ArrayList;
import java.util.List;

/**
 * The additive structure of a kept frequency table: rows and columns that are totals of the others (a row
 * labelled {@code Total}, {@code Ensemble}, {@code All}; a column headed so). Each gives an equation "the cells add
 * up to the margin", which tells whether the counts are counts (the equations hold) and which suppressed cells can
 * be recomputed (an equation with a single unknown).
 */
public final class Margins {

    private final List<Equation> equations;
    private final boolean consistent;

    private Margins(List<Equation> equations, boolean consistent) {
        this.equations = equations;
        this.consistent = consistent;
    }

    /** A cell by kept-row index and column. */
    public record Cell(int row, int column) {
    }

    /** {@code cells} add up to {@code total}. */
    public record Equation(Cell total, List<Cell> cells, boolean rowMargin) {
    }

    public List<Equation> equations() {
        return equations;
    }

    /** At least one margin is fully known and every fully known one adds up exactly. */
    public boolean consistent() {
        return consistent;
    }

    static Margins of(TableScan table) {
        List<TableBuffer.KeptRow> rows = table.buffer().rows();
        int width = table.width();
        List<Integer> countColumns = new ArrayList<>();
        int totalColumn = -1;
        for (int c = 0; c < width; c++) {
            if (table.role(c) == ColumnRole.TOTAL) {
                totalColumn = c;
            } else if (table.counts(c)) {
                countColumns.add(c);
            }
        }
        List<Integer> totalRows = new ArrayList<>();
        List<Integer> bodyRows = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            (labelledTotal(table, rows.get(r), width) ? totalRows : bodyRows).add(r);
        }
        List<Equation> equations = new ArrayList<>();
        if (totalColumn >= 0 && !countColumns.isEmpty()) {
            for (int r = 0; r < rows.size(); r++) {
                List<Cell> cells = new ArrayList<>();
                for (int c : countColumns) {
                    cells.add(new Cell(r, c));
                }
                equations.add(new Equation(new Cell(r, totalColumn), cells, true));
            }
        }
        if (totalRows.size() == 1 && !bodyRows.isEmpty()) {
            int t = totalRows.get(0);
            List<Integer> columns = new ArrayList<>(countColumns);
            if (totalColumn >= 0) {
                columns.add(totalColumn);
            }
            for (int c : columns) {
                List<Cell> cells = new ArrayList<>();
                for (int r : bodyRows) {
                    cells.add(new Cell(r, c));
                }
                equations.add(new Equation(new Cell(t, c), cells, false));
            }
        }
        boolean anyKnown = false;
        boolean allHold = true;
        for (Equation e : equations) {
            if (known(rows, e.total()) && e.cells().stream().allMatch(cell -> known(rows, cell))) {
                anyKnown = true;
                long sum = e.cells().stream().mapToLong(cell -> rows.get(cell.row()).integer(cell.column())).sum();
                allHold &= sum == rows.get(e.total().row()).integer(e.total().column());
            }
        }
        return new Margins(List.copyOf(equations), anyKnown && allHold);
    }

    static boolean known(List<TableBuffer.KeptRow> rows, Cell cell) {
        return rows.get(cell.row()).kind(cell.column()) == CellKind.INTEGER;
    }

    private static boolean labelledTotal(TableScan table, TableBuffer.KeptRow row, int width) {
        for (int c = 0; c < width; c++) {
            if (!table.counts(c) && table.role(c) != ColumnRole.TOTAL && row.kind(c) == CellKind.TEXT
                    && HeaderWords.isTotalLabel(row.text(c))) {
                return true;
            }
        }
        return false;
    }
}
