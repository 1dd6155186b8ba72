package eu.enclave.egress.checking;

import eu.enclave.egress.checks.history.TableHistory;
import eu.enclave.egress.checks.table.TableShape;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The earlier-tables index in PostgreSQL (tables of V20). Keeps only what {@link TableShape} holds: dimensions,
 * count column names and counts by category; never a file's other content.
 */
public class JdbcTableHistory implements TableHistory {

    static final int MAX_COMPARED = 2_000;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    public JdbcTableHistory(JdbcTemplate jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    @Override
    public List<IndexedTable> comparable(Set<String> scopes, Set<String> currentFileIds) {
        if (scopes.isEmpty()) {
            return List.of();
        }
        String[] files = currentFileIds.toArray(String[]::new);
        return jdbc.query("""
                SELECT t.file_id, t.file_name, t.project, t.state, t.shape FROM check_table_index t
                WHERE t.state IN ('in_review', 'released')
                  AND EXISTS (SELECT 1 FROM check_table_index_scope s WHERE s.table_id = t.id AND s.scope = ANY (?))
                  AND t.file_id <> ALL (?)
                  AND NOT EXISTS (SELECT 1 FROM check_request_files mine JOIN check_request_files theirs
                                  ON theirs.request_id = mine.request_id
                                  WHERE mine.file_id = ANY (?) AND theirs.file_id = t.file_id)
                ORDER BY t.indexed_at DESC LIMIT ?
                """, (rs, i) -> new IndexedTable(rs.getString(1), rs.getString(2), rs.getString(3),
                "released".equals(rs.getString(4)), shape(rs.getString(5))),
                scopes.toArray(String[]::new), files, files, MAX_COMPARED);
    }

    @Override
    public void record(String project, Set<String> scopes, String fileId, String fileName, List<TableShape> shapes) {
        transactions.executeWithoutResult(status -> {
            boolean submitted = Boolean.TRUE.equals(jdbc.queryForObject(
                    "SELECT EXISTS (SELECT 1 FROM check_request_files WHERE file_id = ?)", Boolean.class, fileId));
            for (TableShape shape : shapes) {
                Long id = jdbc.queryForObject("""
                        INSERT INTO check_table_index (file_id, table_ref, project, file_name, state, dimensions, shape)
                        VALUES (?, ?, ?, ?, ?, ?, ?::jsonb)
                        ON CONFLICT (file_id, table_ref) DO UPDATE SET dimensions = EXCLUDED.dimensions,
                            shape = EXCLUDED.shape, file_name = EXCLUDED.file_name
                        RETURNING id
                        """, Long.class, fileId, shape.ref(), project, fileName, submitted ? "in_review" : "checked",
                        shape.dimensionsKey(), json(shape));
                for (String scope : scopes) {
                    jdbc.update("INSERT INTO check_table_index_scope (table_id, scope) VALUES (?, ?) "
                            + "ON CONFLICT DO NOTHING", id, scope);
                }
            }
        });
    }

    /** A request was submitted (or resubmitted): its current files' tables are in review, older versions' gone. */
    public void submitted(UUID requestId, List<UUID> fileIds) {
        String[] files = fileIds.stream().map(UUID::toString).toArray(String[]::new);
        transactions.executeWithoutResult(status -> {
            jdbc.update("""
                    DELETE FROM check_table_index WHERE state <> 'released' AND file_id IN
                        (SELECT file_id FROM check_request_files WHERE request_id = ? AND file_id <> ALL (?))
                    """, requestId, files);
            jdbc.update("DELETE FROM check_request_files WHERE request_id = ? AND file_id <> ALL (?)", requestId,
                    files);
            for (String file : files) {
                jdbc.update("INSERT INTO check_request_files (request_id, file_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
                        requestId, file);
            }
            jdbc.update("UPDATE check_table_index SET state = 'in_review' WHERE state = 'checked' AND file_id = ANY (?)",
                    (Object) files);
        });
    }

    /** A request was decided: approved files' tables are released for good, rejected ones leave the index. */
    public void decided(UUID requestId, List<UUID> approved, List<UUID> rejected) {
        transactions.executeWithoutResult(status -> {
            jdbc.update("UPDATE check_table_index SET state = 'released', released_at = now() WHERE file_id = ANY (?)",
                    (Object) approved.stream().map(UUID::toString).toArray(String[]::new));
            jdbc.update("DELETE FROM check_table_index WHERE state <> 'released' AND file_id = ANY (?)",
                    (Object) rejected.stream().map(UUID::toString).toArray(String[]::new));
        });
    }

    /** Shapes of files that were checked but never submitted (pre-checks) are dropped after a day. */
    public int forgetUnsubmitted() {
        return jdbc.update("DELETE FROM check_table_index WHERE state = 'checked' AND indexed_at < now() - interval '1 day'");
    }

    static String json(TableShape shape) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("ref", shape.ref());
        out.put("name", shape.name());
        out.put("dimensions", shape.dimensions());
        out.put("countColumns", shape.countColumns());
        out.put("cells", shape.cells());
        return JSON.writeValueAsString(out);
    }

    static TableShape shape(String json) {
        JsonNode node = JSON.readTree(json);
        List<String> dims = new ArrayList<>();
        node.path("dimensions").forEach(d -> dims.add(d.stringValue()));
        List<String> counts = new ArrayList<>();
        node.path("countColumns").forEach(c -> counts.add(c.stringValue()));
        Map<String, Long> cells = new LinkedHashMap<>();
        node.path("cells").properties().forEach(e -> cells.put(e.getKey(), e.getValue().asLong()));
        return new TableShape(node.path("ref").stringValue(), node.path("name").stringValue(), dims, counts, cells);
    }
}
