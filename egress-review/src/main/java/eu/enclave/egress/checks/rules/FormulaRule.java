package eu.enclave.egress.checks.rules;

import eu.enclave.egress.checks.CheckStatus;
import eu.enclave.egress.checks.table.CellKind;
import eu.enclave.egress.checks.table.Row;
import eu.enclave.egress.checks.table.TableCheck;
import eu.enclave.egress.checks.table.TableInspector;
import eu.enclave.egress.checks.table.TableScan;
import eu.enclave.platform.disclosure.FileType;
import java.util.Locale;

/**
 * Cells a spreadsheet would run when the file is opened: XLSX and ODS formulas, and text cells starting with
 * {@code =}, {@code +}, {@code -} or {@code @} (CSV injection), or calling {@code DDE} or {@code HYPERLINK}. A
 * reviewer must never download a file that calls out: {@code review}.
 */
public final class FormulaRule implements TableCheck {

    public static final String ID = "content.formula";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean appliesTo(FileType type) {
        return Types.in(Types.TABLES, type) && type != FileType.PDF;
    }

    @Override
    public TableInspector open(TableScan table) {
        return new TableInspector() {
            @Override
            public void onRow(Row row) {
                for (int c = 0; c < row.width(); c++) {
                    if (row.formula(c)) {
                        report(table, row, c, "A formula, run when the spreadsheet is opened.",
                                "Une formule, exécutée à l'ouverture du classeur.");
                    } else if (row.kind(c) == CellKind.TEXT && runnable(row.text(c))) {
                        report(table, row, c, "Text a spreadsheet would run as a formula (it starts with = + - @ "
                                        + "or calls DDE or HYPERLINK).",
                                "Un texte qu'un tableur exécuterait comme formule (il commence par = + - @ ou appelle "
                                        + "DDE ou HYPERLINK).");
                    }
                }
            }
        };
    }

    private static void report(TableScan table, Row row, int c, String en, String fr) {
        String text = row.text(c);
        String shown = text.length() > 40 ? text.substring(0, 40) + "…" : text;
        table.run().findings().add(ID, CheckStatus.REVIEW, table.cell(row.number(), c, row.line()), shown, en, fr);
    }

    static boolean runnable(String text) {
        String t = text.stripLeading();
        if (t.length() < 2) {
            return false;
        }
        char first = t.charAt(0);
        if (first == '=' || first == '@') {
            return true;
        }
        if ((first == '+' || first == '-') && t.charAt(1) != ' ' && t.charAt(1) != first) {
            return true;
        }
        if (t.length() >= 4) {
            String upper = t.toUpperCase(Locale.ROOT);
            return upper.contains("DDE(") || upper.contains("HYPERLINK(") || upper.contains("DDEAUTO");
        }
        return false;
    }
}
