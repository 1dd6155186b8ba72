package eu.enclave.egress.checks.table;

/** One rule's view of one table while it is read. */
public interface TableInspector {

    /** Called for every body row; {@code row} is reused after the call returns. */
    default void onRow(Row row) {
    }

    /** Called once after the last row, when column statistics and the kept cells are known. */
    default void onEnd() {
    }
}
