package eu.enclave.egress.checks.table;

import eu.enclave.egress.checks.engine.Check;

/** A rule on tables: it sees every body row once, then the end of the table with what the scan kept. */
public interface TableCheck extends Check {

    /** A fresh inspector for one table (rules keep their per-table state in it). */
    TableInspector open(TableScan table);
}
