package eu.enclave.orchestrator.secret;

import java.sql.Timestamp;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The data-warehouse role linked to each project, in PostgreSQL. */
@Repository
class ProjectDatabaseRoleRepository {

    private final JdbcClient jdbc;

    ProjectDatabaseRoleRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<String> find(UUID projectId) {
        return jdbc.sql("SELECT role FROM project_database_roles WHERE project_id = ?").param(projectId)
                .query(String.class).optional();
    }

    /** The project's status, with its row locked for the rest of the transaction. */
    String lockProject(UUID projectId) {
        return jdbc.sql("SELECT status FROM projects WHERE id = ? FOR UPDATE").param(projectId)
                .query(String.class).single();
    }

    void link(UUID projectId, String role, String by, Timestamp at) {
        jdbc.sql("INSERT INTO project_database_roles (project_id, role, linked_by, linked_at) VALUES (?, ?, ?, ?)"
                        + " ON CONFLICT (project_id) DO UPDATE SET role = EXCLUDED.role,"
                        + " linked_by = EXCLUDED.linked_by, linked_at = EXCLUDED.linked_at")
                .params(projectId, role, by, at).update();
    }

    void unlink(UUID projectId) {
        jdbc.sql("DELETE FROM project_database_roles WHERE project_id = ?").param(projectId).update();
    }
}
