package eu.enclave.orchestrator.gateway.web;

import eu.enclave.orchestrator.portal.PortalController;
import eu.enclave.orchestrator.project.Project;
import eu.enclave.orchestrator.project.ProjectService;
import eu.enclave.platform.identity.CurrentUser;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A workspace's desktop, full window: the page only names the workspace; the tunnel decides whether it opens
 * (so the page itself shows for any project the user sees, and a refusal appears as the session's status).
 */
@PortalController
class DesktopPages {

    private final ProjectService projects;

    DesktopPages(ProjectService projects) {
        this.projects = projects;
    }

    @GetMapping("/projects/{slug}/workspaces/{name}/desktop")
    String desktop(CurrentUser user, @PathVariable String slug, @PathVariable String name, Model model) {
        Project project = projects.get(user, slug);
        model.addAttribute("project", project);
        model.addAttribute("workspace", name);
        model.addAttribute("watermarkName", user.displayName() == null ? user.username() : user.displayName());
        return "desktop/desktop";
    }
}
