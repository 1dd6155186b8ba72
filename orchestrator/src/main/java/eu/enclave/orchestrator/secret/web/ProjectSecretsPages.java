package eu.enclave.orchestrator.secret.web;

import eu.enclave.orchestrator.portal.PortalController;
import eu.enclave.orchestrator.secret.ProjectSecretsService;
import eu.enclave.platform.identity.CurrentUser;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The admins' page of a project's secrets. When Vault is sealed or unreachable, the portal's error page shows
 * 503 with the reason ({@code PageErrors}), rather than an empty list that would look like "no secrets".
 */
@PortalController
class ProjectSecretsPages {

    private final ProjectSecretsService secrets;

    ProjectSecretsPages(ProjectSecretsService secrets) {
        this.secrets = secrets;
    }

    @GetMapping("/projects/{slug}/secrets")
    String secrets(CurrentUser user, @PathVariable String slug, Model model) {
        model.addAttribute("secrets", secrets.view(user, slug));
        return "secrets/project";
    }
}
