package eu.enclave.orchestrator.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.enclave.orchestrator.secret.VaultPeer.Request;
import eu.enclave.orchestrator.secret.VaultSession.Renewal;
import eu.enclave.orchestrator.support.MutableClock;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Logging in, keeping the token alive and the failures, against the test peer: Kubernetes and AppRole logins
 * with their exact bodies, renewal at two thirds of the TTL on a controlled clock, one re-login and retry after a
 * 403, and the reasons given when Vault is sealed or unreachable.
 */
class VaultSessionTest {

    @TempDir
    Path files;

    private VaultPeer peer;
    private final MutableClock clock = new MutableClock(ZoneOffset.UTC);

    @BeforeEach
    void start() throws Exception {
        peer = new VaultPeer();
    }

    @AfterEach
    void stop() {
        peer.close();
    }

    @Test
    void kubernetesLoginSendsTheRoleAndTheServiceAccountTokenReadFromItsFile() throws Exception {
        SecretBackend backend = kubernetesBackend();

        backend.store().write(SecretPath.workspaceDesktop("p1", "ws"), Map.of("password", "x"));

        List<Request> requests = peer.requests();
        assertThat(requests).extracting(r -> r.method() + " " + r.path()).containsExactly(
                "POST /v1/auth/kubernetes/login", "POST /v1/secret/data/enclave/projects/p1/workspaces/ws/desktop");
        Request login = requests.get(0);
        assertThat(login.token()).isNull();
        assertThat(login.json().path("role").asString()).isEqualTo(VaultPeer.KUBERNETES_ROLE);
        assertThat(login.json().path("jwt").asString()).isEqualTo(VaultPeer.KUBERNETES_JWT);
        assertThat(requests.get(1).token()).isEqualTo("hvs.token-1");
    }

    @Test
    void appRoleLoginSendsTheRoleIdAndTheSecretIdReadFromItsFile() throws Exception {
        Path secretId = Files.writeString(files.resolve("secret-id"), VaultPeer.SECRET_ID + "\n");
        SecretBackend backend = TestVaults.backend(TestVaults.settings(peer.address(), null, "enclave",
                TestVaults.appRoleAuth(VaultPeer.ROLE_ID, secretId)), clock);

        assertThat(backend.store().list("p1")).isEmpty();

        Request login = peer.requests().get(0);
        assertThat(login.method() + " " + login.path()).isEqualTo("POST /v1/auth/approle/login");
        assertThat(login.json().path("role_id").asString()).isEqualTo(VaultPeer.ROLE_ID);
        assertThat(login.json().path("secret_id").asString()).isEqualTo(VaultPeer.SECRET_ID);
        assertThat(peer.requests().get(1).token()).isEqualTo("hvs.token-1");
    }

    @Test
    void aTokenRefusedMidOperationIsReplacedByLoggingInAgainAndTheCallCompletes() throws Exception {
        SecretBackend backend = kubernetesBackend();
        SecretPath path = SecretPath.workspaceDesktop("p1", "ws");
        backend.store().write(path, Map.of("password", "first"));
        peer.clearRequests();

        peer.refuseNextCall();
        backend.store().write(path, Map.of("password", "second"));

        assertThat(peer.requests()).extracting(r -> r.method() + " " + r.path() + " " + r.token()).containsExactly(
                "POST /v1/secret/data/enclave/projects/p1/workspaces/ws/desktop hvs.token-1",
                "POST /v1/auth/kubernetes/login null",
                "POST /v1/secret/data/enclave/projects/p1/workspaces/ws/desktop hvs.token-2");
        assertThat(peer.kvAt("enclave/projects/p1/workspaces/ws/desktop")).isEqualTo(Map.of("password", "second"));
    }

    @Test
    void aSecondRefusalAfterLoggingInAgainIsReportedAsPermissionDenied() throws Exception {
        SecretBackend backend = TestVaults.backend(TestVaults.settings(peer.address(), null, "enclave",
                TestVaults.tokenAuth("a-token-vault-does-not-know")), clock);

        assertThatThrownBy(() -> backend.store().read(SecretPath.workspaceDesktop("p1", "ws")))
                .isInstanceOfSatisfying(SecretStoreUnavailable.class, e -> assertThat(e.reason())
                        .isEqualTo("Vault refused the orchestrator's token (HTTP 403: permission denied)"));
    }

