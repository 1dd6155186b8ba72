package eu.enclave.orchestrator.secret;

import eu.enclave.orchestrator.access.AccessPolicy;
import eu.enclave.orchestrator.project.Project;
import eu.enclave.orchestrator.project.ProjectService;
import eu.enclave.orchestrator.project.ProjectStatus;
import eu.enclave.platform.audit.AuditEvent;
import eu.enclave.platform.audit.AuditTrail;
import eu.enclave.platform.identity.CurrentUser;
import eu.enclave.platform.web.ApiException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which data-warehouse role (of {@code enclave.vault.database.roles}) a project's workspaces lease credentials for
 * at each start. Admins link or unlink it; {@link #roleOf} is for the platform's own use (workspace starts).
 */
@Service
public class ProjectDatabaseRoles {

    private final ProjectDatabaseRoleRepository stored;
    private final ProjectService projects;
    private final AccessPolicy policy;
    private final AuditTrail audit;
    private final List<String> roles;
    private final Clock clock;

    ProjectDatabaseRoles(ProjectDatabaseRoleRepository stored, ProjectService projects, AccessPolicy policy,
                         AuditTrail audit, VaultSettings settings, Clock clock) {
        this.stored = stored;
        this.projects = projects;
        this.policy = policy;
        this.audit = audit;
        this.roles = List.copyOf(settings.database().roles());
        this.clock = clock;
    }

    /** The linked role, if any; not access-checked. */
    public Optional<String> roleOf(UUID projectId) {
        return stored.find(projectId);
    }

    /** The link as the API shows it: {@code {"role": ...}} (null when none). */
    public record View(String role) {
    }

    /** Links the role ({@code null} unlinks); audited as {@code project.database_role_changed} when it changes. */
    @Transactional
    public View link(CurrentUser user, String slug, DatabaseRoleInput input) {
        Project project = projects.get(user, slug);
        policy.checkCanLinkDatabaseRole(user, project);
        if (ProjectStatus.parse(stored.lockProject(project.id())) == ProjectStatus.ARCHIVED) {
            throw ApiException.conflict("status", "An archived project's database role cannot be changed.");
        }
        String role = input == null ? null : input.role();
        if (role != null && !roles.contains(role)) {
            throw ApiException.invalid("role", "is not a configured database role (enclave.vault.database.roles: "
                    + roles + ")");
        }
        String before = stored.find(project.id()).orElse(null);
        if (Objects.equals(before, role)) {
            return new View(role);
        }
        if (role == null) {
            stored.unlink(project.id());
        } else {
            stored.link(project.id(), role, user.username(),
                    Timestamp.from(clock.instant().truncatedTo(ChronoUnit.MICROS)));
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("before", before == null ? "" : before);
        details.put("after", role == null ? "" : role);
        audit.record(new AuditEvent(user.username(), "project.database_role_changed", slug, "project:" + slug,
                details));
        return new View(role);
    }
}
