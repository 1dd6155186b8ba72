package eu.enclave.orchestrator.cluster;

import eu.enclave.orchestrator.project.ProjectStatus;

/**
 * Whether a project's workspaces may run. A suspended project's are held at zero replicas by every reconcile;
 * nothing scales them up again on reactivation: workspaces are started by their owners.
 */
public enum Workspaces {
    MAY_RUN, HELD_AT_ZERO;

    public static Workspaces of(ProjectStatus status) {
        return status == ProjectStatus.SUSPENDED ? HELD_AT_ZERO : MAY_RUN;
    }
}
