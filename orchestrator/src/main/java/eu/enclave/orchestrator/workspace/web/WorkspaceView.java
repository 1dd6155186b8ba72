package eu.enclave.orchestrator.workspace.web;

import eu.enclave.orchestrator.workspace.Workspace;
import eu.enclave.orchestrator.workspace.WorkspaceSize;
import eu.enclave.orchestrator.workspace.WorkspaceTransitions;
import java.time.Instant;

/**
 * A workspace as the API shows it. No password, ever.
 *
 * @param reason    why it failed or was stopped by the platform (idle, project suspended); empty otherwise
 * @param canStart  whether its status allows a start now
 * @param canStop   whether its status allows a stop now
 */
public record WorkspaceView(String name, String template, String owner, WorkspaceSize size, String status,
                            String reason, boolean canStart, boolean canStop, boolean canDelete, Instant createdAt,
                            Instant updatedAt) {

    public static WorkspaceView of(Workspace w) {
        return new WorkspaceView(w.name(), w.template(), w.owner(), w.size(), w.status().toString(), w.reason(),
                WorkspaceTransitions.canStart(w.status()), WorkspaceTransitions.canStop(w.status()),
                WorkspaceTransitions.DELETABLE.contains(w.status()), w.createdAt(), w.updatedAt());
    }
}
