package eu.enclave.orchestrator.cluster.web;

import eu.enclave.orchestrator.cluster.status.ClusterStatusService;
import eu.enclave.platform.identity.CurrentUser;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/projects/{slug}/cluster}: the project's namespace, its reconcile status and objects. */
@RestController
class ClusterStatusApiController {

    private final ClusterStatusService statuses;

    ClusterStatusApiController(ClusterStatusService statuses) {
        this.statuses = statuses;
    }

    @GetMapping(path = "/api/v1/projects/{slug}/cluster", produces = MediaType.APPLICATION_JSON_VALUE)
    ClusterStatusService.View status(CurrentUser user, @PathVariable String slug) {
        return statuses.status(user, slug);
    }
}
