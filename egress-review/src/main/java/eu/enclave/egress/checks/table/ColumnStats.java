package eu.enclave.egress.checks.table;

/** What one pass tells about a column's content: enough to infer counts when the header does not say. */
public final class ColumnStats {

    long nonEmpty;
    long integers;
    long negatives;
    long decimals;
    long suppressed;
    long texts;
    long maxInteger = Long.MIN_VALUE;

    void add(Row row, int column) {
        switch (row.kinds[column]) {
            case EMPTY -> {
                return;
            }
            case INTEGER -> {
                integers++;
                long v = row.ints[column];
                if (v < 0) {
                    negatives++;
                }
                maxInteger = Math.max(maxInteger, v);
            }
            case DECIMAL -> {
                decimals++;
                if (row.decimals[column] < 0) {
                    negatives++;
                }
            }
            case SUPPRESSED -> suppressed++;
            case TEXT -> texts++;
        }
        nonEmpty++;
    }

    public long nonEmpty() {
        return nonEmpty;
    }

    public long texts() {
        return texts;
    }

    public long suppressed() {
        return suppressed;
    }

    public long negatives() {
        return negatives;
    }

    public long decimals() {
        return decimals;
    }

    /** Every value a whole number of zero or more (suppression marks allowed), and at least one number. */
    public boolean nonNegativeIntegers() {
        return integers > 0 && negatives == 0 && integers + suppressed == nonEmpty;
    }

    public boolean numeric() {
        return integers + decimals > 0 && texts == 0;
    }
}
