package eu.enclave.orchestrator.secret;

import static org.assertj.core.api.Assertions.assertThat;

import eu.enclave.orchestrator.secret.VaultPeer.Request;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The scenarios against the test peer, plus what only the peer can show: the exact method, path, token and
 * namespace header and body of every request Enclave sends.
 */
class VaultPeerScenariosTest extends VaultScenarios {

    private static final String NAMESPACE = "research/enclave";
    private static VaultPeer peer;
    private static SecretBackend backend;

    @BeforeAll
    static void start() throws Exception {
        peer = new VaultPeer();
        backend = TestVaults.backend(TestVaults.settings(peer.address(), NAMESPACE, "enclave",
                TestVaults.tokenAuth(VaultPeer.ROOT_TOKEN)), Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        peer.close();
    }

    @BeforeEach
    void forget() {
        peer.clearRequests();
    }

    @Override
    protected SecretBackend backend() {
        return backend;
    }

    @Override
    protected String databaseRole() {
        return TestVaults.DATABASE_ROLE;
    }

    @Test
    void aWriteIsOnePostToTheDataPathWithTheValuesUnderData() {
        String project = newProject();
        backend.store().write(SecretPath.workspaceDesktop(project, "ws-1"), Map.of("password", "s3cret-value"));

        Request write = last();
        assertThat(write.method()).isEqualTo("POST");
        assertThat(write.path()).isEqualTo("/v1/secret/data/enclave/projects/" + project + "/workspaces/ws-1/desktop");
        assertThat(write.json().path("data").path("password").asString()).isEqualTo("s3cret-value");
        assertThat(write.json().propertyNames()).containsExactly("data");
        assertEveryRequestCarriesTheTokenAndNamespace();
    }

    @Test
    void aReadIsAGetOfTheDataPath() {
        String project = newProject();
        SecretPath path = SecretPath.workspaceDesktop(project, "ws-1");
        backend.store().write(path, Map.of("password", "x"));
        peer.clearRequests();

        backend.store().read(path);

        assertThat(peer.requests()).extracting(Request::method, Request::path).containsExactly(
                org.assertj.core.groups.Tuple.tuple("GET", "/v1/secret/data/enclave/projects/" + project
                        + "/workspaces/ws-1/desktop"));
        assertEveryRequestCarriesTheTokenAndNamespace();
    }

    @Test
    void listingIsAMetadataListPerFolderAndDestroyingIsAMetadataDelete() {
        String project = newProject();
        backend.store().write(SecretPath.workspaceDesktop(project, "ws-1"), Map.of("k", "v"));
        peer.clearRequests();

        List<SecretPath> listed = backend.store().list(project);
        backend.store().destroy(listed.get(0));

        String folder = "/v1/secret/metadata/enclave/projects/" + project;
        assertThat(peer.requests()).extracting(r -> r.method() + " " + r.path()).containsExactly(
                "GET " + folder + "?list=true",
                "GET " + folder + "/workspaces?list=true",
                "GET " + folder + "/workspaces/ws-1?list=true",
                "DELETE " + folder + "/workspaces/ws-1/desktop");
        assertThat(peer.kvAt("enclave/projects/" + project + "/workspaces/ws-1/desktop")).isNull();
        assertEveryRequestCarriesTheTokenAndNamespace();
    }

    @Test
    void databaseCallsUseTheCredsPathAndTheLeaseEndpoints() {
        LeasedCredentials credentials = backend.database().issue(TestVaults.DATABASE_ROLE);
        backend.database().renew(credentials.leaseId(), java.time.Duration.ofMinutes(30));
        backend.database().revoke(credentials.leaseId());

        List<Request> requests = peer.requests();
        // the first call of the class also looks the token up (login with a fixed token)
        List<String> calls = requests.stream().map(r -> r.method() + " " + r.path())
                .filter(c -> !c.endsWith("lookup-self")).toList();
        assertThat(calls).containsExactly("GET /v1/database/creds/" + TestVaults.DATABASE_ROLE,
                "POST /v1/sys/leases/renew/" + credentials.leaseId(),
                "POST /v1/sys/leases/revoke/" + credentials.leaseId());
        assertThat(requests.get(requests.size() - 2).json().path("increment").asLong()).isEqualTo(1800);
        assertThat(peer.revokedLeases()).contains(credentials.leaseId());
        assertEveryRequestCarriesTheTokenAndNamespace();
    }

    private static Request last() {
        List<Request> requests = peer.requests();
        return requests.get(requests.size() - 1);
    }

    private static void assertEveryRequestCarriesTheTokenAndNamespace() {
        assertThat(peer.requests()).isNotEmpty().allSatisfy(r -> {
            assertThat(r.token()).as(r.path()).isEqualTo(VaultPeer.ROOT_TOKEN);
            assertThat(r.namespace()).as(r.path()).isEqualTo(NAMESPACE);
        });
    }
}
