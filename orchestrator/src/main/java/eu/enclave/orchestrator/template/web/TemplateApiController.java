package eu.enclave.orchestrator.template.web;

import eu.enclave.orchestrator.template.AllowedTemplatesInput;
import eu.enclave.orchestrator.template.ProjectTemplates;
import eu.enclave.orchestrator.template.TemplateCatalogue;
import eu.enclave.orchestrator.template.WorkspaceTemplate;
import eu.enclave.platform.identity.CurrentUser;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/workspace-templates}: the catalogue, for anyone signed in; {@code /api/v1/projects/{slug}/templates}:
 * the ids a project may use (read: whoever sees the project; replace: admins).
 */
@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
class TemplateApiController {

    private final TemplateCatalogue catalogue;
    private final ProjectTemplates projectTemplates;

    TemplateApiController(TemplateCatalogue catalogue, ProjectTemplates projectTemplates) {
        this.catalogue = catalogue;
        this.projectTemplates = projectTemplates;
    }

    @GetMapping("/workspace-templates")
    CatalogueView catalogue() {
        return new CatalogueView(catalogue.all().stream().map(TemplateView::of).toList());
    }

    @GetMapping("/projects/{slug}/templates")
    AllowedView allowed(CurrentUser user, @PathVariable String slug) {
        return AllowedView.of(projectTemplates.allowedFor(user, slug));
    }

    @PutMapping(path = "/projects/{slug}/templates", consumes = MediaType.APPLICATION_JSON_VALUE)
    AllowedView replace(CurrentUser user, @PathVariable String slug, @RequestBody AllowedTemplatesInput input) {
        return AllowedView.of(projectTemplates.replace(user, slug, input));
    }

    record CatalogueView(List<TemplateView> templates) {
    }

    /** The same shape as the body of the PUT: ids only (the catalogue has the rest). */
    record AllowedView(List<String> templates) {

        static AllowedView of(List<WorkspaceTemplate> allowed) {
            return new AllowedView(allowed.stream().map(WorkspaceTemplate::id).toList());
        }
    }
}
