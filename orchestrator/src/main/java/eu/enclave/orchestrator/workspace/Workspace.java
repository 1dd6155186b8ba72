package eu.enclave.orchestrator.workspace;

import java.time.Instant;
import java.util.UUID;

/**
 * A researcher's workspace as stored. It never holds the desktop password: that lives only in the cluster's
 * Secret.
 *
 * @param slug        the project's slug, for audit entries and the namespace
 * @param reason      why it failed or was stopped by the platform; empty otherwise
 * @param activeSince when it last started or its last desktop session closed: the idle timer's origin
 */
public record Workspace(UUID id, UUID projectId, String slug, String name, UUID ownerId, String owner, String template,
                        WorkspaceSize size, WorkspaceStatus status, String reason, Instant activeSince,
                        Instant createdAt, Instant updatedAt) {

    public boolean wantsToRun() {
        return WorkspaceTransitions.WANTS_TO_RUN.contains(status);
    }

    public Workspace withStatus(WorkspaceStatus next, String nextReason, Instant at) {
        return new Workspace(id, projectId, slug, name, ownerId, owner, template, size, next, nextReason,
                next == WorkspaceStatus.PENDING ? at : activeSince, createdAt, at);
    }

    /** How audit entries name it. */
    public String target() {
        return "workspace:" + slug + "/" + name;
    }
}
