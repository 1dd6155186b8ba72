package eu.enclave.egress.checks.table;

import java.util.Arrays;

/**
 * One body row of a table as the rules see it: the cells' texts and what they were read as. The scan reuses one
 * instance per table (rules copy what they keep), so that reading a 2 GB table allocates no row objects.
 */
public final class Row {

    long number;
    Long line;
    boolean hidden;
    int width;
    int fields;
    String[] texts = new String[0];
    CellKind[] kinds = new CellKind[0];
    long[] ints = new long[0];
    double[] decimals = new double[0];
    boolean[] formulas = new boolean[0];

    void reset(int columns) {
        if (texts.length < columns) {
            int size = Math.max(columns, texts.length * 2);
            texts = new String[size];
            kinds = new CellKind[size];
            ints = new long[size];
            decimals = new double[size];
            formulas = new boolean[size];
        }
        width = columns;
        Arrays.fill(kinds, 0, columns, CellKind.EMPTY);
        Arrays.fill(texts, 0, columns, "");
        Arrays.fill(formulas, 0, columns, false);
    }

    /** 1-based number of the body row (the header is not counted). */
    public long number() {
        return number;
    }

    /** The line of the file where the row starts, for text formats; else null. */
    public Long line() {
        return line;
    }

    public boolean hidden() {
        return hidden;
    }

    /** Columns of the table (the header's width, or the widest row seen so far). */
    public int width() {
        return width;
    }

    /** Fields the row actually had, before it was fitted to the table's width. */
    public int fields() {
        return fields;
    }

    public String text(int column) {
        return texts[column];
    }

    public CellKind kind(int column) {
        return kinds[column];
    }

    /** The integer value; meaningful when {@link #kind} is INTEGER. */
    public long integer(int column) {
        return ints[column];
    }

    /** The numeric value; meaningful when {@link #kind} is numeric. */
    public double number(int column) {
        return decimals[column];
    }

    /** Whether the cell is a formula a spreadsheet would run. */
    public boolean formula(int column) {
        return formulas[column];
    }
}
