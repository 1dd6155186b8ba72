package eu.enclave.orchestrator.workspace;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Open desktop sessions, told by the remote-desktop tunnel: a workspace with one is never idle, and the idle
 * timer restarts when its last one closes. Counted in this process only (one tunnel per orchestrator).
 */
@Component
public class WorkspaceSessions {

    private final Map<UUID, Integer> open = new ConcurrentHashMap<>();
    private final WorkspaceRepository workspaces;
    private final Clock clock;

    WorkspaceSessions(WorkspaceRepository workspaces, Clock clock) {
        this.workspaces = workspaces;
        this.clock = clock;
    }

    /** @param user who connected; auditing the connection is the tunnel's part */
    public void opened(UUID workspaceId, String user) {
        open.merge(workspaceId, 1, Integer::sum);
    }

    public void closed(UUID workspaceId) {
        open.computeIfPresent(workspaceId, (id, count) -> count <= 1 ? null : count - 1);
        workspaces.touch(workspaceId, clock.instant().truncatedTo(ChronoUnit.MICROS));
    }

    public boolean hasOpenSession(UUID workspaceId) {
        return open.containsKey(workspaceId);
    }
}
