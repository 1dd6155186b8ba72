package eu.enclave.orchestrator.cluster.status;

import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Repository
class ClusterStatusRepository {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<AppliedObject>> OBJECTS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;

    ClusterStatusRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<ClusterStatus> find(UUID projectId) {
        return jdbc.sql("SELECT project_id, state, reason, reconciled_at, objects FROM cluster_status"
                        + " WHERE project_id = ?")
                .param(projectId)
                .query((rs, row) -> new ClusterStatus(rs.getObject(1, UUID.class), ClusterState.valueOf(rs.getString(2)),
                        rs.getString(3), rs.getTimestamp(4).toInstant(), JSON.readValue(rs.getString(5), OBJECTS)))
                .optional();
    }

    void save(ClusterStatus status) {
        jdbc.sql("""
                        INSERT INTO cluster_status (project_id, state, reason, reconciled_at, objects)
                        VALUES (?, ?, ?, ?, ?)
                        ON CONFLICT (project_id) DO UPDATE SET state = EXCLUDED.state, reason = EXCLUDED.reason,
                            reconciled_at = EXCLUDED.reconciled_at, objects = EXCLUDED.objects""")
                .params(status.projectId(), status.state().name(), status.reason(),
                        Timestamp.from(status.reconciledAt()), JSON.writeValueAsString(status.objects()))
                .update();
    }
}
