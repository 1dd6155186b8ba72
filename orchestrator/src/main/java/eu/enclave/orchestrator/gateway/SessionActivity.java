package eu.enclave.orchestrator.gateway;

import eu.enclave.platform.identity.CurrentUser;
import java.util.UUID;

/** Tells the workspace feature that a desktop session is open, so that an open session never counts as idle. */
public interface SessionActivity {

    void opened(UUID workspaceId, CurrentUser user);

    void closed(UUID workspaceId);
}
