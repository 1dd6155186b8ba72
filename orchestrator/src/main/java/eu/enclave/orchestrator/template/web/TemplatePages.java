package eu.enclave.orchestrator.template.web;

import eu.enclave.orchestrator.portal.FormErrors;
import eu.enclave.orchestrator.portal.Notice;
import eu.enclave.orchestrator.portal.PortalController;
import eu.enclave.orchestrator.template.AllowedTemplatesInput;
import eu.enclave.orchestrator.template.ProjectTemplates;
import eu.enclave.orchestrator.template.TemplateCatalogue;
import eu.enclave.platform.identity.CurrentUser;
import eu.enclave.platform.web.ApiException;
import java.util.List;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The catalogue page, and the templates form of a project's page (admins), which answers with a redirect to it. */
@PortalController
class TemplatePages {

    private final TemplateCatalogue catalogue;
    private final ProjectTemplates projectTemplates;

    TemplatePages(TemplateCatalogue catalogue, ProjectTemplates projectTemplates) {
        this.catalogue = catalogue;
        this.projectTemplates = projectTemplates;
    }

    @GetMapping("/templates")
    String catalogue(Model model) {
        model.addAttribute("templates", catalogue.all());
        return "templates/catalogue";
    }

    /** @param templates the ticked boxes; none when every box is cleared */
    @PostMapping("/projects/{slug}/templates")
    String replace(CurrentUser user, @PathVariable String slug,
                   @RequestParam(name = "templates", required = false) List<String> templates,
                   RedirectAttributes redirect) {
        try {
            projectTemplates.replace(user, slug, new AllowedTemplatesInput(templates == null ? List.of() : templates));
            redirect.addFlashAttribute(Notice.FLASH, Notice.success("templates.project.changed"));
        } catch (ApiException e) {
            if (!FormErrors.isFixable(e)) {
                throw e;
            }
            redirect.addFlashAttribute(Notice.FLASH, Notice.error("templates.project.failed", e.getMessage()));
        }
        return "redirect:/projects/{slug}#project-templates";
    }
}
