package eu.enclave.egress.checks.history;

import eu.enclave.egress.checks.table.TableShape;
import java.util.List;
import java.util.Set;

/**
 * The index of earlier tables (the engine's port; egress-review keeps it in PostgreSQL): the shapes of tables
 * approved for release, per dataset and across every project that uses the dataset, and of tables of requests in
 * review at the same time.
 */
public interface TableHistory {

    /**
     * Tables indexed under any of {@code datasets}, released or in review, other than the tables of
     * {@code currentFileIds} and of the requests those files belong to.
     */
    List<IndexedTable> comparable(Set<String> datasets, Set<String> currentFileIds);

    /**
     * Keeps the shapes of a checked file's tables. They count as "in review" once the file is part of a submitted
     * request, and as "released" once approved; shapes of files that never reach a request are not compared.
     */
    void record(String project, Set<String> datasets, String fileId, String fileName, List<TableShape> shapes);

    /** No index: nothing to compare with (tests, tools). */
    TableHistory NONE = new TableHistory() {
        @Override
        public List<IndexedTable> comparable(Set<String> datasets, Set<String> currentFileIds) {
            return List.of();
        }

        @Override
        public void record(String project, Set<String> datasets, String fileId, String fileName,
                           List<TableShape> shapes) {
        }
    };

    /** A table of the index: its file, project, whether it was released, and its shape. */
    record IndexedTable(String fileId, String fileName, String project, boolean released, TableShape shape) {
    }
}
