package eu.enclave.orchestrator.project.web;

import eu.enclave.orchestrator.access.AccessPolicy;
import eu.enclave.orchestrator.cluster.retention.ProjectDeletionService;
import eu.enclave.orchestrator.cluster.settings.ClusterSettingsService;
import eu.enclave.orchestrator.cluster.settings.web.QuotaForm;
import eu.enclave.orchestrator.cluster.status.ClusterStatusService;
import eu.enclave.orchestrator.cluster.web.ClusterStatusPanel;
import eu.enclave.orchestrator.membership.MembershipService;
import eu.enclave.orchestrator.membership.ProjectRole;
import eu.enclave.orchestrator.membership.web.MemberForm;
import eu.enclave.orchestrator.portal.FormErrors;
import eu.enclave.orchestrator.portal.FormValidator;
import eu.enclave.orchestrator.portal.Notice;
import eu.enclave.orchestrator.portal.PortalController;
import eu.enclave.orchestrator.project.Project;
import eu.enclave.orchestrator.project.ProjectDraft;
import eu.enclave.orchestrator.project.ProjectService;
import eu.enclave.orchestrator.project.ProjectStatus;
import eu.enclave.orchestrator.project.ProjectTransitions;
import eu.enclave.orchestrator.template.ProjectTemplates;
import eu.enclave.platform.identity.CurrentUser;
import eu.enclave.platform.web.ApiException;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The portal's project pages: "my projects", the creation form, a project's page and its status buttons.
 * Every read and change goes through {@link ProjectService}, which checks the policy; the policy's
 * {@code can*} answers here only decide which actions are shown.
 */
@PortalController
class ProjectPages {

    /** Service refusals with a known meaning, shown in the user's language rather than as the service words them. */
    private static final Map<String, String> KNOWN_REFUSALS = Map.of(
            "slug.409", "project.error.slugTaken",
            "endDate.400", "project.error.endBeforeStart",
            "principalInvestigator.400", "project.error.unknownUser");
    private static final String FORM = "project";
    /** The API's limit too ({@link StatusChange}). */
    private static final int REASON_MAX = 500;

    private final ProjectService projects;
    private final MembershipService memberships;
    private final AccessPolicy policy;
    private final ClusterSettingsService clusterSettings;
    private final ClusterStatusService clusterStatuses;
    private final FormValidator validator;
    private final Clock clock;
    private final ProjectDeletionService deletions;
    private final ProjectTemplates projectTemplates;

    ProjectPages(ProjectService projects, MembershipService memberships, ClusterSettingsService clusterSettings,
                 ClusterStatusService clusterStatuses, AccessPolicy policy, FormValidator validator, Clock clock,
                 ProjectDeletionService deletions, ProjectTemplates projectTemplates) {
        this.clusterStatuses = clusterStatuses;
        this.deletions = deletions;
        this.projects = projects;
        this.memberships = memberships;
        this.clusterSettings = clusterSettings;
        this.policy = policy;
        this.validator = validator;
        this.clock = clock;
        this.projectTemplates = projectTemplates;
    }

    @GetMapping("/")
    String list(CurrentUser user, Model model) {
        model.addAttribute("projects", projects.visibleTo(user).stream()
                .map(p -> new ProjectRow(p, policy.rolesIn(user, p))).toList());
        model.addAttribute("canCreate", policy.canCreateProject(user));
        return "projects/list";
    }

    @GetMapping("/projects/new")
    String newProject(CurrentUser user, Model model) {
        policy.checkCanCreateProject(user);
        ProjectForm form = new ProjectForm();
        form.setStartDate(LocalDate.now(clock));
        model.addAttribute(FORM, form);
        return "projects/new";
    }

