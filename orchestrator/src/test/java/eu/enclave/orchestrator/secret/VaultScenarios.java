package eu.enclave.orchestrator.secret;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * What the secret layer must do against any Vault: the test peer ({@link VaultPeerScenariosTest}), a server
 * given by address and token ({@link RealVaultScenariosTest}), or Vault in a container
 * ({@link VaultContainerScenariosTest}). One class, so that the three suites cannot drift apart. Every scenario
 * works in a project of its own.
 */
abstract class VaultScenarios {

    /** The backend under test: always Vault, never the demo store. */
    protected abstract SecretBackend backend();

    /** A database role the server can lease credentials for; null when it has no database engine. */
    protected String databaseRole() {
        return null;
    }

    protected static String newProject() {
        return "scn-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private SecretStore store() {
        SecretBackend backend = backend();
        assertThat(backend.demo()).as("a Vault scenario never runs on the demo store").isFalse();
        assertThat(backend.store().kind()).isEqualTo(SecretStore.Kind.VAULT);
        return backend.store();
    }

    @Test
    void aWrittenSecretIsReadBackAndAnOverwriteWins() {
        String project = newProject();
        SecretPath path = SecretPath.workspaceDesktop(project, "ws-1");
        store().write(path, Map.of("password", "first-value"));
        store().write(path, Map.of("password", "second-value", "user", "researcher"));

        assertThat(store().read(path)).contains(Map.of("password", "second-value", "user", "researcher"));
        store().destroy(path);
    }

    @Test
    void aPathWithNoSecretReadsAsEmptyAndAProjectWithNoneListsNothing() {
        String project = newProject();
        assertThat(store().read(SecretPath.workspaceDesktop(project, "never-written"))).isEmpty();
        assertThat(store().list(project)).isEmpty();
    }

    @Test
    void listingFindsNestedPathsOfTheProjectOnly() {
        String project = newProject();
        String neighbour = newProject();
        List<SecretPath> written = List.of(SecretPath.workspaceDesktop(project, "ws-a"),
                SecretPath.workspaceDesktop(project, "ws-b"), SecretPath.of(project, "warehouse"));
        written.forEach(p -> store().write(p, Map.of("k", "v")));
        store().write(SecretPath.workspaceDesktop(neighbour, "ws-a"), Map.of("k", "v"));

        assertThat(store().list(project)).extracting(SecretPath::relative)
                .containsExactly("warehouse", "workspaces/ws-a/desktop", "workspaces/ws-b/desktop");
        written.forEach(store()::destroy);
        store().destroy(SecretPath.workspaceDesktop(neighbour, "ws-a"));
    }

    @Test
    void destroyingRemovesEveryVersionAndIsHarmlessTwice() {
        String project = newProject();
        SecretPath path = SecretPath.workspaceDesktop(project, "ws-1");
        store().write(path, Map.of("password", "v1"));
        store().write(path, Map.of("password", "v2"));

        store().destroy(path);
        store().destroy(path);

        assertThat(store().read(path)).isEmpty();
        assertThat(store().list(project)).isEmpty();
    }

    @Test
    void aWholeProjectTreeIsDestroyedAndItsNeighbourKept() {
        String project = newProject();
        String neighbour = newProject();
        store().write(SecretPath.workspaceDesktop(project, "ws-a"), Map.of("k", "v"));
        store().write(SecretPath.of(project, "deep", "er", "still"), Map.of("k", "v"));
        store().write(SecretPath.workspaceDesktop(neighbour, "ws-a"), Map.of("k", "kept"));

        store().list(project).forEach(store()::destroy);

        assertThat(store().list(project)).isEmpty();
        assertThat(store().read(SecretPath.workspaceDesktop(neighbour, "ws-a"))).contains(Map.of("k", "kept"));
        store().destroy(SecretPath.workspaceDesktop(neighbour, "ws-a"));
    }

    @Test
    void databaseCredentialsAreLeasedRenewedAndRevoked() {
        Assumptions.assumeTrue(databaseRole() != null, "this Vault has no database secrets engine configured");
        DatabaseEngine database = backend().database();
        LeasedCredentials credentials = database.issue(databaseRole());

        assertThat(credentials.username()).isNotBlank();
        assertThat(credentials.password()).isNotBlank();
        assertThat(credentials.leaseId()).startsWith("database/creds/" + databaseRole() + "/");
        assertThat(credentials.leaseDuration()).isPositive();
        assertThat(credentials.toString()).doesNotContain(credentials.password());
        assertThat(database.renew(credentials.leaseId(), Duration.ofMinutes(10))).isPositive();
        database.revoke(credentials.leaseId());
    }

    /**
     * A pending revocation may be tried again after Vault did it but before that was recorded (the orchestrator
     * stopped in between): Vault must take a revocation of a lease already revoked as done.
     */
    @Test
    void aRevocationTriedAgainAfterItSucceededIsHarmless() {
        Assumptions.assumeTrue(databaseRole() != null, "this Vault has no database secrets engine configured");
        DatabaseEngine database = backend().database();
        LeasedCredentials credentials = database.issue(databaseRole());

        database.revoke(credentials.leaseId());
        database.revoke(credentials.leaseId());
    }
}