    @Test
    void theTokenIsRenewedAtTwoThirdsOfItsTtlAndNotBefore() throws Exception {
        peer.tokenTtl(300);
        SecretBackend backend = kubernetesBackend();
        backend.store().list("p1");
        peer.clearRequests();

        clock.advance(Duration.ofSeconds(199));
        assertThat(backend.session().renewIfDue()).isEqualTo(Renewal.NOT_DUE);
        assertThat(peer.requests()).isEmpty();

        clock.advance(Duration.ofSeconds(2));
        assertThat(backend.session().renewIfDue()).isEqualTo(Renewal.RENEWED);
        assertThat(peer.requests()).extracting(r -> r.method() + " " + r.path() + " " + r.token())
                .containsExactly("POST /v1/auth/token/renew-self hvs.token-1");

        peer.clearRequests();
        clock.advance(Duration.ofSeconds(199));
        assertThat(backend.session().renewIfDue()).as("the renewed TTL counts from the renewal").isEqualTo(Renewal.NOT_DUE);
        assertThat(peer.requests()).isEmpty();
    }

    @Test
    void aTokenThatCannotBeRenewedAnyMoreIsReplacedByLoggingInAgain() throws Exception {
        peer.tokenTtl(300);
        SecretBackend backend = kubernetesBackend();
        backend.store().list("p1");
        peer.clearRequests();
        peer.refuseNextCall();

        clock.advance(Duration.ofSeconds(250));
        assertThat(backend.session().renewIfDue()).isEqualTo(Renewal.LOGGED_IN_AGAIN);

        assertThat(peer.requests()).extracting(r -> r.method() + " " + r.path()).containsExactly(
                "POST /v1/auth/token/renew-self", "POST /v1/auth/kubernetes/login");
        backend.store().list("p1");
        assertThat(peer.requests().get(2).token()).isEqualTo("hvs.token-2");
    }

    @Test
    void aSealedVaultIsReportedAsSuchAndNothingIsWritten() throws Exception {
        SecretBackend backend = kubernetesBackend();
        backend.store().list("p1");
        peer.seal(true);

        assertThatThrownBy(() -> backend.store().write(SecretPath.workspaceDesktop("p1", "ws"), Map.of("k", "v")))
                .isInstanceOfSatisfying(SecretStoreUnavailable.class, e -> {
                    assertThat(e.reason()).isEqualTo("Vault at " + peer.address() + " is sealed");
                    assertThat(e.status().value()).isEqualTo(503);
                    assertThat(e.getMessage()).contains("is sealed").contains("Nothing was changed");
                });
        assertThat(peer.kvAt("enclave/projects/p1/workspaces/ws/desktop")).isNull();
        assertThat(backend.session().renewIfDue()).isEqualTo(Renewal.NOT_DUE);
    }

    @Test
    void anUnreachableVaultIsReportedWithItsAddress() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        String address = "http://127.0.0.1:" + closedPort;
        SecretBackend backend = TestVaults.backend(TestVaults.settings(address, null, "enclave",
                TestVaults.tokenAuth(VaultPeer.ROOT_TOKEN)), clock);

        assertThatThrownBy(() -> backend.store().list("p1"))
                .isInstanceOfSatisfying(SecretStoreUnavailable.class, e -> assertThat(e.reason())
                        .startsWith("Vault at " + address + " is unreachable"));
    }

    @Test
    void aMissingServiceAccountTokenFileIsNamedAsTheReason() {
        SecretBackend backend = TestVaults.backend(TestVaults.settings(peer.address(), null, "enclave",
                TestVaults.kubernetesAuth(files.resolve("no-such-token"))), clock);

        assertThatThrownBy(() -> backend.store().list("p1"))
                .isInstanceOfSatisfying(SecretStoreUnavailable.class, e -> assertThat(e.reason())
                        .contains("cannot read the service-account token").contains("no-such-token"));
        assertThat(peer.requests()).isEmpty();
    }

    private SecretBackend kubernetesBackend() throws Exception {
        Path jwt = Files.writeString(files.resolve("token"), VaultPeer.KUBERNETES_JWT);
        return TestVaults.backend(TestVaults.settings(peer.address(), null, "enclave",
                TestVaults.kubernetesAuth(jwt)), clock);
    }
}
