package eu.enclave.orchestrator.gateway;

import eu.enclave.orchestrator.project.Project;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * INTERIM, to be replaced by the workspace feature's adapter: knows no workspace, so every tunnel is refused as
 * "no such workspace". Safe by default: nothing is reachable until real workspaces are wired in.
 */
@Component
class InterimNoDesktopWorkspaces implements DesktopWorkspaces {

    @Override
    public Optional<DesktopWorkspace> find(Project project, String workspaceName) {
        return Optional.empty();
    }

    @Override
    public String desktopPassword(DesktopWorkspace workspace) {
        throw new IllegalStateException("no workspace is known yet");
    }
}
