package eu.enclave.orchestrator.secret.web;

import eu.enclave.orchestrator.secret.ProjectSecretsService;
import eu.enclave.platform.identity.CurrentUser;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/projects/{slug}/secrets}: the project's secret paths and leases (admins; never values). */
@RestController
class ProjectSecretsApiController {

    private final ProjectSecretsService secrets;

    ProjectSecretsApiController(ProjectSecretsService secrets) {
        this.secrets = secrets;
    }

    @GetMapping(path = "/api/v1/projects/{slug}/secrets", produces = MediaType.APPLICATION_JSON_VALUE)
    ProjectSecretsService.View secrets(CurrentUser user, @PathVariable String slug) {
        return secrets.view(user, slug);
    }
}