    @PostMapping("/projects/new")
    String create(CurrentUser user, @ModelAttribute(FORM) ProjectForm form, BindingResult result,
                  RedirectAttributes redirect, HttpServletResponse response) {
        policy.checkCanCreateProject(user);
        ProjectDraft draft = form.toDraft();
        validator.validate(draft, result);
        if (!result.hasErrors()) {
            try {
                Project created = projects.create(user, draft);
                redirect.addFlashAttribute(Notice.FLASH, Notice.success("project.created", created.slug()));
                return "redirect:/projects/" + created.slug();
            } catch (ApiException e) {
                if (!FormErrors.isFixable(e)) {
                    throw e;
                }
                FormErrors.reject(result, e, ProjectForm.FIELDS, KNOWN_REFUSALS);
                response.setStatus(e.status().value());
                return "projects/new";
            }
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return "projects/new";
    }

    @GetMapping("/projects/{slug}")
    String project(CurrentUser user, @PathVariable String slug, Model model) {
        Project project = projects.get(user, slug);
        LocalDate today = LocalDate.now(clock);
        boolean open = project.status() != ProjectStatus.ARCHIVED;
        model.addAttribute("project", project);
        model.addAttribute("myRoles", policy.rolesIn(user, project));
        model.addAttribute("members", memberships.list(user, slug).stream()
                .map(m -> MemberRow.of(m, today, open && policy.canRemoveMember(user, project, m))).toList());
        model.addAttribute("transitions", policy.canChangeStatus(user, project)
                ? ProjectTransitions.targets(project.status(), ProjectTransitions.By.ADMIN).stream()
                        .map(to -> ProjectTransitions.find(project.status(), to, ProjectTransitions.By.ADMIN)
                                .orElseThrow())
                        .toList()
                : List.of());
        model.addAttribute("canManageMembers", policy.canManageMembers(user, project));
        model.addAttribute("clusterStatus",
                ClusterStatusPanel.of(clusterStatuses.status(user, slug), clock.getZone()));
        ClusterSettingsService.Settings settings = clusterSettings.readableSettings(user, project).orElse(null);
        model.addAttribute("clusterSettings", settings);
        if (settings != null && settings.editable() && !model.containsAttribute(QuotaForm.NAME)) {
            model.addAttribute(QuotaForm.NAME, QuotaForm.of(settings.quota().quota()));
        }
        model.addAttribute("deletion", deletions.readableDeletion(user, project).orElse(null));
        model.addAttribute("addableRoles", open
                ? Arrays.stream(ProjectRole.values()).filter(r -> policy.canAddMember(user, project, r)).toList()
                : List.of());
        if (!model.containsAttribute(MemberForm.NAME)) {
            MemberForm member = new MemberForm();
            member.setRole(ProjectRole.RESEARCHER.toString());
            model.addAttribute(MemberForm.NAME, member);
        }
        model.addAttribute("projectTemplates", projectTemplates.section(user, project).orElse(null));
        model.addAttribute("canViewSecrets", policy.canViewSecrets(user, project));
        return "projects/detail";
    }

    @PostMapping("/projects/{slug}/status")
    String changeStatus(CurrentUser user, @PathVariable String slug, @RequestParam String status,
                        @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        ProjectStatus target = parseStatus(status);
        if (reason != null && reason.length() > REASON_MAX) {
            redirect.addFlashAttribute(Notice.FLASH, Notice.error("project.status.reasonTooLong", null));
            return "redirect:/projects/{slug}";
        }
        try {
            Project moved = projects.changeStatus(user, slug, target, reason);
            redirect.addFlashAttribute(Notice.FLASH, Notice.success("project.status.changed",
                    new DefaultMessageSourceResolvable("status." + moved.status())));
        } catch (ApiException e) {
            if (!FormErrors.isFixable(e)) {
                throw e;
            }
            redirect.addFlashAttribute(Notice.FLASH, Notice.error("project.status.failed", e.getMessage()));
        }
        return "redirect:/projects/{slug}";
    }

    private static ProjectStatus parseStatus(String status) {
        try {
            return ProjectStatus.parse(status.strip());
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("status", "'" + status + "' is not a project status");
        }
    }
}
