package eu.enclave.orchestrator.secret;

import eu.enclave.orchestrator.access.AccessPolicy;
import eu.enclave.orchestrator.project.Project;
import eu.enclave.orchestrator.project.ProjectService;
import eu.enclave.platform.identity.CurrentUser;
import java.util.List;
import org.springframework.stereotype.Service;

/** What the admins see of a project's secrets: which paths exist and the leases' states, never a value. */
@Service
public class ProjectSecretsService {

    private final ProjectService projects;
    private final AccessPolicy policy;
    private final SecretBackend backend;
    private final DatabaseCredentials credentials;
    private final PendingSecretOperations pending;

    ProjectSecretsService(ProjectService projects, AccessPolicy policy, SecretBackend backend,
                          DatabaseCredentials credentials, PendingSecretOperations pending) {
        this.pending = pending;
        this.projects = projects;
        this.policy = policy;
        this.backend = backend;
        this.credentials = credentials;
    }

    /**
     * @param store       {@code vault} or {@code demo}
     * @param storeDetail where: the Vault address, mount and prefix, or the demo store's warning
     * @param paths       the secrets' paths under the store's prefix, sorted
     * @param pending     Vault work that failed and is being tried again (revocations, destructions), oldest first
     */
    public record View(String project, String store, String storeDetail, List<String> paths, List<Lease> leases,
                       List<PendingOperation> pending) {
    }

    /** Throws {@link SecretStoreUnavailable} (503) when Vault cannot be read: a partial view would mislead. */
    public View view(CurrentUser user, String slug) {
        Project project = projects.get(user, slug);
        policy.checkCanViewSecrets(user, project);
        List<String> paths = backend.store().list(project.slug()).stream().map(SecretPath::underPrefix).toList();
        return new View(project.slug(), backend.store().kind().name().toLowerCase(), backend.store().describe(),
                paths, credentials.leases(project.slug()), pending.open(project.slug()));
    }
}
