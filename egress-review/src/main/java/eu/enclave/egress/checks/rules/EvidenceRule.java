package eu.enclave.egress.checks.rules;

import eu.enclave.egress.checks.CheckStatus;
import eu.enclave.egress.checks.Location;
import eu.enclave.egress.checks.table.ColumnRole;
import eu.enclave.egress.checks.table.ContributorEvidence;
import eu.enclave.egress.checks.table.HeaderWords;
import eu.enclave.egress.checks.table.TableBuffer;
import eu.enclave.egress.checks.table.TableCheck;
import eu.enclave.egress.checks.table.TableInspector;
import eu.enclave.egress.checks.table.TableScan;
import eu.enclave.platform.disclosure.FileType;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The shape shared by the rules on magnitude tables (a column of sums, amounts or means): they need the table's
 * contributor evidence; without it the table is {@code review}, "dominance could not be assessed". Each evidence
 * cell is judged by the subclass and its finding placed on the table's matching row where the keys match.
 */
abstract class EvidenceRule implements TableCheck {

    @Override
    public boolean appliesTo(FileType type) {
        return Types.in(Types.TABLES, type);
    }

    /** Judges one cell's aggregates; returns the finding's messages or null when the cell is fine. */
    abstract Verdict judge(ContributorEvidence.Cell cell, TableScan table);

    abstract String notAssessedEn();

    abstract String notAssessedFr();

    record Verdict(CheckStatus status, String shown, String en, String fr) {
    }

    @Override
    public TableInspector open(TableScan table) {
        return new TableInspector() {
            @Override
            public void onEnd() {
                int magnitude = firstMagnitude(table);
                if (magnitude < 0 || ContributorEvidence.isEvidenceName(table.run().file().name())) {
                    return;
                }
                Optional<ContributorEvidence> evidence = ContributorEvidence.forTable(table.run().submission(),
                        table.run().displayName());
                if (evidence.isEmpty()) {
                    table.run().findings().add(id(), CheckStatus.REVIEW, table.location(), null,
                            notAssessedEn() + " could not be assessed: column '" + table.columnName(magnitude)
                                    + "' holds magnitudes and no contributor evidence was submitted with the table"
                                    + " (a supporting CSV named like it, ending in .evidence.csv).",
                            notAssessedFr() + " n'a pas pu être évaluée : la colonne '" + table.columnName(magnitude)
                                    + "' contient des montants et aucun fichier de contrôle n'accompagne le tableau"
                                    + " (un CSV justificatif du même nom, terminé par .evidence.csv).");
                    return;
                }
                Map<String, long[]> rows = rowsByKey(table, evidence.get());
                for (ContributorEvidence.Cell cell : evidence.get().cells()) {
                    Verdict verdict = judge(cell, table);
                    if (verdict != null) {
                        long[] where = rows.get(key(cell.keys(), evidence.get()));
                        Location location = where == null
                                ? table.location()
                                : table.cell(where[0], magnitude, where[1] < 0 ? null : where[1]);
                        String ref = " (evidence " + evidence.get().fileName() + ", line " + cell.line() + ")";
                        String refFr = " (fichier de contrôle " + evidence.get().fileName() + ", ligne " + cell.line()
                                + ")";
                        table.run().findings().add(id(), verdict.status(), location, verdict.shown(),
                                verdict.en() + ref, verdict.fr() + refFr);
                    }
                }
            }
        };
    }

    private static int firstMagnitude(TableScan table) {
        for (int c = 0; c < table.width(); c++) {
            if (table.role(c) == ColumnRole.MAGNITUDE) {
                return c;
            }
        }
        return -1;
    }

    private static Map<String, long[]> rowsByKey(TableScan table, ContributorEvidence evidence) {
        Map<String, long[]> rows = new HashMap<>();
        Map<String, Integer> columns = new HashMap<>();
        for (int c = 0; c < table.width(); c++) {
            columns.put(HeaderWords.normalise(table.columnName(c)), c);
        }
        for (TableBuffer.KeptRow row : table.buffer().rows()) {
            StringBuilder key = new StringBuilder();
            for (String k : evidence.keyColumns()) {
                Integer c = columns.get(k);
                key.append(c == null ? "" : HeaderWords.normalise(row.text(c))).append('\u001f');
            }
            rows.putIfAbsent(key.toString(), new long[] {row.number(), row.line() == null ? -1 : row.line()});
        }
        return rows;
    }

    private static String key(Map<String, String> keys, ContributorEvidence evidence) {
        StringBuilder key = new StringBuilder();
        for (String k : evidence.keyColumns()) {
            key.append(HeaderWords.normalise(keys.getOrDefault(k, ""))).append('\u001f');
        }
        return key.toString();
    }
}
