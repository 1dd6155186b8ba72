package eu.enclave.orchestrator.secret;

import eu.enclave.orchestrator.project.ProjectService;
import eu.enclave.platform.audit.AuditEvent;
import eu.enclave.platform.audit.AuditTrail;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * The desktop password of each workspace, kept in the secret store at
 * {@code projects/<slug>/workspaces/<name>/desktop} (key {@code password}) and rotated at each start. The
 * caller puts the returned value into the workspace's Kubernetes Secret and nowhere else; audit entries carry
 * paths only.
 */
@Service
public class WorkspaceCredentials {

    public static final String PASSWORD_KEY = "password";

    private final SecretStore store;
    private final AuditTrail audit;
    private final PendingSecretOperations pending;

    WorkspaceCredentials(SecretStore store, AuditTrail audit, PendingSecretOperations pending) {
        this.store = store;
        this.audit = audit;
        this.pending = pending;
    }

    /** A new password, stored before it is returned: write the Kubernetes Secret after this, never before. */
    public String rotate(String project, String workspace) {
        SecretPath path = SecretPath.workspaceDesktop(project, workspace);
        String password = PasswordGenerator.generate();
        store.write(path, Map.of(PASSWORD_KEY, password));
        audit.record(new AuditEvent(ProjectService.SYSTEM, "secret.workspace_credential_rotated", project,
                "workspace:" + workspace, Map.of("path", path.underPrefix(), "store", store.kind().name())));
        return password;
    }

    /** The password stored at the workspace's last start; empty before its first start or after its deletion. */
    public Optional<String> current(String project, String workspace) {
        return store.read(SecretPath.workspaceDesktop(project, workspace)).map(values -> values.get(PASSWORD_KEY));
    }

    public void destroy(String project, String workspace) {
        SecretPath path = SecretPath.workspaceDesktop(project, workspace);
        store.destroy(path);
        audit.record(new AuditEvent(ProjectService.SYSTEM, "secret.workspace_credential_destroyed", project,
                "workspace:" + workspace, Map.of("path", path.underPrefix(), "store", store.kind().name())));
    }

    /**
     * Destroys every secret of the project (all versions), at archival. The audit entry lists the paths destroyed;
     * when the store fails part-way, the entry says so ({@code complete: false}) and the failure is rethrown, so
     * that the caller retries; a retry finds only what is left.
     */
    public List<SecretPath> destroyProject(String project) {
        List<SecretPath> destroyed = new ArrayList<>();
        try {
            for (SecretPath path : store.list(project)) {
                store.destroy(path);
                destroyed.add(path);
            }
        } catch (SecretStoreUnavailable e) {
            recordDestroyed(project, destroyed, false);
            throw e;
        }
        recordDestroyed(project, destroyed, true);
        return destroyed;
    }

    /**
     * Destroys every secret of the project (at archival, once its namespace is gone); when the store fails, the
     * rest is recorded as a pending operation, retried until it succeeds.
     */
    public void destroyProjectOrDefer(String project, String cause) {
        try {
            destroyProject(project);
        } catch (SecretStoreUnavailable e) {
            pending.defer(PendingOperation.Kind.DESTROY_PROJECT_SECRETS, project, null, null, cause, e.reason());
        }
    }

    /** A failure that destroyed nothing leaves no entry: each retry would otherwise add an empty one. */
    private void recordDestroyed(String project, List<SecretPath> destroyed, boolean complete) {
        if (!complete && destroyed.isEmpty()) {
            return;
        }
        audit.record(new AuditEvent(ProjectService.SYSTEM, "secret.project_destroyed", project,
                "project:" + project, Map.of("paths", destroyed.stream().map(SecretPath::underPrefix).toList(),
                        "store", store.kind().name(), "complete", complete)));
    }
}
