package eu.enclave.orchestrator.workspace;

import eu.enclave.orchestrator.access.AccessPolicy;
import eu.enclave.orchestrator.cluster.ClusterSpecSource;
import eu.enclave.orchestrator.project.Project;
import eu.enclave.orchestrator.project.ProjectService;
import eu.enclave.orchestrator.project.ProjectStatus;
import eu.enclave.orchestrator.secret.DatabaseCredentials;
import eu.enclave.orchestrator.secret.WorkspaceCredentials;
import eu.enclave.orchestrator.workspace.WorkspaceTransitions.By;
import eu.enclave.orchestrator.workspace.WorkspaceTransitions.Transition;
import eu.enclave.platform.audit.AuditEvent;
import eu.enclave.platform.audit.AuditTrail;
import eu.enclave.platform.identity.CurrentUser;
import eu.enclave.platform.web.ApiException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creating, starting, stopping and deleting workspaces, and the platform's own stops (idle, project no longer
 * active) and the cluster's observations. Every change is audited in its transaction and followed, once
 * committed, by bringing the cluster in line ({@link WorkspaceChanged}). Refusals come before any write, so a
 * refused request leaves nothing behind, on the cluster either.
 */
@Service
public class WorkspaceService {

    public static final String SYSTEM = ProjectService.SYSTEM;
    static final int MAX_REASON = 500;

