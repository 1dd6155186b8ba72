package eu.enclave.egress.checks.table;

import java.util.ArrayList;
import java.util.List;

/**
 * The cells of a table kept for the rules that need the whole of it (margins, earlier releases), up to a number of
 * cells; a larger table is no summary table and is judged by the streaming rules only.
 */
public final class TableBuffer {

    private final int maxCells;
    private final List<KeptRow> rows = new ArrayList<>();
    private long cells;
    private boolean overflowed;

    TableBuffer(int maxCells) {
        this.maxCells = maxCells;
    }

    void add(Row row) {
        if (overflowed) {
            return;
        }
        cells += row.width;
        if (cells > maxCells) {
            overflowed = true;
            rows.clear();
            return;
        }
        String[] texts = new String[row.width];
        CellKind[] kinds = new CellKind[row.width];
        long[] ints = new long[row.width];
        System.arraycopy(row.texts, 0, texts, 0, row.width);
        System.arraycopy(row.kinds, 0, kinds, 0, row.width);
        System.arraycopy(row.ints, 0, ints, 0, row.width);
        rows.add(new KeptRow(row.number, row.line, texts, kinds, ints));
    }

    public boolean overflowed() {
        return overflowed;
    }

    public List<KeptRow> rows() {
        return rows;
    }

    /** One body row as kept: cells past the row's own width are empty. */
    public record KeptRow(long number, Long line, String[] texts, CellKind[] kinds, long[] ints) {

        public CellKind kind(int column) {
            return column < kinds.length ? kinds[column] : CellKind.EMPTY;
        }

        public String text(int column) {
            return column < texts.length ? texts[column] : "";
        }

        public long integer(int column) {
            return ints[column];
        }
    }
}
