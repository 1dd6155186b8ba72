package eu.enclave.orchestrator.membership;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Memberships in PostgreSQL, read together with the member's name from the user directory. */
@Repository
public class MembershipRepository {

    private static final String SELECT = "SELECT m.project_id, m.user_id, u.username, u.display_name, u.email,"
            + " m.role, m.start_date, m.end_date, m.added_by, m.added_at"
            + " FROM memberships m JOIN platform.users u ON u.id = m.user_id";

    private final JdbcClient jdbc;

    MembershipRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Membership> findByProject(UUID projectId) {
        return jdbc.sql(SELECT + " WHERE m.project_id = ? ORDER BY m.role, u.username").param(projectId)
                .query(MembershipRepository::map).list();
    }

    public Optional<Membership> find(UUID projectId, UUID userId) {
        return jdbc.sql(SELECT + " WHERE m.project_id = ? AND m.user_id = ?").params(projectId, userId)
                .query(MembershipRepository::map).optional();
    }

    /** Roles the user holds in the project through memberships current on {@code day}. */
    public Set<ProjectRole> activeRoles(UUID projectId, UUID userId, LocalDate day) {
        Set<ProjectRole> roles = EnumSet.noneOf(ProjectRole.class);
        jdbc.sql("SELECT role FROM memberships WHERE project_id = ? AND user_id = ? AND start_date <= ?"
                        + " AND (end_date IS NULL OR end_date >= ?)")
                .params(projectId, userId, day, day)
                .query(String.class).list().forEach(r -> roles.add(ProjectRole.parse(r)));
        return roles;
    }

    /** The user's roles in every project where a membership is current on {@code day}, in one query. */
    public Map<UUID, Set<ProjectRole>> activeRolesByProject(UUID userId, LocalDate day) {
        Map<UUID, Set<ProjectRole>> roles = new HashMap<>();
        jdbc.sql("SELECT project_id, role FROM memberships WHERE user_id = ? AND start_date <= ?"
                        + " AND (end_date IS NULL OR end_date >= ?)")
                .params(userId, day, day)
                .query(rs -> {
                    roles.computeIfAbsent(rs.getObject(1, UUID.class), id -> EnumSet.noneOf(ProjectRole.class))
                            .add(ProjectRole.parse(rs.getString(2)));
                });
        return roles;
    }

    void insert(UUID projectId, UUID userId, ProjectRole role, LocalDate start, LocalDate end, String addedBy,
                Timestamp at) {
        jdbc.sql("INSERT INTO memberships (project_id, user_id, role, start_date, end_date, added_by, added_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(projectId, userId, role.toString(), start, end, addedBy, at).update();
    }

    boolean delete(UUID projectId, UUID userId) {
        return jdbc.sql("DELETE FROM memberships WHERE project_id = ? AND user_id = ?").params(projectId, userId)
                .update() == 1;
    }

    /** Marks memberships that ended before {@code day} as recorded, returning them (once each, ever). */
    List<Expired> claimExpired(LocalDate day) {
        return jdbc.sql("""
                UPDATE memberships m SET expiry_recorded = TRUE
                FROM projects p, platform.users u
                WHERE p.id = m.project_id AND u.id = m.user_id AND NOT m.expiry_recorded AND m.end_date < ?
                RETURNING p.slug, u.id, u.username, m.role, m.end_date""")
                .param(day)
                .query((rs, row) -> new Expired(rs.getString(1), rs.getObject(2, UUID.class), rs.getString(3),
                        ProjectRole.parse(rs.getString(4)), rs.getObject(5, LocalDate.class)))
                .list();
    }

    record Expired(String projectSlug, UUID userId, String username, ProjectRole role, LocalDate endDate) {
    }

    private static Membership map(ResultSet rs, int row) throws SQLException {
        return new Membership(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                rs.getString(4), rs.getString(5), ProjectRole.parse(rs.getString(6)),
                rs.getObject(7, LocalDate.class), rs.getObject(8, LocalDate.class), rs.getString(9),
                rs.getTimestamp(10).toInstant());
    }
}
