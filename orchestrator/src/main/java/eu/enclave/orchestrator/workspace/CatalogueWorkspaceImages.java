package eu.enclave.orchestrator.workspace;

import eu.enclave.orchestrator.template.ProjectTemplates;
import eu.enclave.orchestrator.template.TemplateCatalogue;
import eu.enclave.orchestrator.template.WorkspaceTemplate;
import eu.enclave.orchestrator.template.WorkspaceTemplate.TemplateResources;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The template catalogue and each project's allowed templates, as the workspace feature sees them. */
final class CatalogueWorkspaceImages implements WorkspaceImages {

    /** The user every catalogue image runs as ({@code USER 1000:1000} in each Containerfile, checked by its test). */
    static final long IMAGE_USER = 1000;

    private final TemplateCatalogue catalogue;
    private final ProjectTemplates projectTemplates;

    CatalogueWorkspaceImages(TemplateCatalogue catalogue, ProjectTemplates projectTemplates) {
        this.catalogue = catalogue;
        this.projectTemplates = projectTemplates;
    }

    @Override
    public Optional<WorkspaceImage> find(String templateId) {
        return catalogue.find(templateId).map(CatalogueWorkspaceImages::image);
    }

    @Override
    public boolean isAllowed(UUID projectId, String templateId) {
        return projectTemplates.isAllowed(projectId, templateId);
    }

    @Override
    public List<WorkspaceImage> allowedFor(UUID projectId) {
        return projectTemplates.allowed(projectId).stream().map(CatalogueWorkspaceImages::image).toList();
    }

    static WorkspaceImage image(WorkspaceTemplate template) {
        return new WorkspaceImage(template.id(), template.image(), template.protocol().toString(), template.port(),
                size(template.defaults()), size(template.maximum()), template.gpu(), IMAGE_USER);
    }

    private static WorkspaceSize size(TemplateResources resources) {
        return new WorkspaceSize(resources.cpu(), resources.memory(), resources.gpu());
    }
}
