package eu.enclave.orchestrator.gateway;

import eu.enclave.orchestrator.project.Project;
import java.util.Optional;

/**
 * The gateway's port to the workspace feature: finds a project's workspace by name and reads its desktop
 * password (from Vault or the workspace's Secret). The gateway decides who may connect (with
 * {@code AccessPolicy}); this port only answers facts. The password never leaves the server: it goes to guacd only.
 */
public interface DesktopWorkspaces {

    Optional<DesktopWorkspace> find(Project project, String workspaceName);

    /** Asked only after the user was authorised; never logged, stored, audited or sent to a browser. */
    String desktopPassword(DesktopWorkspace workspace);
}
