package eu.enclave.egress.checks.rules;

import eu.enclave.egress.checks.CheckStatus;
import eu.enclave.egress.checks.table.CellKind;
import eu.enclave.egress.checks.table.ColumnRole;
import eu.enclave.egress.checks.table.Row;
import eu.enclave.egress.checks.table.TableCheck;
import eu.enclave.egress.checks.table.TableInspector;
import eu.enclave.egress.checks.table.TableScan;
import eu.enclave.platform.disclosure.FileType;
import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * Full dates (day, month and year) in a column named like a date of birth or death ({@code date_naissance},
 * {@code ddn}, {@code dob}, SNDS {@code BEN_NAI_ANN}, {@code BEN_DCD_DTE}...): a direct identifier. A year or a
 * month and year alone passes this rule.
 */
public final class BirthDateRule implements TableCheck {

    public static final String ID = "identifier.birth-death-date";

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
            public void onRow(Row row) {
                for (int c = 0; c < row.width(); c++) {
                    if (table.role(c) == ColumnRole.BIRTH_OR_DEATH_DATE && row.kind(c) != CellKind.EMPTY
                            && fullDate(row.text(c).strip())) {
                        table.run().findings().addIdentifier(ID, CheckStatus.FAIL,
                                table.cell(row.number(), c, row.line()), row.text(c),
                                "A full date of birth or death: a direct identifier.",
                                "Une date complète de naissance ou de décès : un identifiant direct.");
                    }
                }
            }
        };
    }

    /** dd/mm/yyyy, dd-mm-yyyy, dd.mm.yyyy, yyyy-mm-dd, yyyy/mm/dd, yyyymmdd, ddmmyyyy; a time may follow. */
    static boolean fullDate(String text) {
        String t = text.length() > 10 && (text.charAt(10) == 'T' || text.charAt(10) == ' ') ? text.substring(0, 10)
                : text;
        if (t.length() == 8 && t.chars().allMatch(Character::isDigit)) {
            return date(t.substring(0, 4), t.substring(4, 6), t.substring(6, 8))
                    || date(t.substring(4, 8), t.substring(2, 4), t.substring(0, 2));
        }
        if (t.length() != 10) {
            return false;
        }
        char s1 = t.charAt(2);
        char s2 = t.charAt(4);
        if ((s1 == '/' || s1 == '-' || s1 == '.') && t.charAt(5) == s1) {
            return date(t.substring(6, 10), t.substring(3, 5), t.substring(0, 2));
        }
        if ((s2 == '-' || s2 == '/' || s2 == '.') && t.charAt(7) == s2) {
            return date(t.substring(0, 4), t.substring(5, 7), t.substring(8, 10));
        }
        return false;
    }

    private static boolean date(String year, String month, String day) {
        try {
            int y = Integer.parseInt(year);
            LocalDate.of(y, Integer.parseInt(month), Integer.parseInt(day));
            return y >= 1850 && y <= 2200;
        } catch (NumberFormatException | DateTimeException e) {
            return false;
        }
    }
}
