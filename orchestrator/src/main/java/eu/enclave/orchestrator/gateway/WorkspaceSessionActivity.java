package eu.enclave.orchestrator.gateway;

import eu.enclave.orchestrator.workspace.WorkspaceSessions;
import eu.enclave.platform.identity.CurrentUser;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Tells the workspace feature of open desktop sessions, so that a workspace in use is never stopped as idle. */
@Component
class WorkspaceSessionActivity implements SessionActivity {

    private final WorkspaceSessions sessions;

    WorkspaceSessionActivity(WorkspaceSessions sessions) {
        this.sessions = sessions;
    }

    /** Nothing to tell: the open session is counted in {@code desktop_sessions}, where every replica sees it. */
    @Override
    public void opened(UUID workspaceId, CurrentUser user) {
    }

    @Override
    public void closed(UUID workspaceId) {
        sessions.closed(workspaceId);
    }
}
