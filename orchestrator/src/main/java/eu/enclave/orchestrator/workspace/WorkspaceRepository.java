package eu.enclave.orchestrator.workspace;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import eu.enclave.orchestrator.project.ProjectStatus;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Workspaces in PostgreSQL, with their owner's username joined in. */
@Repository
public class WorkspaceRepository {

    private static final String SELECT = "SELECT w.id, w.project_id, p.slug, w.name, w.owner_id, u.username, w.template,"
            + " w.cpu, w.memory, w.gpus, w.status, w.reason, w.active_since, w.created_at, w.updated_at"
            + " FROM workspaces w JOIN platform.users u ON u.id = w.owner_id"
            + " JOIN projects p ON p.id = w.project_id ";

    private final JdbcClient jdbc;

    WorkspaceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Workspace> find(UUID projectId, String name) {
        return jdbc.sql(SELECT + "WHERE w.project_id = ? AND w.name = ?").params(projectId, name)
                .query(WorkspaceRepository::map).optional();
    }

    /** The row locked for the rest of the transaction, so that two changes of one workspace never interleave. */
    Optional<Workspace> lock(UUID projectId, String name) {
        return jdbc.sql(SELECT + "WHERE w.project_id = ? AND w.name = ? FOR UPDATE OF w").params(projectId, name)
                .query(WorkspaceRepository::map).optional();
    }

    public List<Workspace> findByProject(UUID projectId) {
        return jdbc.sql(SELECT + "WHERE w.project_id = ? ORDER BY w.name").param(projectId)
                .query(WorkspaceRepository::map).list();
    }

    List<Workspace> findByProjectAndOwner(UUID projectId, UUID ownerId) {
        return jdbc.sql(SELECT + "WHERE w.project_id = ? AND w.owner_id = ? ORDER BY w.name")
                .params(projectId, ownerId).query(WorkspaceRepository::map).list();
    }

    /** The workspaces of projects in one of {@code statuses}: those whose namespace is reconciled. */
    List<Workspace> findInProjects(Collection<ProjectStatus> statuses) {
        return jdbc.sql(SELECT + "WHERE p.status IN (:statuses) ORDER BY w.project_id, w.name")
                .param("statuses", statuses.stream().map(ProjectStatus::toString).toList())
                .query(WorkspaceRepository::map).list();
    }

    /** The workspace, when its project is in one of {@code statuses}. */
    Optional<Workspace> findInProjects(Collection<ProjectStatus> statuses, UUID projectId, String name) {
        return jdbc.sql(SELECT + "WHERE p.status IN (:statuses) AND w.project_id = :project AND w.name = :name")
                .param("statuses", statuses.stream().map(ProjectStatus::toString).toList())
                .param("project", projectId).param("name", name)
                .query(WorkspaceRepository::map).optional();
    }

    /** Whether a workspace of this name exists in the project, whatever the project's status. */
    boolean exists(UUID projectId, String name) {
        return jdbc.sql("SELECT count(*) FROM workspaces WHERE project_id = ? AND name = ?").params(projectId, name)
                .query(Long.class).single() > 0;
    }

    List<Workspace> findWantingToRun() {
        return jdbc.sql(SELECT + "WHERE w.status IN ('pending', 'starting', 'running') ORDER BY w.project_id, w.name")
                .query(WorkspaceRepository::map).list();
    }

    /** Serialises creations and starts within a project, so that two of them never both fit the same quota. */
    void lockProject(UUID projectId) {
        jdbc.sql("SELECT id FROM projects WHERE id = ? FOR UPDATE").param(projectId).query(UUID.class).single();
    }

    void insert(Workspace w) {
        jdbc.sql("INSERT INTO workspaces (id, project_id, name, owner_id, template, cpu, memory, gpus, status, reason,"
                        + " active_since, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(w.id(), w.projectId(), w.name(), w.ownerId(), w.template(), w.size().cpu(), w.size().memory(),
                        w.size().gpus(), w.status().toString(), w.reason(), ts(w.activeSince()), ts(w.createdAt()),
                        ts(w.updatedAt()))
                .update();
    }

    /** Compare-and-set on the status, so that a stale observation never overwrites a newer change. */
    boolean updateStatus(Workspace w, WorkspaceStatus from) {
        return jdbc.sql("UPDATE workspaces SET status = ?, reason = ?, active_since = ?, updated_at = ?"
                        + " WHERE id = ? AND status = ?")
                .params(w.status().toString(), w.reason(), ts(w.activeSince()), ts(w.updatedAt()), w.id(),
                        from.toString())
                .update() == 1;
    }

    void touch(UUID id, Instant activeSince) {
        jdbc.sql("UPDATE workspaces SET active_since = ? WHERE id = ?").params(ts(activeSince), id).update();
    }

    void delete(UUID id) {
        jdbc.sql("DELETE FROM workspaces WHERE id = ?").param(id).update();
    }

    private static Timestamp ts(Instant instant) {
        return Timestamp.from(instant);
    }

    private static Workspace map(ResultSet rs, int row) throws SQLException {
        return new Workspace(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                rs.getString(4), rs.getObject(5, UUID.class), rs.getString(6), rs.getString(7),
                new WorkspaceSize(rs.getString(8), rs.getString(9), rs.getInt(10)),
                WorkspaceStatus.parse(rs.getString(11)), rs.getString(12), rs.getTimestamp(13).toInstant(),
                rs.getTimestamp(14).toInstant(), rs.getTimestamp(15).toInstant());
    }
}
