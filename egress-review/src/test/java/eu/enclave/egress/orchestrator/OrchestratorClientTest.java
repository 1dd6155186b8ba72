package eu.enclave.egress.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.enclave.egress.orchestrator.OrchestratorPeer.PeerWorkspace;
import eu.enclave.platform.disclosure.DisclosurePolicy;
import eu.enclave.platform.disclosure.FileType;
import eu.enclave.platform.disclosure.ZeroRule;
import eu.enclave.platform.testing.MutableClock;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The client of the orchestrator's internal API against its test peer: the contract, the cache, failing closed. */
class OrchestratorClientTest {

    private static OrchestratorPeer peer;
    private final MutableClock clock = MutableClock.frozen(Instant.parse("2026-12-03T09:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path temp;

    @BeforeAll
    static void startPeer() throws IOException {
        peer = new OrchestratorPeer();
    }

    @AfterAll
    static void stopPeer() {
        peer.close();
    }

    @AfterEach
    void resetPeer() {
        peer.reset();
    }

    private Orchestrator orchestrator(Duration ttl) {
        return new Orchestrator(client(URI.create(peer.url()), peer.credentialFile()), clock, ttl);
    }

    private static InternalApiClient client(URI url, Path credentialFile) {
        return new InternalApiClient(new OrchestratorSettings(url, credentialFile, null, Duration.ofSeconds(2)),
                new ServiceCredential(credentialFile));
    }

    @Test
    void introspectionNamesProjectWorkspaceOwnerAndStart() {
        PeerWorkspace workspace = peer.project("intro").workspace("analysis", "researcher").podAddress("10.42.0.17");
        String token = workspace.start();

        TokenIntrospection answer = orchestrator(Duration.ZERO).introspect(token);

        assertThat(answer.active()).isTrue();
        assertThat(answer.project().slug()).isEqualTo("intro");
        assertThat(answer.project().id()).isEqualTo(peer.project("intro").id());
        assertThat(answer.workspace().name()).isEqualTo("analysis");
        assertThat(answer.workspace().startId()).isEqualTo(workspace.startId());
        assertThat(answer.workspace().podAddress()).isEqualTo("10.42.0.17");
        assertThat(answer.owner()).isEqualTo(OrchestratorPeer.person("researcher"));
        assertThat(peer.requests()).last().satisfies(r -> {
            assertThat(r.credentialAccepted()).isTrue();
            assertThat(r.path()).isEqualTo("/internal/v1/egress-tokens/introspect");
        });
    }

    @Test
    void inactiveTokensCarryTheOrchestratorsReason() {
        OrchestratorPeer.PeerProject project = peer.project("inactive");
        PeerWorkspace workspace = project.workspace("analysis", "researcher");
        Orchestrator orchestrator = orchestrator(Duration.ZERO);

        assertThat(orchestrator.introspect("never-issued-token-0000").reason()).isEqualTo("unknown");
        String first = workspace.start();
        String second = workspace.start();
        assertThat(orchestrator.introspect(first).reason()).isEqualTo("revoked");
        assertThat(orchestrator.introspect(second).active()).isTrue();
        project.status("suspended");
        assertThat(orchestrator.introspect(second).reason()).isEqualTo("project-not-active");
        project.status("active").endMembership("researcher");
        assertThat(orchestrator.introspect(second).reason()).isEqualTo("not-a-member");
        project.member("researcher", "researcher");
        workspace.stop();
        assertThat(orchestrator.introspect(second).reason()).isEqualTo("workspace-not-running");
    }

    @Test
    void answersAreReusedForTheTtlOnlyAndAskedAgainAfter() {
        PeerWorkspace workspace = peer.project("cached").workspace("analysis", "researcher");
        String token = workspace.start();
        Orchestrator orchestrator = orchestrator(Duration.ofSeconds(10));

        int before = peer.introspections();
        assertThat(orchestrator.introspect(token).active()).isTrue();
        workspace.stop();
        clock.advance(Duration.ofMillis(9_999));
        assertThat(orchestrator.introspect(token).active()).as("still cached").isTrue();
        assertThat(peer.introspections() - before).isEqualTo(1);
        clock.advance(Duration.ofMillis(1));
        assertThat(orchestrator.introspect(token).reason()).isEqualTo("workspace-not-running");
        assertThat(orchestrator.introspectNow(token).active()).isFalse();
        assertThat(peer.introspections() - before).isEqualTo(3);
    }

    @Test
    void aNewStartEndsTheCachedTokenOfTheOldOneAtOnce() {
        PeerWorkspace workspace = peer.project("restart").workspace("analysis", "researcher");
        String old = workspace.start();
        Orchestrator orchestrator = orchestrator(Duration.ofSeconds(10));
        assertThat(orchestrator.introspect(old).active()).isTrue();

        String current = workspace.start();
        assertThat(orchestrator.introspect(current).active()).isTrue();

        assertThat(orchestrator.introspect(old).active()).as("no wait for the cache").isFalse();
        assertThat(orchestrator.introspect(old).reason()).isEqualTo("revoked");
    }

    @Test
    void tokensAreKeptByTheirHashNeverByValue() {
        assertThat(Orchestrator.tokenKey("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void rolesAreKeyedByIssuerAndSubject() {
        peer.project("roles").member("pi", "pi");
        Orchestrator orchestrator = orchestrator(Duration.ZERO);

        SubjectRoles pi = orchestrator.roles(OrchestratorPeer.ISSUER, "demo:pi");
        assertThat(pi.known()).isTrue();
        assertThat(pi.person().username()).isEqualTo("pi");
        assertThat(pi.rolesIn("roles")).containsExactly("pi");
        assertThat(pi.rolesIn("demo")).containsExactly("pi");
        assertThat(orchestrator.roles(OrchestratorPeer.ISSUER, "demo:checker").platformRoles()).containsExactly("reviewer");

        SubjectRoles stranger = orchestrator.roles("https://idp.example/realms/x", "someone");
        assertThat(stranger.known()).isFalse();
        assertThat(stranger.projects()).isEmpty();
        assertThat(peer.requests()).last().satisfies(r -> assertThat(r.path())
                .isEqualTo("/internal/v1/subjects/aHR0cHM6Ly9pZHAuZXhhbXBsZS9yZWFsbXMveA/c29tZW9uZQ/roles"));
    }

    @Test
    void aProjectComesWithItsVerifiedPolicyAndTheReviewersItNeeds() {
        DisclosurePolicy strict = new DisclosurePolicy(20, ZeroRule.FAIL, 2, 85, 10,
                10, Set.of(FileType.CSV, FileType.PNG), false, List.of());
        peer.project("policy").policy(strict).reviewersRequired(1).dataset("registry", "highly_sensitive");

        OrchestratorProject project = orchestrator(Duration.ZERO).project("policy").orElseThrow();

        assertThat(project.active()).isTrue();
        assertThat(project.policy()).isEqualTo(strict);
        assertThat(project.policyHash()).isEqualTo(strict.hash());
        assertThat(project.policyText()).isEqualTo(strict.canonicalJson());
        assertThat(project.reviewersNeeded()).as("the highest tier's floor").isEqualTo(2);
        assertThat(project.datasets()).extracting(OrchestratorProject.Dataset::tier).containsExactly("highly_sensitive");
        assertThat(project.reviewers()).extracting(r -> r.person().username() + ":" + r.kind())
                .contains("checker:platform");
        assertThat(orchestrator(Duration.ZERO).project("no-such-project")).isEmpty();
    }

    @Test
    void aPolicyWhoseHashIsNotItsTextsIsNotTrusted() {
        peer.project("tampered");
        peer.tamperPolicyHash(true);

        assertThatThrownBy(() -> orchestrator(Duration.ZERO).project("tampered"))
                .isInstanceOfSatisfying(OrchestratorUnavailable.class,
                        e -> assertThat(e.reason()).contains("cannot be trusted", "policyHash"));
    }

    @Test
    void failuresOfTheOrchestratorAreUnavailableNeverAnAnswer() throws IOException {
        String token = peer.project("failing").workspace("analysis", "researcher").start();
        Orchestrator orchestrator = orchestrator(Duration.ZERO);
        for (OrchestratorPeer.Failure failure : List.of(OrchestratorPeer.Failure.SERVER_ERROR,
                OrchestratorPeer.Failure.UNAVAILABLE, OrchestratorPeer.Failure.MALFORMED)) {
            peer.fail(failure);
            assertThatThrownBy(() -> orchestrator.introspect(token)).as(failure.name())
                    .isInstanceOf(OrchestratorUnavailable.class);
            assertThatThrownBy(() -> orchestrator.project("failing")).as(failure.name())
                    .isInstanceOf(OrchestratorUnavailable.class);
        }
        peer.reset().refuseCredential();
        assertThatThrownBy(() -> orchestrator.introspect(token)).isInstanceOfSatisfying(OrchestratorUnavailable.class,
                e -> assertThat(e.reason()).contains("refused egress-review's service credential"));

        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Orchestrator unreachable = new Orchestrator(client(URI.create("http://127.0.0.1:" + closedPort),
                peer.credentialFile()), clock, Duration.ZERO);
        assertThatThrownBy(() -> unreachable.introspect(token)).isInstanceOfSatisfying(OrchestratorUnavailable.class,
                e -> assertThat(e.reason()).contains("did not answer").doesNotContain(token));
    }

    @Test
    void theCredentialIsTheFilesFirstLineSentExactlyAndReadAgainWhenItChanges() throws IOException {
        Path file = Files.writeString(temp.resolve("credential"), "wrong-value\n");
        String token = peer.project("credential").workspace("analysis", "researcher").start();
        Orchestrator orchestrator = new Orchestrator(client(URI.create(peer.url()), file), clock, Duration.ZERO);
        assertThatThrownBy(() -> orchestrator.introspect(token)).isInstanceOf(OrchestratorUnavailable.class);
        assertThat(peer.requests()).last().satisfies(r -> assertThat(r.credentialAccepted()).isFalse());

        String good = Files.readString(peer.credentialFile()).strip();
        Files.writeString(file, good + "\nan-older-value-of-a-rotation\n");
        Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis() + 5000));
        assertThat(orchestrator.introspect(token).active()).isTrue();

        Orchestrator without = new Orchestrator(client(URI.create(peer.url()), null), clock, Duration.ZERO);
        assertThatThrownBy(() -> without.introspect(token)).isInstanceOfSatisfying(OrchestratorUnavailable.class,
                e -> assertThat(e.reason()).contains("enclave.orchestrator.credential-file"));
    }

    @Test
    void deletionRecordsAreAcceptedOnlyForArchivedProjectsAndOnce() {
        OrchestratorPeer.PeerProject project = peer.project("deleted");
        Orchestrator orchestrator = orchestrator(Duration.ZERO);
        DeletionRecord record = new DeletionRecord("egress-store", Instant.parse("2026-12-03T10:00:00Z"),
                Map.of("requests", 4L, "files", 11L));

        assertThat(orchestrator.recordDeletion("deleted", record)).isFalse();
        project.status("archived");
        assertThat(orchestrator.recordDeletion("deleted", record)).isTrue();
        assertThat(orchestrator.recordDeletion("deleted", record)).isTrue();
        assertThat(project.deletionRecords()).hasSize(1);
        assertThat(project.deletionRecords().get(0)).containsEntry("component", "egress-store");
    }

    @Test
    void settingsRefuseACacheLongerThanTenSeconds() {
        assertThatThrownBy(() -> new OrchestratorSettings(null, null, Duration.ofSeconds(11), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PT10S");
        assertThat(new OrchestratorSettings(null, null, null, null).cacheTtl()).isEqualTo(Duration.ofSeconds(10));
    }
}
