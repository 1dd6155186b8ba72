package eu.enclave.orchestrator.cluster.retention.web;

import eu.enclave.orchestrator.cluster.retention.ProjectDeletion;
import eu.enclave.orchestrator.cluster.retention.ProjectDeletionService;
import eu.enclave.platform.identity.CurrentUser;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/projects/{slug}/deletion}: the proof of deletion of an archived project's namespace. */
@RestController
class ProjectDeletionApiController {

    private final ProjectDeletionService deletions;

    ProjectDeletionApiController(ProjectDeletionService deletions) {
        this.deletions = deletions;
    }

    @GetMapping(path = "/api/v1/projects/{slug}/deletion", produces = MediaType.APPLICATION_JSON_VALUE)
    ProjectDeletion deletion(CurrentUser user, @PathVariable String slug) {
        return deletions.deletion(user, slug);
    }
}
