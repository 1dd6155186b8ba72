package eu.enclave.egress.checks.rules;

import eu.enclave.egress.checks.CheckStatus;
import eu.enclave.egress.checks.table.ColumnRole;
import eu.enclave.egress.checks.table.TableCheck;
import eu.enclave.egress.checks.table.TableInspector;
import eu.enclave.egress.checks.table.TableScan;
import eu.enclave.platform.disclosure.FileType;

/**
 * Numeric columns that are neither counts nor anything a header names (decimals or negative numbers under an
 * unknown header): the checker cannot tell whether they are magnitudes needing dominance rules, so it says
 * {@code review} and why, never {@code pass}.
 */
public final class UnclassifiedNumbersRule implements TableCheck {

    public static final String ID = "table.unclassified-numbers";

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
                for (int c = 0; c < table.width(); c++) {
                    if (table.role(c) == ColumnRole.UNKNOWN && table.stats(c).numeric() && !table.counts(c)) {
                        table.run().findings().add(ID, CheckStatus.REVIEW, table.column(c), table.columnName(c),
                                "Column '" + table.columnName(c) + "' holds numbers that are not counts and that no "
                                        + "header names (a magnitude? a rate?): the checks cannot judge them.",
                                "La colonne '" + table.columnName(c) + "' contient des nombres qui ne sont pas des "
                                        + "effectifs et qu'aucun en-tête ne nomme (montant ? taux ?) : les contrôles "
                                        + "ne peuvent pas les juger.");
                    }
                }
            }
        };
    }
}
