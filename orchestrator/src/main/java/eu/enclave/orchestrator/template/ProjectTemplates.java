package eu.enclave.orchestrator.template;

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
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which workspace templates each project may use. {@link #isAllowed} and {@link #allowed} are for other features
 * (workspaces), which have already checked who is asking; the methods taking a {@link CurrentUser} check it
 * themselves. A stored id that the catalogue no longer holds allows nothing. Refusals come in a fixed order:
 * unknown or invisible project (404), not an admin (403), archived (409), invalid list (400).
 */
@Service
public class ProjectTemplates {

    private final TemplateCatalogue catalogue;
    private final ProjectTemplatesRepository stored;
    private final ProjectService projects;
    private final AccessPolicy policy;
    private final AuditTrail audit;
    private final Clock clock;

    ProjectTemplates(TemplateCatalogue catalogue, ProjectTemplatesRepository stored, ProjectService projects,
                     AccessPolicy policy, AuditTrail audit, Clock clock) {
        this.catalogue = catalogue;
        this.stored = stored;
        this.projects = projects;
        this.policy = policy;
        this.audit = audit;
        this.clock = clock;
    }

    /** Whether a workspace of the project may run this template: allowed by an admin and in the catalogue. */
    public boolean isAllowed(UUID projectId, String templateId) {
        return catalogue.contains(templateId) && stored.exists(projectId, templateId);
    }

    /** The templates the project may use, by id. */
    public List<WorkspaceTemplate> allowed(UUID projectId) {
        return stored.findIds(projectId).stream().flatMap(id -> catalogue.find(id).stream()).toList();
    }

    @Transactional(readOnly = true)
    public List<WorkspaceTemplate> allowedFor(CurrentUser user, String slug) {
        Project project = projects.get(user, slug);
        policy.checkCanReadProjectTemplates(user, project);
        return allowed(project.id());
    }

    /**
     * What the project page shows.
     *
     * @param catalogue every template, for the admin's choice
     * @param editable  whether the user may change the choice now (an admin, and the project not archived)
     */
    public record Section(List<WorkspaceTemplate> allowed, List<WorkspaceTemplate> catalogue, boolean editable) {

        public boolean isAllowed(WorkspaceTemplate template) {
            return allowed.contains(template);
        }
    }

    /** The section, or empty when the user may not read it. */
    @Transactional(readOnly = true)
    public Optional<Section> section(CurrentUser user, Project project) {
        if (!policy.canReadProjectTemplates(user, project)) {
            return Optional.empty();
        }
        return Optional.of(new Section(allowed(project.id()), catalogue.all(),
                policy.canEditProjectTemplates(user, project) && project.status() != ProjectStatus.ARCHIVED));
    }

    /** Replaces the project's list; audited as {@code project.templates_changed} when it changes anything. */
    @Transactional
    public List<WorkspaceTemplate> replace(CurrentUser user, String slug, AllowedTemplatesInput input) {
        Project project = projects.get(user, slug);
        policy.checkCanEditProjectTemplates(user, project);
        if (ProjectStatus.parse(stored.lockProject(project.id())) == ProjectStatus.ARCHIVED) {
            throw ApiException.conflict("status", "An archived project's templates cannot be changed.");
        }
        List<String> next = AllowedTemplatesRules.check(input, catalogue);
        List<String> before = stored.findIds(project.id());
        if (!before.equals(next)) {
            stored.replace(project.id(), next, user.username(),
                    Timestamp.from(clock.instant().truncatedTo(ChronoUnit.MICROS)));
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("before", before);
            details.put("after", next);
            audit.record(new AuditEvent(user.username(), "project.templates_changed", slug, "project:" + slug,
                    details));
        }
        return allowed(project.id());
    }
}
