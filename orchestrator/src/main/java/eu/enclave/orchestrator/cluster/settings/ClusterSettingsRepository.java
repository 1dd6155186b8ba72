package eu.enclave.orchestrator.cluster.settings;

import eu.enclave.orchestrator.cluster.Mirror;
import eu.enclave.orchestrator.cluster.ProjectQuota;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Per-project quotas and mirrors in PostgreSQL. */
@Repository
class ClusterSettingsRepository {

    private final JdbcClient jdbc;

    ClusterSettingsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The stored quota, or empty when the project has the default. */
    Optional<ProjectQuota> findQuota(UUID projectId) {
        return jdbc.sql("SELECT cpu, memory, gpus, pods, pvcs, storage FROM project_quotas WHERE project_id = ?")
                .param(projectId)
                .query((rs, row) -> new ProjectQuota(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4),
                        rs.getInt(5), rs.getString(6)))
                .optional();
    }

    List<Mirror> findMirrors(UUID projectId) {
        return jdbc.sql("SELECT name, cidr::text, port, hostname FROM project_mirrors WHERE project_id = ?"
                        + " ORDER BY position")
                .param(projectId).query(ClusterSettingsRepository::mirror).list();
    }

    /**
     * Locks the project's row until commit and returns its status as it is now: settings changes of one project
     * queue behind each other (so each audit entry's "old" values are right) and behind a status change.
     */
    String lockProject(UUID projectId) {
        return jdbc.sql("SELECT status FROM projects WHERE id = ? FOR UPDATE").param(projectId)
                .query(String.class).single();
    }

    void saveQuota(UUID projectId, ProjectQuota q, String by, Timestamp at) {
        jdbc.sql("INSERT INTO project_quotas (project_id, cpu, memory, gpus, pods, pvcs, storage, updated_by,"
                        + " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
                        + " ON CONFLICT (project_id) DO UPDATE SET cpu = excluded.cpu, memory = excluded.memory,"
                        + " gpus = excluded.gpus, pods = excluded.pods, pvcs = excluded.pvcs,"
                        + " storage = excluded.storage, updated_by = excluded.updated_by,"
                        + " updated_at = excluded.updated_at")
                .params(projectId, q.cpu(), q.memory(), q.gpus(), q.pods(), q.pvcs(), q.storage(), by, at)
                .update();
    }

    void replaceMirrors(UUID projectId, List<Mirror> mirrors) {
        jdbc.sql("DELETE FROM project_mirrors WHERE project_id = ?").param(projectId).update();
        for (int i = 0; i < mirrors.size(); i++) {
            Mirror m = mirrors.get(i);
            jdbc.sql("INSERT INTO project_mirrors (project_id, position, name, cidr, port, hostname)"
                            + " VALUES (?, ?, ?, CAST(? AS cidr), ?, ?)")
                    .params(projectId, i, m.name(), m.cidr(), m.port(), m.hostname()).update();
        }
    }

    private static Mirror mirror(ResultSet rs, int row) throws SQLException {
        return new Mirror(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4));
    }
}
