package eu.enclave.egress.checks.rules;

import eu.enclave.egress.checks.CheckStatus;
import eu.enclave.egress.checks.table.Row;
import eu.enclave.egress.checks.table.TableCheck;
import eu.enclave.egress.checks.table.TableInspector;
import eu.enclave.egress.checks.table.TableScan;
import eu.enclave.platform.disclosure.FileType;
import java.util.EnumSet;

/**
 * Rows of a text table whose number of fields differs from the header's: the columns the other rules judge may
 * be shifted, so the table needs a person ({@code review}, the first rows named).
 */
public final class RaggedRowsRule implements TableCheck {

    public static final String ID = "table.ragged-rows";
    private static final int LISTED = 5;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean appliesTo(FileType type) {
        return type != null && EnumSet.of(FileType.CSV, FileType.TSV).contains(type);
    }

    @Override
    public TableInspector open(TableScan table) {
        if (!table.hasHeader() || !appliesTo(table.run().type())) {
            return new TableInspector() {
            };
        }
        int expected = table.width();
        return new TableInspector() {
            private long ragged;
            private final StringBuilder rows = new StringBuilder();

            @Override
            public void onRow(Row row) {
                if (row.fields() != expected) {
                    ragged++;
                    if (ragged <= LISTED) {
                        rows.append(rows.length() == 0 ? "" : ", ").append(row.line() != null ? row.line()
                                : row.number());
                    }
                }
            }

            @Override
            public void onEnd() {
                if (ragged > 0) {
                    table.run().findings().add(ID, CheckStatus.REVIEW, table.location(), Long.toString(ragged),
                            ragged + " rows do not have the header's " + expected + " fields (lines " + rows
                                    + (ragged > LISTED ? "…" : "") + "): columns may be shifted.",
                            ragged + " lignes n'ont pas les " + expected + " champs de l'en-tête (lignes " + rows
                                    + (ragged > LISTED ? "…" : "") + ") : des colonnes peuvent être décalées.");
                }
            }
        };
    }
}
