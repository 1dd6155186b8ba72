package eu.enclave.orchestrator.gateway;

import eu.enclave.orchestrator.workspace.OpenDesktopSessions;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** The workspace feature's view of open desktop sessions: those recorded open and renewed, on any replica. */
@Component
class RecordedDesktopSessions implements OpenDesktopSessions {

    private final DesktopSessionRepository sessions;

    RecordedDesktopSessions(DesktopSessionRepository sessions) {
        this.sessions = sessions;
    }

    @Override
    public Set<UUID> workspacesInUse() {
        return sessions.workspacesInUse();
    }
}
