package eu.enclave.orchestrator.access;

/** Whether a user may open a workspace's desktop, and if not the first reason why ({@link AccessPolicy#desktopAccess}). */
public enum DesktopAccess {
    ALLOWED, NOT_A_MEMBER, NOT_OWNER, PROJECT_NOT_ACTIVE
}
