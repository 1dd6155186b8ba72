package eu.enclave.orchestrator.workspace;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * INTERIM: one template, configured under {@code enclave.workspaces.interim-template}, allowed for every
 * project, until the template catalogue provides a {@link WorkspaceImages} adapter (the bean in {@link WorkspaceConfiguration} is then replaced).
 */
public final class InterimWorkspaceImages implements WorkspaceImages {

    private final WorkspaceImage template;

    public InterimWorkspaceImages(WorkspaceImage template) {
        this.template = template;
    }

    @Override
    public Optional<WorkspaceImage> find(String templateId) {
        return template.id().equals(templateId) ? Optional.of(template) : Optional.empty();
    }

    @Override
    public boolean isAllowed(UUID projectId, String templateId) {
        return template.id().equals(templateId);
    }

    @Override
    public List<WorkspaceImage> allowedFor(UUID projectId) {
        return List.of(template);
    }
}
