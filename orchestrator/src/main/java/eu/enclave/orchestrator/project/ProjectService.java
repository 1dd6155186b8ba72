package eu.enclave.orchestrator.project;

import eu.enclave.orchestrator.access.AccessPolicy;
import eu.enclave.orchestrator.membership.MembershipService;
import eu.enclave.orchestrator.membership.ProjectRole;
import eu.enclave.orchestrator.project.ProjectTransitions.By;
import eu.enclave.orchestrator.project.ProjectTransitions.Transition;
import eu.enclave.platform.audit.AuditEvent;
import eu.enclave.platform.audit.AuditTrail;
import eu.enclave.platform.identity.CurrentUser;
import eu.enclave.platform.web.ApiException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creating, reading, editing and moving projects through their life, each change audited with it. */
@Service
public class ProjectService {

    public static final String SYSTEM = "system";

    private final ProjectRepository projects;
    private final MembershipService memberships;
    private final AccessPolicy policy;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ProjectService(ProjectRepository projects, MembershipService memberships, AccessPolicy policy, AuditTrail audit,
                   ApplicationEventPublisher events, Clock clock) {
        this.projects = projects;
        this.memberships = memberships;
        this.policy = policy;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** One statement, so no transaction of its own: it would only add a round trip to every listing. */
    public List<Project> visibleTo(CurrentUser user) {
        return policy.canSeeAllProjects(user)
                ? projects.findAll()
                : projects.findWithActiveMember(user.id(), LocalDate.now(clock));
    }

    @Transactional(readOnly = true)
    public Project get(CurrentUser user, String slug) {
        Project project = projects.findBySlug(slug).orElseThrow(() -> AccessPolicy.noSuchProject(slug));
        policy.checkCanView(user, project);
        return project;
    }

    @Transactional
    public Project create(CurrentUser user, ProjectDraft draft) {
        policy.checkCanCreateProject(user);
        checkDates(draft.startDate(), draft.endDate());
        if (projects.slugExists(draft.slug())) {
            throw slugTaken(draft.slug());
        }
        CurrentUser pi = draft.principalInvestigator() == null || draft.principalInvestigator().isBlank()
                ? null : memberships.knownUser("principalInvestigator", draft.principalInvestigator());
        Instant now = now();
        Project project = new Project(UUID.randomUUID(), draft.slug(), draft.title().strip(), text(draft.description()),
                draft.legalBasis().strip(), text(draft.impactAssessment()), draft.startDate(), draft.endDate(),
                ProjectStatus.DRAFT, now, now);
        try {
            projects.insert(project);
        } catch (DuplicateKeyException raced) {
            throw slugTaken(draft.slug());
        }
        audit.record(new AuditEvent(user.username(), "project.created", project.slug(), "project:" + project.slug(),
                Map.of("title", project.title(), "legalBasis", project.legalBasis(),
                        "startDate", project.startDate().toString(), "endDate", project.endDate().toString())));
        if (pi != null) {
            memberships.addTrusted(user, project, pi, ProjectRole.PI, project.startDate(), null);
        }
        return project;
    }

    @Transactional
    public Project update(CurrentUser user, String slug, ProjectChanges changes) {
        Project current = get(user, slug);
        policy.checkCanEditProject(user, current);
        if (current.status() == ProjectStatus.ARCHIVED) {
            throw ApiException.conflict("status", "An archived project cannot be edited.");
        }
        Project updated = changes.applyTo(current, now());
        checkDates(updated.startDate(), updated.endDate());
        Map<String, Object> changed = changedFields(current, updated);
        if (changed.isEmpty()) {
            return current;
        }
        projects.update(updated);
        audit.record(new AuditEvent(user.username(), "project.updated", slug, "project:" + slug, changed));
        return updated;
    }

    @Transactional
    public Project changeStatus(CurrentUser user, String slug, ProjectStatus target, String reason) {
        Project project = get(user, slug);
        policy.checkCanChangeStatus(user, project);
        if (project.status() == target) {
            throw ApiException.conflict("status", "The project is already " + target + ".");
        }
        Transition transition = ProjectTransitions.find(project.status(), target, By.ADMIN)
                .orElseThrow(() -> ApiException.conflict("status", "A " + project.status() + " project cannot become "
                        + target + "; it can become: " + ProjectTransitions.targets(project.status(), By.ADMIN)));
        if (target == ProjectStatus.ACTIVE && project.isEndedOn(LocalDate.now(clock))) {
            throw ApiException.conflict("status", "The project ended on " + project.endDate()
                    + "; extend its end date before activating it.");
        }
        return apply(project, transition, user.username(), reason == null ? "" : reason.strip());
    }

    /** Suspends every active project whose end date has passed. Safe to run on several replicas at once. */
    @Transactional
    public List<Project> suspendEnded() {
        Transition suspend = ProjectTransitions.find(ProjectStatus.ACTIVE, ProjectStatus.SUSPENDED, By.SYSTEM)
                .orElseThrow();
        return projects.findActiveEndedBefore(LocalDate.now(clock)).stream()
                .map(p -> applyIfCurrent(p, suspend, SYSTEM, "end date " + p.endDate() + " passed"))
                .filter(p -> p != null)
                .toList();
    }

    private Project apply(Project project, Transition transition, String actor, String reason) {
        Project moved = applyIfCurrent(project, transition, actor, reason);
        if (moved == null) {
            throw ApiException.conflict("status", "The project's status changed meanwhile; reload and retry.");
        }
        return moved;
    }

    private Project applyIfCurrent(Project project, Transition transition, String actor, String reason) {
        Instant now = now();
        if (!projects.updateStatus(project.id(), transition.from(), transition.to(), Timestamp.from(now))) {
            return null;
        }
        audit.record(new AuditEvent(actor, transition.auditAction(), project.slug(), "project:" + project.slug(),
                Map.of("from", transition.from().toString(), "to", transition.to().toString(), "reason", reason)));
        events.publishEvent(new ProjectStatusChanged(project.id(), project.slug(), transition.from(), transition.to()));
        return new Project(project.id(), project.slug(), project.title(), project.description(), project.legalBasis(),
                project.impactAssessment(), project.startDate(), project.endDate(), transition.to(),
                project.createdAt(), now);
    }

    private static void checkDates(LocalDate start, LocalDate end) {
        Dates.checkSupported("startDate", start);
        Dates.checkSupported("endDate", end);
        if (end.isBefore(start)) {
            throw ApiException.invalid("endDate", "must not be before startDate (" + start + ")");
        }
    }

    private static Map<String, Object> changedFields(Project before, Project after) {
        Map<String, Object> changed = new LinkedHashMap<>();
        diff(changed, "title", before.title(), after.title());
        if (!before.description().equals(after.description())) {
            changed.put("description", "(changed)");
        }
        diff(changed, "legalBasis", before.legalBasis(), after.legalBasis());
        diff(changed, "impactAssessment", before.impactAssessment(), after.impactAssessment());
        diff(changed, "startDate", before.startDate(), after.startDate());
        diff(changed, "endDate", before.endDate(), after.endDate());
        return changed;
    }

    private static void diff(Map<String, Object> changed, String field, Object before, Object after) {
        if (!before.equals(after)) {
            changed.put(field, after.toString());
        }
    }

    private static ApiException slugTaken(String slug) {
        return ApiException.conflict("slug", "The slug '" + slug + "' is already taken.");
    }

    private static String text(String value) {
        return value == null ? "" : value.strip();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
