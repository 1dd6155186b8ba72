package eu.enclave.egress.checks.rules;

import eu.enclave.egress.checks.CheckStatus;
import eu.enclave.egress.checks.table.CellKind;
import eu.enclave.egress.checks.table.CellList;
import eu.enclave.egress.checks.table.ColumnRole;
import eu.enclave.egress.checks.table.Row;
import eu.enclave.egress.checks.table.TableCheck;
import eu.enclave.egress.checks.table.TableInspector;
import eu.enclave.egress.checks.table.TableScan;
import eu.enclave.platform.disclosure.FileType;

/**
 * Frequency cells from 1 to the policy's minimum count minus one (1–10 under the default of 11). In a column a
 * header names a count, or whose counts add up to the table's margins, such a cell fails; in a column that only
 * looks like counts (whole numbers, no header the checks know) it is {@code review}: the checker cannot tell.
 */
public final class SmallCountRule implements TableCheck {

    public static final String ID = "table.small-count";

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
        return new Inspector(table);
    }

    private static final class Inspector implements TableInspector {
        private final TableScan table;
        private final int minimum;
        private CellList[] small = new CellList[0];

        Inspector(TableScan table) {
            this.table = table;
            this.minimum = table.policy().minimumCount();
        }

        @Override
        public void onRow(Row row) {
            if (small.length < row.width()) {
                small = java.util.Arrays.copyOf(small, row.width());
            }
            for (int c = 0; c < row.width(); c++) {
                if (row.kind(c) == CellKind.INTEGER && row.integer(c) > 0 && row.integer(c) < minimum
                        && (table.role(c).counts() || table.role(c) == ColumnRole.UNKNOWN)) {
                    if (small[c] == null) {
                        small[c] = new CellList(table.run().limits().maxFindingsPerRule());
                    }
                    small[c].add(row, c, Long.toString(row.integer(c)));
                }
            }
        }

        @Override
        public void onEnd() {
            CheckStatus status = table.countsCertain() ? CheckStatus.FAIL : CheckStatus.REVIEW;
            for (int c = 0; c < small.length; c++) {
                if (small[c] == null || !table.counts(c)) {
                    continue;
                }
                for (CellList.Noted cell : small[c].kept()) {
                    String hidden = cell.hidden() ? " (in a hidden row)" : "";
                    String cache = cell.hidden() ? " (dans une ligne masquée)" : "";
                    if (status == CheckStatus.FAIL) {
                        table.run().findings().add(ID, status, table.cell(cell.row(), c, cell.line()), cell.value(),
                                "Count " + cell.value() + " is below the minimum of " + minimum + hidden + ".",
                                "L'effectif " + cell.value() + " est inférieur au seuil de " + minimum + cache + ".");
                    } else {
                        table.run().findings().add(ID, status, table.cell(cell.row(), c, cell.line()), cell.value(),
                                "Value " + cell.value() + " is below the minimum count of " + minimum + hidden
                                        + "; the column looks like counts but no header says so: a person must tell.",
                                "La valeur " + cell.value() + " est inférieure au seuil de " + minimum + cache
                                        + " ; la colonne ressemble à des effectifs sans que son en-tête le dise : "
                                        + "une personne doit trancher.");
                    }
                }
                table.run().findings().addUnlisted(ID, status, small[c].unlisted());
            }
        }
    }
}
