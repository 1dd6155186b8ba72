package eu.enclave.orchestrator.secret.web;

import eu.enclave.orchestrator.secret.DatabaseRoleInput;
import eu.enclave.orchestrator.secret.ProjectDatabaseRoles;
import eu.enclave.platform.identity.CurrentUser;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code PUT /api/v1/projects/{slug}/database-role}: links a project to a data-warehouse role (admins). */
@RestController
class DatabaseRoleApiController {

    private final ProjectDatabaseRoles roles;

    DatabaseRoleApiController(ProjectDatabaseRoles roles) {
        this.roles = roles;
    }

    @PutMapping(path = "/api/v1/projects/{slug}/database-role", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ProjectDatabaseRoles.View link(CurrentUser user, @PathVariable String slug, @RequestBody DatabaseRoleInput input) {
        return roles.link(user, slug, input);
    }
}
