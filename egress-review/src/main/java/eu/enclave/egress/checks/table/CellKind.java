package eu.enclave.egress.checks.table;

/** What a table cell holds once read: the rules work on these, never on raw text twice. */
public enum CellKind {
    EMPTY, INTEGER, DECIMAL, SUPPRESSED, TEXT;

    public boolean numeric() {
        return this == INTEGER || this == DECIMAL;
    }
}
