package eu.enclave.orchestrator.workspace;

import java.util.Set;
import java.util.UUID;

/**
 * Port to the desktop gateway: the workspaces with a desktop session open right now, on any orchestrator replica
 * (the gateway records them in PostgreSQL), so that the leader's idle stop never ends a desktop in use elsewhere.
 */
public interface OpenDesktopSessions {

    Set<UUID> workspacesInUse();
}
