package eu.enclave.orchestrator.gateway;

import eu.enclave.orchestrator.cluster.ClusterNames;
import eu.enclave.orchestrator.cluster.ClusterSettings;
import eu.enclave.orchestrator.project.Project;
import eu.enclave.orchestrator.secret.WorkspaceCredentials;
import eu.enclave.orchestrator.workspace.Workspace;
import eu.enclave.orchestrator.workspace.WorkspaceImage;
import eu.enclave.orchestrator.workspace.WorkspaceImages;
import eu.enclave.orchestrator.workspace.WorkspaceRepository;
import eu.enclave.orchestrator.workspace.WorkspaceStatus;
import eu.enclave.orchestrator.workspace.cluster.WorkspaceNames;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The gateway's view of the workspace feature: a workspace's desktop is its Service {@code ws-<name>} in the
 * project's namespace, reached by guacd through the cluster DNS, on the port and with the protocol of its
 * template. The password is read from the secret store (Vault), where it was put at the workspace's last start.
 */
@Component
class WorkspaceDesktops implements DesktopWorkspaces {

    private final WorkspaceRepository workspaces;
    private final WorkspaceImages images;
    private final WorkspaceCredentials credentials;
    private final ClusterSettings cluster;

    WorkspaceDesktops(WorkspaceRepository workspaces, WorkspaceImages images, WorkspaceCredentials credentials,
                      ClusterSettings cluster) {
        this.workspaces = workspaces;
        this.images = images;
        this.credentials = credentials;
        this.cluster = cluster;
    }

    @Override
    public Optional<DesktopWorkspace> find(Project project, String workspaceName) {
        return workspaces.find(project.id(), workspaceName)
                .flatMap(workspace -> images.find(workspace.template()).map(image -> desktop(workspace, image)));
    }

    @Override
    public String desktopPassword(DesktopWorkspace workspace) {
        Workspace stored = workspaces.find(workspace.projectId(), workspace.name())
                .orElseThrow(() -> new IllegalStateException("the workspace is gone"));
        return credentials.current(stored.slug(), stored.name())
                .orElseThrow(() -> new IllegalStateException("the workspace has no desktop password yet"));
    }

    private DesktopWorkspace desktop(Workspace workspace, WorkspaceImage image) {
        String namespace = ClusterNames.namespace(cluster.namespacePrefix(), workspace.slug());
        return new DesktopWorkspace(workspace.id(), workspace.projectId(), workspace.name(), workspace.ownerId(),
                workspace.status() == WorkspaceStatus.RUNNING,
                WorkspaceNames.workload(workspace.name()) + "." + namespace + ".svc", image.port(),
                DesktopProtocol.valueOf(image.protocol().toUpperCase(Locale.ROOT)));
    }
}
