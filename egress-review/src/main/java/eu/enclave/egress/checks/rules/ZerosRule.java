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
import eu.enclave.platform.disclosure.ZeroRule;

/**
 * Zero frequency cells, as the policy says ({@code review} by default): a structural zero ("nobody in this group
 * has the condition") can disclose as much as a 1.
 */
public final class ZerosRule implements TableCheck {

    public static final String ID = "table.zero";

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
        if (table.policy().zeros() == ZeroRule.PASS) {
            return new TableInspector() {
            };
        }
        return new TableInspector() {
            private CellList[] zeros = new CellList[0];

            @Override
            public void onRow(Row row) {
                if (zeros.length < row.width()) {
                    zeros = java.util.Arrays.copyOf(zeros, row.width());
                }
                for (int c = 0; c < row.width(); c++) {
                    if (row.kind(c) == CellKind.INTEGER && row.integer(c) == 0
                            && (table.role(c).counts() || table.role(c) == ColumnRole.UNKNOWN)) {
                        if (zeros[c] == null) {
                            zeros[c] = new CellList(table.run().limits().maxFindingsPerRule());
                        }
                        zeros[c].add(row, c, "0");
                    }
                }
            }

            @Override
            public void onEnd() {
                CheckStatus status = table.policy().zeros() == ZeroRule.FAIL && table.countsCertain()
                        ? CheckStatus.FAIL : CheckStatus.REVIEW;
                for (int c = 0; c < zeros.length; c++) {
                    if (zeros[c] == null || !table.counts(c)) {
                        continue;
                    }
                    for (CellList.Noted cell : zeros[c].kept()) {
                        table.run().findings().add(ID, status, table.cell(cell.row(), c, cell.line()), "0",
                                "A zero count: check that it does not tell something about everyone in the group.",
                                "Un effectif nul : vérifier qu'il ne révèle rien sur toutes les personnes du groupe.");
                    }
                    table.run().findings().addUnlisted(ID, status, zeros[c].unlisted());
                }
            }
        };
    }
}
