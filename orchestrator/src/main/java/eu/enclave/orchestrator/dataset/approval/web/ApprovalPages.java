package eu.enclave.orchestrator.dataset.approval.web;

import eu.enclave.orchestrator.access.AccessPolicy;
import eu.enclave.orchestrator.dataset.Dataset;
import eu.enclave.orchestrator.dataset.DatasetService;
import eu.enclave.orchestrator.dataset.approval.ApprovalService;
import eu.enclave.orchestrator.dataset.approval.Revocation;
import eu.enclave.orchestrator.portal.FormErrors;
import eu.enclave.orchestrator.portal.Notice;
import eu.enclave.orchestrator.portal.PortalController;
import eu.enclave.orchestrator.project.Project;
import eu.enclave.orchestrator.project.ProjectService;
import eu.enclave.orchestrator.project.ProjectStatus;
import eu.enclave.platform.identity.CurrentUser;
import eu.enclave.platform.web.ApiException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A project's datasets page: members see the current approvals, stewards and admins the whole history; stewards
 * approve and revoke there. Actions answer with a redirect to the page (post/redirect/get).
 */
@PortalController
class ApprovalPages {

    private static final String PAGE = "redirect:/projects/{slug}/datasets";
    private static final int REASON_MAX = ApprovalService.MAX_REASON;

    private final ProjectService projects;
    private final ApprovalService approvals;
    private final DatasetService datasets;
    private final AccessPolicy policy;
    private final Clock clock;

    ApprovalPages(ProjectService projects, ApprovalService approvals, DatasetService datasets, AccessPolicy policy,
                  Clock clock) {
        this.projects = projects;
        this.approvals = approvals;
        this.datasets = datasets;
        this.policy = policy;
        this.clock = clock;
    }

    @GetMapping("/projects/{slug}/datasets")
    String page(CurrentUser user, @PathVariable String slug, Model model) {
        Project project = projects.get(user, slug);
        LocalDate today = LocalDate.now(clock);
        boolean canDecide = policy.canDecideDatasetAccess(user, project) && project.status() != ProjectStatus.ARCHIVED;
        model.addAttribute("project", project);
        model.addAttribute("today", today);
        model.addAttribute("approvals", approvals.visibleApprovals(user, project).orElse(List.of()));
        model.addAttribute("history", policy.canViewApprovalHistory(user, project));
        model.addAttribute("canDecide", canDecide);
        model.addAttribute("datasets", canDecide
                ? datasets.list(user).stream().filter(d -> !d.isRetired()).map(Dataset::name).toList()
                : List.of());
        if (!model.containsAttribute(ApprovalForm.NAME)) {
            ApprovalForm form = new ApprovalForm();
            form.setStartDate(today);
            model.addAttribute(ApprovalForm.NAME, form);
        }
        return "projects/datasets";
    }

    @PostMapping("/projects/{slug}/datasets")
    String approve(CurrentUser user, @PathVariable String slug, @ModelAttribute(ApprovalForm.NAME) ApprovalForm form,
                   BindingResult result, RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                approvals.approve(user, slug, form.toInput());
                redirect.addFlashAttribute(Notice.FLASH, Notice.success("approvals.approved", form.getDataset()));
                return PAGE;
            } catch (ApiException e) {
                if (!FormErrors.isFixable(e)) {
                    throw e;
                }
                FormErrors.reject(result, e, ApprovalForm.FIELDS, Map.of());
            }
        }
        redirect.addFlashAttribute(ApprovalForm.NAME, form);
        redirect.addFlashAttribute(BindingResult.MODEL_KEY_PREFIX + ApprovalForm.NAME, result);
        redirect.addFlashAttribute(Notice.FLASH, Notice.error("approvals.approve.failed", null));
        return PAGE + "#approve";
    }

    @PostMapping("/projects/{slug}/datasets/{id}/revoke")
    String revoke(CurrentUser user, @PathVariable String slug, @PathVariable UUID id,
                  @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        if (reason != null && reason.length() > REASON_MAX) {
            redirect.addFlashAttribute(Notice.FLASH, Notice.error("approvals.revoke.failed",
                    "reason: must be at most " + REASON_MAX + " characters"));
            return PAGE;
        }
        try {
            approvals.revoke(user, slug, id, new Revocation(reason));
            redirect.addFlashAttribute(Notice.FLASH, Notice.success("approvals.revoked"));
        } catch (ApiException e) {
            if (!FormErrors.isFixable(e)) {
                throw e;
            }
            redirect.addFlashAttribute(Notice.FLASH, Notice.error("approvals.revoke.failed", e.getMessage()));
        }
        return PAGE;
    }
}
