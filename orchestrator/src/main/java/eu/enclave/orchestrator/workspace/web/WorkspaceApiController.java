package eu.enclave.orchestrator.workspace.web;

import eu.enclave.orchestrator.workspace.NewWorkspace;
import eu.enclave.orchestrator.workspace.Workspace;
import eu.enclave.orchestrator.workspace.WorkspaceService;
import eu.enclave.platform.identity.CurrentUser;
import java.net.URI;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/projects/{slug}/workspaces}: list, create, read, start, stop and delete workspaces. */
@RestController
@RequestMapping(path = "/api/v1/projects/{slug}/workspaces", produces = MediaType.APPLICATION_JSON_VALUE)
class WorkspaceApiController {

    private final WorkspaceService workspaces;

    WorkspaceApiController(WorkspaceService workspaces) {
        this.workspaces = workspaces;
    }

    @GetMapping
    List<WorkspaceView> list(CurrentUser user, @PathVariable String slug) {
        return workspaces.list(user, slug).stream().map(WorkspaceView::of).toList();
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<WorkspaceView> create(CurrentUser user, @PathVariable String slug,
                                         @RequestBody NewWorkspace request) {
        Workspace workspace = workspaces.create(user, slug, request);
        return ResponseEntity.created(URI.create("/api/v1/projects/" + slug + "/workspaces/" + workspace.name()))
                .body(WorkspaceView.of(workspace));
    }

    @GetMapping("/{name}")
    WorkspaceView get(CurrentUser user, @PathVariable String slug, @PathVariable String name) {
        return WorkspaceView.of(workspaces.get(user, slug, name));
    }

    @PostMapping("/{name}/start")
    WorkspaceView start(CurrentUser user, @PathVariable String slug, @PathVariable String name) {
        return WorkspaceView.of(workspaces.start(user, slug, name));
    }

    @PostMapping("/{name}/stop")
    WorkspaceView stop(CurrentUser user, @PathVariable String slug, @PathVariable String name) {
        return WorkspaceView.of(workspaces.stop(user, slug, name));
    }

    @DeleteMapping("/{name}")
    ResponseEntity<Void> delete(CurrentUser user, @PathVariable String slug, @PathVariable String name) {
        workspaces.delete(user, slug, name);
        return ResponseEntity.noContent().build();
    }
}
