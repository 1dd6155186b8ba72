package eu.enclave.orchestrator.gateway;

import eu.enclave.orchestrator.project.Project;
import eu.enclave.platform.identity.CurrentUser;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Test double of the workspace feature behind the gateway's two ports: workspaces registered by the test, their
 * desktop passwords, and the session activity reported.
 */
public class TestDesktopWorkspaces implements DesktopWorkspaces, SessionActivity {

    private final Map<String, DesktopWorkspace> workspaces = new ConcurrentHashMap<>();
    private final Map<UUID, String> passwords = new ConcurrentHashMap<>();
    public final List<String> activity = new CopyOnWriteArrayList<>();

    public DesktopWorkspace register(Project project, String name, CurrentUser owner, boolean running,
                                     DesktopProtocol protocol, String password) {
        return register(project, name, owner, running, protocol, password,
                "ws-" + name + ".enclave-" + project.slug() + ".svc.cluster.local", 5901);
    }

    /** A workspace whose desktop listens at the given address (a real VNC server in the real-server suites). */
    public DesktopWorkspace register(Project project, String name, CurrentUser owner, boolean running,
                                     DesktopProtocol protocol, String password, String hostname, int port) {
        DesktopWorkspace workspace = new DesktopWorkspace(UUID.randomUUID(), project.id(), name, owner.id(), running,
                hostname, port, protocol);
        workspaces.put(project.id() + "/" + name, workspace);
        passwords.put(workspace.id(), password);
        return workspace;
    }

    @Override
    public Optional<DesktopWorkspace> find(Project project, String workspaceName) {
        return Optional.ofNullable(workspaces.get(project.id() + "/" + workspaceName));
    }

    @Override
    public String desktopPassword(DesktopWorkspace workspace) {
        return passwords.get(workspace.id());
    }

    @Override
    public void opened(UUID workspaceId, CurrentUser user) {
        activity.add("opened " + workspaceId + " " + user.username());
    }

    @Override
    public void closed(UUID workspaceId) {
        activity.add("closed " + workspaceId);
    }
}
