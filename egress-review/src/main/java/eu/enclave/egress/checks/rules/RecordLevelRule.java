package eu.enclave.egress.checks.rules;

import eu.enclave.egress.checks.CheckStatus;
import eu.enclave.egress.checks.table.CellKind;
import eu.enclave.egress.checks.table.ColumnRole;
import eu.enclave.egress.checks.table.Row;
import eu.enclave.egress.checks.table.TableCheck;
import eu.enclave.egress.checks.table.TableInspector;
import eu.enclave.egress.checks.table.TableScan;
import eu.enclave.platform.disclosure.FileType;
import java.util.HashSet;
import java.util.Set;

/**
 * Record-level data (microdata) never leave: a table with a person's key (a header such as SNDS {@code BEN_NIR_PSA},
 * {@code id_patient}, {@code pseudo}) or a column of hash-like values (16+ hexadecimal or 20+ base64 characters)
 * that are nearly all distinct, which is one row per person.
 */
public final class RecordLevelRule implements TableCheck {

    public static final String ID = "table.record-level";
    static final int MIN_ROWS = 20;
    private static final int DISTINCT_TRACKED = 10_000;

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
            private long[] hashLike = new long[0];
            private Set<?>[] distinct = new Set<?>[0];
            private boolean[] personKey = new boolean[0];

            @Override
            @SuppressWarnings("unchecked")
            public void onRow(Row row) {
                if (hashLike.length < row.width()) {
                    hashLike = java.util.Arrays.copyOf(hashLike, row.width());
                    distinct = java.util.Arrays.copyOf(distinct, row.width());
                    personKey = java.util.Arrays.copyOf(personKey, row.width());
                }
                for (int c = 0; c < row.width(); c++) {
                    if (row.kind(c) == CellKind.EMPTY) {
                        continue;
                    }
                    if (table.role(c) == ColumnRole.PERSON_ID) {
                        personKey[c] = true;
                    }
                    if (row.kind(c) == CellKind.TEXT && hashLike(row.text(c))) {
                        hashLike[c]++;
                        if (distinct[c] == null) {
                            distinct[c] = new HashSet<String>();
                        }
                        if (distinct[c].size() < DISTINCT_TRACKED) {
                            ((Set<String>) distinct[c]).add(row.text(c));
                        }
                    }
                }
            }

            @Override
            public void onEnd() {
                for (int c = 0; c < hashLike.length; c++) {
                    if (personKey[c]) {
                        report(table, c, "holds a person's key ('" + table.columnName(c) + "')",
                                "contient la clé d'une personne ('" + table.columnName(c) + "')");
                    } else if (hashLike[c] >= MIN_ROWS && hashLike[c] * 10 >= table.stats(c).nonEmpty() * 9
                            && distinct[c].size() * 10L >= Math.min(hashLike[c], DISTINCT_TRACKED) * 9L) {
                        report(table, c, "has a column of distinct pseudonyms or hashes ('" + table.columnName(c)
                                        + "'): one row per person",
                                "a une colonne de pseudonymes ou d'empreintes distincts ('" + table.columnName(c)
                                        + "') : une ligne par personne");
                    }
                }
            }
        };
    }

    private static void report(TableScan table, int column, String en, String fr) {
        table.run().findings().add(ID, CheckStatus.FAIL, table.column(column), null,
                "Record-level data: the table " + en + ". Microdata never leave.",
                "Données individuelles : le tableau " + fr + ". Les microdonnées ne sortent jamais.");
    }

    static boolean hashLike(String text) {
        int n = text.length();
        if (n < 16 || n > 128) {
            return false;
        }
        boolean hex = true;
        boolean base64 = true;
        int digits = 0;
        int letters = 0;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            boolean d = c >= '0' && c <= '9';
            boolean h = d || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
            boolean b = d || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '+' || c == '/' || c == '='
                    || c == '-' || c == '_';
            hex &= h;
            base64 &= b;
            digits += d ? 1 : 0;
            letters += Character.isLetter(c) ? 1 : 0;
            if (!hex && !base64) {
                return false;
            }
        }
        boolean mixed = digits > 0 && letters > 0;
        return mixed && (hex || n >= 20);
    }
}
