package eu.enclave.orchestrator.gateway;

import eu.enclave.platform.identity.CurrentUser;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** INTERIM, to be replaced by an adapter to the workspace feature's {@code WorkspaceSessions}: records nothing. */
@Component
class InterimNoSessionActivity implements SessionActivity {

    @Override
    public void opened(UUID workspaceId, CurrentUser user) {
    }

    @Override
    public void closed(UUID workspaceId) {
    }
}
