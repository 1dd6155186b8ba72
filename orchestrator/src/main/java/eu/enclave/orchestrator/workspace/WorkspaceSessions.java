package eu.enclave.orchestrator.workspace;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Open desktop sessions as the idle stop sees them: a workspace with one open on any replica is never idle
 * ({@link OpenDesktopSessions}, counted in PostgreSQL by the gateway), and the idle timer restarts when a session
 * closes.
 */
@Component
public class WorkspaceSessions {

    private final WorkspaceRepository workspaces;
    private final OpenDesktopSessions open;
    private final Clock clock;

    WorkspaceSessions(WorkspaceRepository workspaces, OpenDesktopSessions open, Clock clock) {
        this.workspaces = workspaces;
        this.open = open;
        this.clock = clock;
    }

    public void closed(UUID workspaceId) {
        workspaces.touch(workspaceId, clock.instant().truncatedTo(ChronoUnit.MICROS));
    }

    public boolean hasOpenSession(UUID workspaceId) {
        return open.workspacesInUse().contains(workspaceId);
    }

    /** Every workspace with an open session, in one query, for the idle stop's pass. */
    public Set<UUID> workspacesInUse() {
        return open.workspacesInUse();
    }
}
