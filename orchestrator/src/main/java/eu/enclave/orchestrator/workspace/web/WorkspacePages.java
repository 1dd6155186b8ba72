package eu.enclave.orchestrator.workspace.web;

import eu.enclave.orchestrator.access.AccessPolicy;
import eu.enclave.orchestrator.portal.FormErrors;
import eu.enclave.orchestrator.portal.Notice;
import eu.enclave.orchestrator.portal.PortalController;
import eu.enclave.orchestrator.project.Project;
import eu.enclave.orchestrator.project.ProjectService;
import eu.enclave.orchestrator.project.ProjectStatus;
import eu.enclave.orchestrator.workspace.WorkspaceService;
import eu.enclave.orchestrator.workspace.WorkspaceStatus;
import eu.enclave.platform.identity.CurrentUser;
import eu.enclave.platform.web.ApiException;
import java.util.Arrays;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A project's workspaces page: the creation form, the list with start, stop and delete buttons, and a small JSON
 * endpoint that the page polls so that statuses change without a reload. Everything goes through
 * {@link WorkspaceService}, which checks the policy.
 */
@PortalController
class WorkspacePages {

    private static final String PAGE = "redirect:/projects/{slug}/workspaces";

    private final WorkspaceService workspaces;
    private final ProjectService projects;
    private final AccessPolicy policy;

    WorkspacePages(WorkspaceService workspaces, ProjectService projects, AccessPolicy policy) {
        this.workspaces = workspaces;
        this.projects = projects;
        this.policy = policy;
    }

    @GetMapping("/projects/{slug}/workspaces")
    String page(CurrentUser user, @PathVariable String slug, Model model) {
        Project project = projects.get(user, slug);
        model.addAttribute("project", project);
        model.addAttribute("workspaces", views(user, slug));
        model.addAttribute("templates", workspaces.templates(user, slug));
        model.addAttribute("canCreate", policy.canCreateWorkspace(user, project)
                && project.status() == ProjectStatus.ACTIVE);
        model.addAttribute("statuses", Arrays.stream(WorkspaceStatus.values()).map(WorkspaceStatus::toString).toList());
        if (!model.containsAttribute("workspaceForm")) {
            model.addAttribute("workspaceForm", new WorkspaceForm("", "", "", "", null));
        }
        return "workspaces/list";
    }

    /** What the page polls: the same views as the API, never more. */
    @GetMapping(path = "/projects/{slug}/workspaces/status", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    List<WorkspaceView> status(CurrentUser user, @PathVariable String slug) {
        return views(user, slug);
    }

    @PostMapping("/projects/{slug}/workspaces")
    String create(CurrentUser user, @PathVariable String slug, @ModelAttribute WorkspaceForm form,
                  RedirectAttributes redirect) {
        try {
            String name = workspaces.create(user, slug, form.toRequest()).name();
            redirect.addFlashAttribute(Notice.FLASH, Notice.success("workspaces.created", name));
        } catch (ApiException e) {
            if (!FormErrors.isFixable(e)) {
                throw e;
            }
            redirect.addFlashAttribute("workspaceForm", form);
            redirect.addFlashAttribute(Notice.FLASH, Notice.error("workspaces.create.failed", e.getMessage()));
        }
        return PAGE;
    }

    @PostMapping("/projects/{slug}/workspaces/{name}/start")
    String start(CurrentUser user, @PathVariable String slug, @PathVariable String name, RedirectAttributes redirect) {
        return act(redirect, "workspaces.started", name, () -> workspaces.start(user, slug, name));
    }

    @PostMapping("/projects/{slug}/workspaces/{name}/stop")
    String stop(CurrentUser user, @PathVariable String slug, @PathVariable String name, RedirectAttributes redirect) {
        return act(redirect, "workspaces.stopped", name, () -> workspaces.stop(user, slug, name));
    }

    @PostMapping("/projects/{slug}/workspaces/{name}/delete")
    String delete(CurrentUser user, @PathVariable String slug, @PathVariable String name, RedirectAttributes redirect) {
        return act(redirect, "workspaces.deleted", name, () -> workspaces.delete(user, slug, name));
    }

    private String act(RedirectAttributes redirect, String done, String name, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute(Notice.FLASH, Notice.success(done, name));
        } catch (ApiException e) {
            if (!FormErrors.isFixable(e)) {
                throw e;
            }
            redirect.addFlashAttribute(Notice.FLASH, Notice.error("workspaces.action.failed", e.getMessage()));
        }
        return PAGE;
    }

    private List<WorkspaceView> views(CurrentUser user, String slug) {
        return workspaces.list(user, slug).stream().map(WorkspaceView::of).toList();
    }
}
