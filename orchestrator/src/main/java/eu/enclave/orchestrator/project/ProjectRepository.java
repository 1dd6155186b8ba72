package eu.enclave.orchestrator.project;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Projects in PostgreSQL. */
@Repository
public class ProjectRepository {

    private static final String COLUMNS = "id, slug, title, description, legal_basis, impact_assessment, start_date,"
            + " end_date, status, created_at, updated_at";
    private static final String COLUMNS_OF_P = COLUMNS.replaceAll("(\\w+)", "p.$1");

    private final JdbcClient jdbc;

    ProjectRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Project> findBySlug(String slug) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM projects WHERE slug = ?").param(slug)
                .query(ProjectRepository::map).optional();
    }

    public List<Project> findAll() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM projects ORDER BY slug").query(ProjectRepository::map).list();
    }

    /** Projects where the user holds a membership that is current on {@code day}. */
    public List<Project> findWithActiveMember(UUID userId, LocalDate day) {
        return jdbc.sql("SELECT " + COLUMNS_OF_P + " FROM projects p"
                        + " JOIN memberships m ON m.project_id = p.id"
                        + " WHERE m.user_id = ? AND m.start_date <= ? AND (m.end_date IS NULL OR m.end_date >= ?)"
                        + " ORDER BY p.slug")
                .params(userId, day, day).query(ProjectRepository::map).list();
    }

    public List<Project> findWithStatus(Collection<ProjectStatus> statuses) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM projects WHERE status IN (:statuses) ORDER BY slug")
                .param("statuses", statuses.stream().map(ProjectStatus::toString).toList())
                .query(ProjectRepository::map).list();
    }

    public boolean slugExists(String slug) {
        return jdbc.sql("SELECT count(*) FROM projects WHERE slug = ?").param(slug).query(Long.class).single() > 0;
    }

    void insert(Project p) {
        jdbc.sql("INSERT INTO projects (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(p.id(), p.slug(), p.title(), p.description(), p.legalBasis(), p.impactAssessment(),
                        p.startDate(), p.endDate(), p.status().toString(), Timestamp.from(p.createdAt()),
                        Timestamp.from(p.updatedAt()))
                .update();
    }

    void update(Project p) {
        jdbc.sql("UPDATE projects SET title = ?, description = ?, legal_basis = ?, impact_assessment = ?,"
                        + " start_date = ?, end_date = ?, updated_at = ? WHERE id = ?")
                .params(p.title(), p.description(), p.legalBasis(), p.impactAssessment(), p.startDate(),
                        p.endDate(), Timestamp.from(p.updatedAt()), p.id())
                .update();
    }

    /**
     * Compare-and-set, so that two replicas or two admins never apply the same transition twice. The archive
     * transition also sets {@code archived_at}, where the namespace's retention starts.
     */
    boolean updateStatus(UUID id, ProjectStatus from, ProjectStatus to, Timestamp at) {
        return jdbc.sql("UPDATE projects SET status = ?, updated_at = ?,"
                        + " archived_at = CASE WHEN ? THEN ? ELSE archived_at END WHERE id = ? AND status = ?")
                .params(to.toString(), at, to == ProjectStatus.ARCHIVED, at, id, from.toString()).update() == 1;
    }

    List<Project> findActiveEndedBefore(LocalDate day) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM projects WHERE status = 'active' AND end_date < ?")
                .param(day).query(ProjectRepository::map).list();
    }

    private static Project map(ResultSet rs, int row) throws SQLException {
        return new Project(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getObject(7, LocalDate.class), rs.getObject(8, LocalDate.class),
                ProjectStatus.parse(rs.getString(9)), rs.getTimestamp(10).toInstant(), rs.getTimestamp(11).toInstant());
    }
}
