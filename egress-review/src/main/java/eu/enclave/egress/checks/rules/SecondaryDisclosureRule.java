package eu.enclave.egress.checks.rules;

import eu.enclave.egress.checks.CheckStatus;
import eu.enclave.egress.checks.table.CellKind;
import eu.enclave.egress.checks.table.Margins;
import eu.enclave.egress.checks.table.TableBuffer;
import eu.enclave.egress.checks.table.TableCheck;
import eu.enclave.egress.checks.table.TableInspector;
import eu.enclave.egress.checks.table.TableScan;
import eu.enclave.platform.disclosure.FileType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Secondary disclosure (secret secondaire): a suppressed cell ({@code *}, {@code <11}, {@code NS}, blank...) that a
 * margin gives back: a row or column total minus the other cells. Solved repeatedly, so that a cell recovered from
 * one margin helps recover another; each recovered cell fails, naming the margin and the cells used.
 */
public final class SecondaryDisclosureRule implements TableCheck {

    public static final String ID = "table.secondary-disclosure";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean appliesTo(FileType type) {
        return Types.in(Types.TABLES, type);
    }

    @Override
    public TableInspector open(TableScan table) {
        return new TableInspector() {
            @Override
            public void onEnd() {
                Margins margins = table.margins();
                if (margins != null) {
                    solve(table, margins);
                }
            }
        };
    }

    private static void solve(TableScan table, Margins margins) {
        List<TableBuffer.KeptRow> rows = table.buffer().rows();
        Map<Margins.Cell, Long> recovered = new HashMap<>();
        boolean progress = true;
        while (progress) {
            progress = false;
            for (Margins.Equation e : margins.equations()) {
                Long total = value(rows, recovered, e.total());
                if (total == null) {
                    continue;
                }
                List<Margins.Cell> unknown = new ArrayList<>();
                long sum = 0;
                for (Margins.Cell cell : e.cells()) {
                    Long v = value(rows, recovered, cell);
                    if (v == null) {
                        unknown.add(cell);
                    } else {
                        sum += v;
                    }
                }
                if (unknown.size() != 1 || !suppressed(rows, unknown.get(0))) {
                    continue;
                }
                Margins.Cell cell = unknown.get(0);
                long value = total - sum;
                recovered.put(cell, value);
                progress = true;
                report(table, rows, e, cell, value, total);
            }
        }
    }

    private static void report(TableScan table, List<TableBuffer.KeptRow> rows, Margins.Equation e,
                               Margins.Cell cell, long value, long total) {
        TableBuffer.KeptRow row = rows.get(cell.row());
        String others = e.cells().stream().filter(c -> !c.equals(cell))
                .map(c -> name(table, rows, c)).collect(Collectors.joining(", "));
        String margin = name(table, rows, e.total());
        table.run().findings().add(ID, CheckStatus.FAIL, table.cell(row.number(), cell.column(), row.line()),
                Long.toString(value),
                "The suppressed cell is recomputed from the margin " + margin + " (" + total + ") minus " + others
                        + ": it is " + value + ".",
                "La cellule masquée se recalcule à partir de la marge " + margin + " (" + total + ") moins " + others
                        + " : elle vaut " + value + ".");
    }

    private static String name(TableScan table, List<TableBuffer.KeptRow> rows, Margins.Cell cell) {
        return table.columnName(cell.column()) + " row " + rows.get(cell.row()).number();
    }

    private static boolean suppressed(List<TableBuffer.KeptRow> rows, Margins.Cell cell) {
        CellKind kind = rows.get(cell.row()).kind(cell.column());
        return kind == CellKind.SUPPRESSED || kind == CellKind.EMPTY;
    }

    private static Long value(List<TableBuffer.KeptRow> rows, Map<Margins.Cell, Long> recovered, Margins.Cell cell) {
        TableBuffer.KeptRow row = rows.get(cell.row());
        if (row.kind(cell.column()) == CellKind.INTEGER) {
            return row.integer(cell.column());
        }
        return recovered.get(cell);
    }
}
