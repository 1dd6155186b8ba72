package eu.enclave.orchestrator.workspace;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The workspace feature's view of the template catalogue: which image a template runs, and whether a project
 * may use it. Backed by the catalogue ({@link CatalogueWorkspaceImages}).
 */
public interface WorkspaceImages {

    Optional<WorkspaceImage> find(String templateId);

    boolean isAllowed(UUID projectId, String templateId);

    /** The templates a project may use, for the creation form. */
    List<WorkspaceImage> allowedFor(UUID projectId);
}