    private final ProjectService projects;
    private final WorkspaceRepository workspaces;
    private final AccessPolicy policy;
    private final WorkspaceImages images;
    private final ClusterSpecSource clusterSpecs;
    private final WorkspaceSessions sessions;
    private final WorkspaceSettings settings;
    private final WorkspaceCredentials credentials;
    private final DatabaseCredentials databaseCredentials;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    WorkspaceService(ProjectService projects, WorkspaceRepository workspaces, AccessPolicy policy,
                     WorkspaceImages images, ClusterSpecSource clusterSpecs, WorkspaceSessions sessions,
                     WorkspaceSettings settings, WorkspaceCredentials credentials,
                     DatabaseCredentials databaseCredentials, AuditTrail audit, ApplicationEventPublisher events, Clock clock) {
        this.projects = projects;
        this.workspaces = workspaces;
        this.policy = policy;
        this.images = images;
        this.clusterSpecs = clusterSpecs;
        this.sessions = sessions;
        this.settings = settings;
        this.credentials = credentials;
        this.databaseCredentials = databaseCredentials;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** The user's own workspaces, or all of the project's for its PI and admins. */
    @Transactional(readOnly = true)
    public List<Workspace> list(CurrentUser user, String slug) {
        Project project = projects.get(user, slug);
        return policy.canSeeAllWorkspaces(user, project) ? workspaces.findByProject(project.id())
                : workspaces.findByProjectAndOwner(project.id(), user.id());
    }

    @Transactional(readOnly = true)
    public Workspace get(CurrentUser user, String slug, String name) {
        Project project = projects.get(user, slug);
        return visible(user, project, name, workspaces.find(project.id(), name));
    }

    /** The templates the user may choose from in this project. */
    @Transactional(readOnly = true)
    public List<WorkspaceImage> templates(CurrentUser user, String slug) {
        return images.allowedFor(projects.get(user, slug).id());
    }

    @Transactional
    public Workspace create(CurrentUser user, String slug, NewWorkspace request) {
        Project project = projects.get(user, slug);
        policy.checkCanCreateWorkspace(user, project);
        checkActive(project);
        String name = WorkspaceRules.name(request.name());
        WorkspaceImage image = allowedImage(project, request.template());
        WorkspaceSize size = WorkspaceRules.size(request.size(), image);
        workspaces.lockProject(project.id());
        if (workspaces.find(project.id(), name).isPresent()) {
            throw nameTaken(name);
        }
        checkQuota(project, null, size);
        Instant now = now();
        Workspace workspace = new Workspace(UUID.randomUUID(), project.id(), project.slug(), name, user.id(),
                user.username(), image.id(), size, WorkspaceTransitions.INITIAL, "", now, now, now);
        try {
            workspaces.insert(workspace);
        } catch (DuplicateKeyException raced) {
            throw nameTaken(name);
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("template", image.id());
        details.put("cpu", size.cpu());
        details.put("memory", size.memory());
        details.put("gpus", size.gpus());
        audit.record(new AuditEvent(user.username(), "workspace.created", slug, workspace.target(), details));
        events.publishEvent(new WorkspaceChanged(project.id(), slug, name, true, false));
        return workspace;
    }

    @Transactional
    public Workspace start(CurrentUser user, String slug, String name) {
        Project project = projects.get(user, slug);
        Workspace workspace = visible(user, project, name, workspaces.lock(project.id(), name));
        policy.checkCanUseWorkspace(user, project, workspace.ownerId(), name);
        checkActive(project);
        Transition transition = WorkspaceTransitions.find(workspace.status(), WorkspaceStatus.PENDING, By.PERSON)
                .orElseThrow(() -> cannotMove(workspace, "started"));
        workspaces.lockProject(project.id());
        checkQuota(project, workspace.id(), workspace.size());
        return move(workspace, transition, user.username(), "").orElseThrow(() -> changedMeanwhile());
    }

    @Transactional
    public Workspace stop(CurrentUser user, String slug, String name) {
        Project project = projects.get(user, slug);
        Workspace workspace = visible(user, project, name, workspaces.lock(project.id(), name));
        policy.checkCanStopWorkspace(user, project, workspace.ownerId(), name);
        Transition transition = WorkspaceTransitions.find(workspace.status(), WorkspaceStatus.STOPPING, By.PERSON)
                .orElseThrow(() -> cannotMove(workspace, "stopped"));
        String reason = user.id().equals(workspace.ownerId()) ? "" : "stopped by " + user.username();
        return move(workspace, transition, user.username(), reason).orElseThrow(() -> changedMeanwhile());
    }

    /**
     * Removes the workspace, its objects on the cluster, its desktop password in the secret store (all versions)
     * and any database lease left; the owner's home volume stays.
     */
    @Transactional
    public void delete(CurrentUser user, String slug, String name) {
        Project project = projects.get(user, slug);
        Workspace workspace = visible(user, project, name, workspaces.lock(project.id(), name));
        policy.checkCanUseWorkspace(user, project, workspace.ownerId(), name);
        if (!WorkspaceTransitions.DELETABLE.contains(workspace.status())) {
            throw ApiException.conflict("status", "A " + workspace.status() + " workspace cannot be deleted; stop it"
                    + " first.");
        }
        // the secret store first: when it is unavailable (503), the workspace stays and a retry finishes the job
        databaseCredentials.revokeWorkspace(slug, name);
        credentials.destroy(slug, name);
        workspaces.delete(workspace.id());
        audit.record(new AuditEvent(user.username(), "workspace.deleted", slug, workspace.target(),
                Map.of("status", workspace.status().toString(), "homeVolumeKept", true)));
        events.publishEvent(new WorkspaceChanged(project.id(), slug, name, false, true));
    }

    /** Stops every running workspace without an open desktop session for the idle timeout. */
    @Transactional
    public List<Workspace> stopIdle() {
        Instant cutoff = clock.instant().minus(settings.idleTimeout());
        Set<UUID> inUse = sessions.workspacesInUse();
        return workspaces.findWantingToRun().stream()
                .filter(w -> !inUse.contains(w.id()) && !w.activeSince().isAfter(cutoff))
                .flatMap(w -> systemStop(w, "idle").stream())
                .toList();
    }

    /** Stops all of a project's workspaces, in a transaction of its own (it runs after another's commit). */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public List<Workspace> stopAllOf(UUID projectId, String reason) {
        return workspaces.findByProject(projectId).stream()
                .flatMap(w -> systemStop(w, reason).stream())
                .toList();
    }

    /** Stops the named running workspaces of a project, in a transaction of its own (it runs after another's commit). */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public List<Workspace> stopThose(UUID projectId, Collection<String> names, String reason) {
        return names.stream().flatMap(name -> workspaces.find(projectId, name).stream())
                .flatMap(w -> systemStop(w, reason).stream())
                .toList();
    }

    /**
     * What the cluster shows of a workspace, applied when the transition table allows it from the stored status
     * and ignored otherwise (a stale event, or one for a workspace already deleted).
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public Optional<Workspace> observe(UUID projectId, String name, WorkspaceStatus observed, String reason) {
        return workspaces.lock(projectId, name)
                .filter(w -> w.status() != observed || !w.reason().equals(reasonOf(observed, reason, w)))
                .flatMap(w -> WorkspaceTransitions.find(w.status(), observed, By.CLUSTER)
                        .flatMap(t -> move(w, t, SYSTEM, reasonOf(observed, reason, w))));
    }

    private static String reasonOf(WorkspaceStatus observed, String reason, Workspace current) {
        if (observed == WorkspaceStatus.FAILED) {
            String text = reason == null || reason.isBlank() ? "failed on the cluster" : reason.strip();
            return text.length() > MAX_REASON ? text.substring(0, MAX_REASON) : text;
        }
        // a platform stop's reason stays visible once the workspace has stopped
        return observed == WorkspaceStatus.STOPPED ? current.reason() : "";
    }

    private Optional<Workspace> systemStop(Workspace workspace, String reason) {
        return workspaces.lock(workspace.projectId(), workspace.name())
                .flatMap(w -> WorkspaceTransitions.find(w.status(), WorkspaceStatus.STOPPING, By.SYSTEM)
                        .flatMap(t -> move(w, t, SYSTEM, reason)));
    }

    private Optional<Workspace> move(Workspace workspace, Transition transition, String actor, String reason) {
        Workspace moved = workspace.withStatus(transition.to(), reason, now());
        if (!workspaces.updateStatus(moved, transition.from())) {
            return Optional.empty();
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("from", transition.from().toString());
        details.put("to", transition.to().toString());
        details.put("reason", reason);
        audit.record(new AuditEvent(actor, transition.auditAction(), workspace.slug(), workspace.target(), details));
        if (transition.to() == WorkspaceStatus.PENDING || transition.to() == WorkspaceStatus.STOPPING) {
            events.publishEvent(new WorkspaceChanged(workspace.projectId(), workspace.slug(), workspace.name(),
                    transition.to() == WorkspaceStatus.PENDING, false));
        }
        return Optional.of(moved);
    }

    private Workspace visible(CurrentUser user, Project project, String name, Optional<Workspace> found) {
        Workspace workspace = found.orElseThrow(() -> AccessPolicy.noSuchWorkspace(name));
        policy.checkCanSeeWorkspace(user, project, workspace.ownerId(), name);
        return workspace;
    }

    private WorkspaceImage allowedImage(Project project, String template) {
        if (template == null || template.isBlank()) {
            throw ApiException.invalid("template", "is required");
        }
        Optional<WorkspaceImage> image = images.find(template);
        if (image.isEmpty() || !images.isAllowed(project.id(), template)) {
            throw ApiException.invalid("template", "is not a template this project may use; it may use: "
                    + images.allowedFor(project.id()).stream().map(WorkspaceImage::id).toList());
        }
        return image.get();
    }

    /** @param except the workspace being started, not counted among the others */
    private void checkQuota(Project project, UUID except, WorkspaceSize size) {
        List<WorkspaceSize> others = workspaces.findByProject(project.id()).stream()
                .filter(w -> w.wantsToRun() && !w.id().equals(except)).map(Workspace::size).toList();
        WorkspaceRules.checkQuota(clusterSpecs.specOf(project).quota(), others, size);
    }

    private static void checkActive(Project project) {
        if (project.status() != ProjectStatus.ACTIVE) {
            throw ApiException.conflict("status", "The project is " + project.status()
                    + "; workspaces run only in an active project.");
        }
    }

    private static ApiException cannotMove(Workspace workspace, String verb) {
        return ApiException.conflict("status", "A " + workspace.status() + " workspace cannot be " + verb + ".");
    }

    private static ApiException changedMeanwhile() {
        return ApiException.conflict("status", "The workspace's status changed meanwhile; reload and retry.");
    }

    private static ApiException nameTaken(String name) {
        return ApiException.conflict("name", "The project already has a workspace named '" + name + "'.");
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
