package eu.enclave.egress.checks.table;

import java.util.ArrayList;
import java.util.List;

/**
 * Cells a rule noted while a table was read, bounded: the first {@code limit} are kept with their place, the others
 * only counted, so that a huge table full of small counts is still read in constant memory.
 */
public final class CellList {

    private final int limit;
    private final List<Noted> kept = new ArrayList<>();
    private long unlisted;

    public CellList(int limit) {
        this.limit = limit;
    }

    public void add(Row row, int column, String value) {
        if (kept.size() < limit) {
            kept.add(new Noted(row.number(), row.line(), column, value, row.hidden()));
        } else {
            unlisted++;
        }
    }

    public List<Noted> kept() {
        return kept;
    }

    public long unlisted() {
        return unlisted;
    }

    public boolean isEmpty() {
        return kept.isEmpty();
    }

    /** A noted cell: its body row, line, column index, value as shown, and whether its row was hidden. */
    public record Noted(long row, Long line, int column, String value, boolean hidden) {
    }
}
