package eu.enclave.orchestrator.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import eu.enclave.orchestrator.cluster.connection.ClusterConnection;
import eu.enclave.orchestrator.gateway.GatewayServerTest;
import eu.enclave.orchestrator.gateway.GuacdTestPeer;
import eu.enclave.orchestrator.gateway.TunnelClient;
import eu.enclave.orchestrator.project.Project;
import eu.enclave.orchestrator.support.Fixtures;
import eu.enclave.orchestrator.workspace.Workspace;
import eu.enclave.orchestrator.workspace.WorkspaceFixtures;
import eu.enclave.orchestrator.workspace.WorkspaceService;
import eu.enclave.orchestrator.workspace.WorkspaceSessions;
import eu.enclave.orchestrator.workspace.WorkspaceStatus;
import io.fabric8.kubernetes.api.model.Secret;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.socket.CloseStatus;

/**
 * The tunnel with the real workspace feature behind it: a workspace the researcher started, seen running, is
 * reached at its Service with its template's protocol and port and the password its start put in its Secret; the
 * open session keeps it from idling; a stopped one is refused before guacd hears of it.
 */
@GatewayServerTest
class WorkspaceDesktopTest {

    static final GuacdTestPeer PEER = startPeer();

    private static GuacdTestPeer startPeer() {
        try {
            return new GuacdTestPeer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void guacd(DynamicPropertyRegistry registry) {
        registry.add("enclave.guacd.host", PEER::host);
        registry.add("enclave.guacd.port", PEER::port);
    }

    @AfterAll
    static void stopPeer() throws IOException {
        PEER.close();
    }

    @LocalServerPort
    int port;
    @Autowired
    Fixtures fixtures;
    @Autowired
    WorkspaceService workspaces;
    @Autowired
    WorkspaceSessions sessions;
    @Autowired
    ClusterConnection cluster;

    @Test
    void theOwnersRunningWorkspaceIsReachedAtItsServiceWithThePasswordOfItsSecret() throws Exception {
        Project project = fixtures.workspaceProject("gwe");
        Workspace workspace = new WorkspaceFixtures(fixtures, workspaces).started(project, "researcher", "desk");
        workspaces.observe(project.id(), "desk", WorkspaceStatus.RUNNING, "");
        String namespace = "enclave-" + project.slug();
        Secret secret = cluster.client().secrets().inNamespace(namespace).withName("ws-desk-desktop").get();
        String password = new String(Base64.getDecoder().decode(secret.getData().get("password")),
                StandardCharsets.UTF_8);

        int before = PEER.connectionCount();
        String cookie = TunnelClient.signIn(port, "researcher", Fixtures.PASSWORD);
        TunnelClient browser = TunnelClient.open(port, cookie, TunnelClient.query(project.slug(), "desk"))
                .get(10, TimeUnit.SECONDS);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> PEER.connectionCount() == before + 1);
        GuacdTestPeer.Connection guacd = PEER.last();
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> guacd.parameters.containsKey("password"));

        assertThat(guacd.selected).isEqualTo("vnc");
        assertThat(guacd.parameters).containsEntry("hostname", "ws-desk." + namespace + ".svc")
                .containsEntry("port", "5901").containsEntry("password", password);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> sessions.hasOpenSession(workspace.id()));

        browser.session.close(CloseStatus.NORMAL);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !sessions.hasOpenSession(workspace.id()));
    }

    @Test
    void aWorkspaceThatIsNotRunningIsRefusedBeforeGuacdHearsOfIt() throws Exception {
        Project project = fixtures.workspaceProject("gwe");
        new WorkspaceFixtures(fixtures, workspaces).stopped(project, "researcher", "idle");
        int before = PEER.connectionCount();

        String cookie = TunnelClient.signIn(port, "researcher", Fixtures.PASSWORD);
        TunnelClient browser = TunnelClient.open(port, cookie, TunnelClient.query(project.slug(), "idle"))
                .get(10, TimeUnit.SECONDS);
        browser.awaitClose(10);

        assertThat(PEER.connectionCount()).isEqualTo(before);
    }
}
