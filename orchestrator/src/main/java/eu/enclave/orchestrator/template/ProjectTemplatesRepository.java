package eu.enclave.orchestrator.template;

import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The templates each project may use, in PostgreSQL. */
@Repository
class ProjectTemplatesRepository {

    private final JdbcClient jdbc;

    ProjectTemplatesRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The ids stored for the project, sorted; some may no longer be in the catalogue. */
    List<String> findIds(UUID projectId) {
        return jdbc.sql("SELECT template_id FROM project_templates WHERE project_id = ? ORDER BY template_id")
                .param(projectId).query(String.class).list();
    }

    boolean exists(UUID projectId, String templateId) {
        return jdbc.sql("SELECT count(*) FROM project_templates WHERE project_id = ? AND template_id = ?")
                .params(projectId, templateId).query(Long.class).single() > 0;
    }

    /**
     * Locks the project's row until commit and returns its status: changes of one project's templates queue behind
     * each other (so that each audit entry's "before" is right) and behind a status change.
     */
    String lockProject(UUID projectId) {
        return jdbc.sql("SELECT status FROM projects WHERE id = ? FOR UPDATE").param(projectId)
                .query(String.class).single();
    }

    void replace(UUID projectId, List<String> templateIds, String by, Timestamp at) {
        jdbc.sql("DELETE FROM project_templates WHERE project_id = ?").param(projectId).update();
        for (String id : templateIds) {
            jdbc.sql("INSERT INTO project_templates (project_id, template_id, allowed_by, allowed_at)"
                            + " VALUES (?, ?, ?, ?)")
                    .params(projectId, id, by, at).update();
        }
    }
}
