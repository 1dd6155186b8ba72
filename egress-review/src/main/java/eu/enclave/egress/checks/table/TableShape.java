package eu.enclave.egress.checks.table;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * What the earlier-releases index keeps of a frequency table: its dimensions (the headers of its category
 * columns), its count columns, and its counts keyed by the row's categories, margins included. Nothing else of the
 * table is kept; a table without counts, or too large, has no shape.
 *
 * @param ref        the table within its file ({@code ""} for a CSV, a sheet's name, "page 3")
 * @param name       how reviewers know the table
 * @param dimensions the dimension headers, normalised and sorted
 * @param cells      count by {@code rowKey + '\u001f' + countColumn}, where the row key joins the row's
 *                   normalised categories with {@code '\u001f'}
 */
public record TableShape(String ref, String name, List<String> dimensions, List<String> countColumns,
                         Map<String, Long> cells) {

    public static final int MAX_CELLS = 10_000;
    public static final char SEPARATOR = '\u001f';

    public TableShape {
        dimensions = List.copyOf(dimensions);
        countColumns = List.copyOf(countColumns);
        cells = Map.copyOf(cells);
    }

    public String dimensionsKey() {
        return String.join("|", dimensions);
    }

    static TableShape of(TableScan table) {
        if (!table.hasHeader()) {
            return null;
        }
        List<Integer> dims = dimensionColumns(table);
        List<Integer> counts = new ArrayList<>();
        for (int c = 0; c < table.width(); c++) {
            if (table.counts(c)) {
                counts.add(c);
            }
        }
        if (counts.isEmpty() || dims.isEmpty()) {
            return null;
        }
        TreeSet<String> dimNames = new TreeSet<>();
        dims.forEach(c -> dimNames.add(HeaderWords.normalise(table.columnName(c))));
        List<String> countNames = counts.stream().map(c -> HeaderWords.normalise(table.columnName(c))).toList();
        Map<String, Long> cells = new LinkedHashMap<>();
        for (TableBuffer.KeptRow row : table.buffer().rows()) {
            String key = rowKey(row, dims);
            for (int i = 0; i < counts.size(); i++) {
                int c = counts.get(i);
                if (row.kind(c) == CellKind.INTEGER) {
                    cells.put(cellKey(key, countNames.get(i)), row.integer(c));
                }
            }
            if (cells.size() > MAX_CELLS) {
                return null;
            }
        }
        return new TableShape(table.ref(), table.name(), List.copyOf(dimNames), countNames, cells);
    }

    /** The category columns of a table, in the order of their normalised names (so row keys do not depend on the
     * columns' order). */
    public static List<Integer> dimensionColumns(TableScan table) {
        List<Integer> dims = new ArrayList<>();
        for (int c = 0; c < table.width(); c++) {
            if (!table.counts(c) && table.role(c) != ColumnRole.MAGNITUDE && table.role(c) != ColumnRole.PERCENT
                    && !table.stats(c).numeric()) {
                dims.add(c);
            }
        }
        dims.sort(java.util.Comparator.comparing(c -> HeaderWords.normalise(table.columnName(c))));
        return dims;
    }

    public static String rowKey(TableBuffer.KeptRow row, List<Integer> dims) {
        StringBuilder key = new StringBuilder();
        for (int c : dims) {
            if (key.length() > 0) {
                key.append(SEPARATOR);
            }
            key.append(HeaderWords.normalise(row.text(c)));
        }
        return key.toString();
    }

    public static String cellKey(String rowKey, String countColumn) {
        return rowKey + SEPARATOR + countColumn;
    }
}
