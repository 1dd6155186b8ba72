package eu.enclave.orchestrator.project.web;

import eu.enclave.orchestrator.access.AccessPolicy;
import eu.enclave.orchestrator.membership.ProjectRole;
import eu.enclave.orchestrator.project.Project;
import eu.enclave.orchestrator.project.ProjectChanges;
import eu.enclave.orchestrator.project.ProjectDraft;
import eu.enclave.orchestrator.project.ProjectService;
import eu.enclave.orchestrator.project.ProjectStatus;
import eu.enclave.orchestrator.project.ProjectTransitions;
import eu.enclave.platform.identity.CurrentUser;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/projects}: list, create, read, edit and change the status of projects. */
@RestController
@RequestMapping(path = "/api/v1/projects", produces = MediaType.APPLICATION_JSON_VALUE)
class ProjectApiController {

    private final ProjectService projects;
    private final AccessPolicy policy;

    ProjectApiController(ProjectService projects, AccessPolicy policy) {
        this.projects = projects;
        this.policy = policy;
    }

    /** Two queries whatever the number of projects: the visible projects, and the caller's roles in them. */
    @GetMapping
    List<ProjectView> list(CurrentUser user) {
        Map<UUID, Set<ProjectRole>> roles = policy.rolesByProject(user);
        return projects.visibleTo(user).stream()
                .map(p -> view(user, p, roles.getOrDefault(p.id(), Set.of())))
                .toList();
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ProjectView> create(CurrentUser user, @Valid @RequestBody ProjectDraft draft) {
        Project project = projects.create(user, draft);
        return ResponseEntity.created(URI.create("/api/v1/projects/" + project.slug())).body(view(user, project));
    }

    @GetMapping("/{slug}")
    ProjectView get(CurrentUser user, @PathVariable String slug) {
        return view(user, projects.get(user, slug));
    }

    @PatchMapping(path = "/{slug}", consumes = {MediaType.APPLICATION_JSON_VALUE, "application/merge-patch+json"})
    ProjectView update(CurrentUser user, @PathVariable String slug, @Valid @RequestBody ProjectChanges changes) {
        return view(user, projects.update(user, slug, changes));
    }

    @PostMapping(path = "/{slug}/status", consumes = MediaType.APPLICATION_JSON_VALUE)
    ProjectView changeStatus(CurrentUser user, @PathVariable String slug, @Valid @RequestBody StatusChange change) {
        return view(user, projects.changeStatus(user, slug, change.status(), change.reason()));
    }

    private ProjectView view(CurrentUser user, Project project) {
        return view(user, project, policy.rolesIn(user, project));
    }

    private ProjectView view(CurrentUser user, Project project, Set<ProjectRole> roles) {
        Set<ProjectStatus> transitions = policy.canChangeStatus(user, project)
                ? ProjectTransitions.targets(project.status(), ProjectTransitions.By.ADMIN)
                : EnumSet.noneOf(ProjectStatus.class);
        return ProjectView.of(project, roles, transitions);
    }
}
