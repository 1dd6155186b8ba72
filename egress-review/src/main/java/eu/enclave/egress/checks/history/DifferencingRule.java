package eu.enclave.egress.checks.history;

import eu.enclave.egress.checks.CheckStatus;
import eu.enclave.egress.checks.engine.Submission;
import eu.enclave.egress.checks.table.TableBuffer;
import eu.enclave.egress.checks.table.TableCheck;
import eu.enclave.egress.checks.table.TableInspector;
import eu.enclave.egress.checks.table.TableScan;
import eu.enclave.egress.checks.table.TableShape;
import eu.enclave.platform.disclosure.FileType;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Earlier releases (differencing): a table sharing its dimensions with a table released from the same dataset (by
 * any project) or in review at the same time is {@code review}, naming that table; where both have the same
 * dimensions and a cell differs by less than the minimum count, subtracting one from the other reveals a small
 * group: {@code fail}, with the cells. Conservative by design: it flags, it never clears.
 */
public final class DifferencingRule implements TableCheck {

    public static final String ID = "history.differencing";
    private static final java.util.EnumSet<FileType> TYPES = java.util.EnumSet.of(FileType.CSV, FileType.TSV,
            FileType.XLSX, FileType.ODS, FileType.PDF, FileType.MARKDOWN);

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean appliesTo(FileType type) {
        return type != null && TYPES.contains(type);
    }

    @Override
    public TableInspector open(TableScan table) {
        return new TableInspector() {
            @Override
            public void onEnd() {
                TableShape shape = table.shape();
                if (shape == null) {
                    return;
                }
                Submission submission = table.run().submission();
                if (submission.datasets() == null) {
                    table.run().findings().add(ID, CheckStatus.REVIEW, table.location(), null,
                            "Earlier releases could not be consulted (the project's datasets are unknown right now).",
                            "Les sorties antérieures n'ont pas pu être consultées (les jeux de données du projet sont "
                                    + "inconnus pour l'instant).");
                    return;
                }
                List<TableHistory.IndexedTable> earlier = submission.memo("history", () ->
                        submission.history().comparable(scope(submission), submission.fileIds()));
                for (TableHistory.IndexedTable other : earlier) {
                    compare(table, shape, other);
                }
            }
        };
    }

    /** The datasets, and the project itself, so that its own earlier tables count even without datasets. */
    public static Set<String> scope(Submission submission) {
        Set<String> scope = new HashSet<>(submission.datasets() == null ? Set.of() : submission.datasets());
        scope.add("project:" + submission.project());
        return scope;
    }

    private static void compare(TableScan table, TableShape shape, TableHistory.IndexedTable other) {
        Set<String> mine = Set.copyOf(shape.dimensions());
        Set<String> theirs = Set.copyOf(other.shape().dimensions());
        boolean same = mine.equals(theirs);
        if (!same && !(mine.containsAll(theirs) || theirs.containsAll(mine))) {
            return;
        }
        String what = (other.released() ? "released" : "in review") + " table '" + other.shape().name() + "' of "
                + other.fileName() + " (project " + other.project() + ")";
        String quoi = "le tableau " + (other.released() ? "libéré" : "en cours de vérification") + " « "
                + other.shape().name() + " » de " + other.fileName() + " (projet " + other.project() + ")";
        table.run().findings().add(ID, CheckStatus.REVIEW, table.location(), other.fileName(),
                "Shares its dimensions (" + String.join(", ", mine) + ") with the " + what
                        + ": check that the two together reveal nothing.",
                "Partage ses dimensions (" + String.join(", ", mine) + ") avec " + quoi
                        + " : vérifier qu'ensemble ils ne révèlent rien.");
        if (same) {
            differences(table, shape, other, what, quoi);
        }
    }

    private static void differences(TableScan table, TableShape shape, TableHistory.IndexedTable other, String what,
                                    String quoi) {
        int minimum = table.policy().minimumCount();
        List<Integer> dims = TableShape.dimensionColumns(table);
        Map<String, Long> theirs = other.shape().cells();
        List<Integer> countColumns = new java.util.ArrayList<>();
        for (int c = 0; c < table.width(); c++) {
            if (table.counts(c)) {
                countColumns.add(c);
            }
        }
        for (TableBuffer.KeptRow row : table.buffer().rows()) {
            String rowKey = TableShape.rowKey(row, dims);
            for (int c : countColumns) {
                if (row.kind(c) != eu.enclave.egress.checks.table.CellKind.INTEGER) {
                    continue;
                }
                String column = eu.enclave.egress.checks.table.HeaderWords.normalise(table.columnName(c));
                Long before = theirs.get(TableShape.cellKey(rowKey, column));
                if (before == null) {
                    continue;
                }
                long difference = Math.abs(row.integer(c) - before);
                if (difference > 0 && difference < minimum) {
                    table.run().findings().add(ID, CheckStatus.FAIL, table.cell(row.number(), c, row.line()),
                            Long.toString(difference),
                            "Differs by " + difference + " from the same cell (" + before + ") of the " + what
                                    + ": the difference is a group below the minimum count of " + minimum + ".",
                            "Diffère de " + difference + " de la même cellule (" + before + ") dans " + quoi
                                    + " : la différence est un groupe sous le seuil de " + minimum + ".");
                }
            }
        }
    }
}
