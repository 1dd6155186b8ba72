package eu.enclave.orchestrator.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import eu.enclave.orchestrator.OrchestratorApplication;
import eu.enclave.orchestrator.cluster.connection.ClusterConnection;
import eu.enclave.orchestrator.cluster.status.ClusterReconcileService;
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
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import javax.sql.DataSource;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.socket.CloseStatus;

/**
 * The tunnel with the real workspace feature behind it: a workspace the researcher started, seen running, is
 * reached at its Service with its template's protocol and port and the password its start put in its Secret; the
 * open session keeps it from idling; a stopped one is refused before guacd hears of it. And two replicas side by side
 * on one database: this context and a second one started here, which shares its sign-ins, shows the live status the
 * first one stores, and never idle-stops a desktop open on the first.
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

    @Autowired
    DataSource dataSource;
    @Autowired
    ClusterReconcileService reconcile;

    /**
     * A second replica on the same database (its own simulated cluster, and an idle timeout of zero, so that any
     * running workspace without an open session is idle to it).
     */
    private ConfigurableApplicationContext secondReplica() {
        return new SpringApplicationBuilder(OrchestratorApplication.class).run(
                "--server.port=0",
                "--spring.datasource.url=" + ((HikariDataSource) dataSource).getJdbcUrl(),
                "--spring.datasource.username=" + ((HikariDataSource) dataSource).getUsername(),
                "--enclave.guacd.host=" + PEER.host(), "--enclave.guacd.port=" + PEER.port(),
                "--enclave.lifecycle.check-interval=PT24H", "--enclave.workspaces.idle-timeout=PT0S",
                "--enclave.cluster.leader-election.identity=replica-b");
    }

    @Test
    void aSecondReplicaSharesTheSignInTheLiveStatusAndTheOpenDesktopSoItsIdleStopLeavesItRunning()
            throws Exception {
        Project project = fixtures.workspaceProject("gw-two");
        Workspace workspace = new WorkspaceFixtures(fixtures, workspaces).started(project, "researcher", "desk");
        workspaces.observe(project.id(), "desk", WorkspaceStatus.RUNNING, "");
        String cookie = TunnelClient.signIn(port, "researcher", Fixtures.PASSWORD);

        try (ConfigurableApplicationContext replicaB = secondReplica()) {
            int portB = ((ServletWebServerApplicationContext) replicaB).getWebServer().getPort();
            HttpClient http = HttpClient.newHttpClient();

            // signed in on this replica, a page of the other
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + portB
                    + "/projects/" + project.slug())).header("Cookie", cookie).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).as("no redirect to the sign-in page").isEqualTo(200);
            assertThat(page.body()).contains(project.slug()).contains("id=\"current-user\"");

            // a status stored by this replica (the leader) reaches a page open on the other
            BlockingQueue<String> events = new LinkedBlockingQueue<>();
            http.sendAsync(HttpRequest.newBuilder(URI.create("http://localhost:" + portB + "/projects/"
                            + project.slug() + "/cluster-status/stream")).header("Cookie", cookie).build(),
                    HttpResponse.BodyHandlers.ofLines()).thenAccept(response -> response.body()
                            .filter(line -> line.startsWith("event:")).forEach(events::add));
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> streamsOpen(replicaB) > 0);
            reconcile.reconcileIfOnCluster(project.slug());
            assertThat(events.poll(10, TimeUnit.SECONDS)).isEqualTo("event:cluster-status");

            // a desktop open here is in use for the other replica's idle stop
            TunnelClient browser = TunnelClient.open(port, cookie, TunnelClient.query(project.slug(), "desk"))
                    .get(10, TimeUnit.SECONDS);
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> sessions.hasOpenSession(workspace.id()));
            WorkspaceService idleStopOfB = replicaB.getBean(WorkspaceService.class);
            assertThat(idleStopOfB.stopIdle()).extracting(Workspace::id).doesNotContain(workspace.id());
            assertThat(workspaces.get(fixtures.user("researcher"), project.slug(), "desk").status())
                    .isEqualTo(WorkspaceStatus.RUNNING);

            // once it is closed, the other replica's idle stop does stop it (so the check above could fail)
            browser.session.close(CloseStatus.NORMAL);
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !sessions.hasOpenSession(workspace.id()));
            assertThat(idleStopOfB.stopIdle()).extracting(Workspace::id).contains(workspace.id());
        }
    }

    private static int streamsOpen(ConfigurableApplicationContext replica) {
        return replica.getBean(eu.enclave.orchestrator.cluster.web.ClusterStatusStreams.class).openStreams();
    }
}
