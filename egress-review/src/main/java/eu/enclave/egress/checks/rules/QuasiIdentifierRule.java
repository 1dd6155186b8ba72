package eu.enclave.egress.checks.rules;

import eu.enclave.egress.checks.CheckStatus;
import eu.enclave.egress.checks.table.CellKind;
import eu.enclave.egress.checks.table.ColumnRole;
import eu.enclave.egress.checks.table.Row;
import eu.enclave.egress.checks.table.TableCheck;
import eu.enclave.egress.checks.table.TableInspector;
import eu.enclave.egress.checks.table.TableScan;
import eu.enclave.platform.disclosure.FileType;

/**
 * Quasi-identifiers, which identify in combination: commune and postal codes, hospital stay identifiers (one
 * finding per column), and exact ages of 90 and over (each cell): {@code review}.
 */
public final class QuasiIdentifierRule implements TableCheck {

    public static final String ID = "identifier.quasi";
    static final int OLDEST_EXACT_AGE = 89;

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
            private boolean[] reported = new boolean[0];

            @Override
            public void onRow(Row row) {
                if (reported.length < row.width()) {
                    reported = java.util.Arrays.copyOf(reported, row.width());
                }
                for (int c = 0; c < row.width(); c++) {
                    if (row.kind(c) == CellKind.EMPTY) {
                        continue;
                    }
                    ColumnRole role = table.role(c);
                    if ((role == ColumnRole.PLACE || role == ColumnRole.STAY_ID) && !reported[c]) {
                        reported[c] = true;
                        boolean place = role == ColumnRole.PLACE;
                        table.run().findings().add(ID, CheckStatus.REVIEW, table.cell(row.number(), c, row.line()),
                                null, place ? "A column of commune or postal codes: they identify in combination."
                                        : "A column of hospital stay identifiers: they lead back to a person.",
                                place ? "Une colonne de codes commune ou postaux : ils identifient en combinaison."
                                        : "Une colonne d'identifiants de séjour : ils ramènent à une personne.");
                    } else if (role == ColumnRole.AGE && row.kind(c) == CellKind.INTEGER
                            && row.integer(c) > OLDEST_EXACT_AGE && row.integer(c) < 130) {
                        table.run().findings().add(ID, CheckStatus.REVIEW, table.cell(row.number(), c, row.line()),
                                Long.toString(row.integer(c)),
                                "An exact age of 90 or over: group such ages (90 and over).",
                                "Un âge exact de 90 ans ou plus : regrouper ces âges (90 ans et plus).");
                    }
                }
            }
        };
    }
}
