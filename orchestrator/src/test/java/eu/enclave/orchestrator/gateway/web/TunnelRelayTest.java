package eu.enclave.orchestrator.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import eu.enclave.orchestrator.gateway.DesktopProtocol;
import eu.enclave.orchestrator.gateway.DesktopSettingsInput;
import eu.enclave.orchestrator.gateway.DesktopSettingsService;
import eu.enclave.orchestrator.gateway.DesktopWorkspace;
import eu.enclave.orchestrator.gateway.PeerBackedGatewayTest;
import eu.enclave.orchestrator.gateway.GuacdTestPeer;
import eu.enclave.orchestrator.gateway.RecordedSession;
import eu.enclave.orchestrator.gateway.TestDesktopWorkspaces;
import eu.enclave.orchestrator.gateway.TunnelClient;
import eu.enclave.orchestrator.project.Project;
import eu.enclave.orchestrator.support.Fixtures;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.guacamole.protocol.GuacamoleStatus;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.socket.CloseStatus;

/**
 * The tunnel end to end against the guacd test peer: the exact connection parameters guacd receives (locked down,
 * from the server only, whatever the browser asks), the JS client's expectations (tunnel UUID first, ping echo,
 * drawing relayed, input relayed), recording, session limits, and the audit entries and activity reports of each
 * connect and disconnect. No message to the browser carries a credential or an address.
 */
class TunnelRelayTest extends PeerBackedGatewayTest {

    static final String PASSWORD = "desk-Pw-7Qx9-not-for-browsers";

    @LocalServerPort
    int port;
    @Autowired
    Fixtures fixtures;
    @Autowired
    TestDesktopWorkspaces workspaces;
    @Autowired
    DesktopSettingsService settings;
    @Autowired
    OpenTunnels open;
    @Autowired
    JdbcClient jdbc;

    Project project;
    DesktopWorkspace workspace;
    String cookie;

    @BeforeEach
    void runningWorkspace() throws Exception {
        project = fixtures.activeProject("gw");
        workspace = workspaces.register(project, "desk", fixtures.user("researcher"), true, DesktopProtocol.VNC,
                PASSWORD);
        cookie = TunnelClient.signIn(port, "researcher", Fixtures.PASSWORD);
    }

    @Test
    void theOwnerReachesGuacdWithLockedDownParametersAndTheRelayWorksBothWays() throws Exception {
        int before = PEER.connectionCount();
        long audit = fixtures.auditHead();
        TunnelClient browser = TunnelClient.open(port, cookie, TunnelClient.query(project.slug(), "desk"))
                .get(10, TimeUnit.SECONDS);
        assertThat(browser.session.getAcceptedProtocol()).isEqualTo("guacamole");

        String first = browser.next(10);
        assertThat(first).matches("0\\.,36\\.[0-9a-f-]{36};");
        String sessionId = first.substring(6, 42);

        List<String> received = new ArrayList<>();
        received.add(first);
        String all = collectUntil(browser, received, "4.sync,");
        assertThat(all).contains("4.size,1.0,3.640,3.400;").contains("5.cfill,").contains("4.rect,");

        assertThat(PEER.connectionCount()).isEqualTo(before + 1);
        GuacdTestPeer.Connection guacd = PEER.last();
        assertThat(guacd.selected).isEqualTo("vnc");
        assertThat(guacd.handshake.get("connect-version")).containsExactly("VERSION_1_5_0");
        assertThat(guacd.handshake.get("size")).containsExactly("1280", "720", "96");
        assertThat(guacd.handshake.get("image")).containsExactly("image/png", "image/jpeg");
        assertThat(guacd.handshake.get("timezone")).containsExactly("Europe/Paris");
        assertThat(guacd.parameters)
                .containsEntry("hostname", workspace.hostname())
                .containsEntry("port", "5901")
                .containsEntry("password", PASSWORD)
                .containsEntry("disable-copy", "true")
                .containsEntry("disable-paste", "false")
                .containsEntry("enable-drive", "false")
                .containsEntry("enable-sftp", "false")
                .containsEntry("enable-printing", "false")
                .containsEntry("disable-audio", "true")
                .containsEntry("recording-path", "")
                .containsEntry("recording-name", "");

        // the client's ping comes back unchanged and never reaches guacd; input does
        browser.send("0.,4.ping,13.1700000000000;");
        assertThat(awaitMessage(browser, "0.,4.ping,")).isEqualTo("0.,4.ping,13.1700000000000;");
        browser.send("5.mouse,2.10,2.20,1.1;");
        assertThat(guacd.awaitInstruction("mouse", 5000)).containsExactly("mouse", "10", "20", "1");

        browser.session.close(CloseStatus.NORMAL);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> guacd.ended);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> open.count() == 0);

        var entries = fixtures.auditAfter(audit);
        assertThat(entries).extracting(e -> e.action()).containsSubsequence("desktop.connected", "desktop.disconnected");
        var connected = entries.stream().filter(e -> e.action().equals("desktop.connected")).findFirst().orElseThrow();
        assertThat(connected.actor()).isEqualTo("researcher");
        assertThat(connected.target()).isEqualTo("workspace:" + project.slug() + "/desk");
        assertThat(connected.details()).contains(sessionId).contains("\"recorded\":false");
        var disconnected = entries.stream().filter(e -> e.action().equals("desktop.disconnected")).findFirst()
                .orElseThrow();
        assertThat(disconnected.details()).contains("\"reason\":\"browser-closed\"").contains("durationSeconds");
        assertThat(workspaces.activity).contains("opened " + workspace.id() + " researcher",
                "closed " + workspace.id());

        String everything = String.join("", received);
        assertThat(everything).doesNotContain(PASSWORD).doesNotContain(workspace.hostname())
                .doesNotContain(Integer.toString(PEER.port())).doesNotContain("127.0.0.1");
        assertThat(entries).allSatisfy(e -> assertThat(e.details()).doesNotContain(PASSWORD));
    }

    @Test
    void parametersInTheBrowsersQueryAreIgnored() throws Exception {
        String forged = TunnelClient.query(project.slug(), "desk") + "&disable-copy=false&enable-drive=true"
                + "&enable-sftp=true&recording-path=%2Ftmp%2Fx&hostname=evil.example&port=22&password=guess"
                + "&protocol=rdp&GUAC_DISABLE_COPY=false";
        int before = PEER.connectionCount();
        TunnelClient browser = TunnelClient.open(port, cookie, forged).get(10, TimeUnit.SECONDS);
        collectUntil(browser, new ArrayList<>(), "4.sync,");
        assertThat(PEER.connectionCount()).isEqualTo(before + 1);
        GuacdTestPeer.Connection guacd = PEER.last();
        assertThat(guacd.selected).isEqualTo("vnc");
        assertThat(guacd.parameters).containsEntry("disable-copy", "true").containsEntry("enable-drive", "false")
                .containsEntry("enable-sftp", "false").containsEntry("recording-path", "")
                .containsEntry("hostname", workspace.hostname()).containsEntry("port", "5901")
                .containsEntry("password", PASSWORD);
        browser.session.close();
    }

    @Test
    void aRecordedProjectTellsGuacdWhereToWriteAndAdminsListTheRecording() throws Exception {
        settings.replace(fixtures.user("admin"), project.slug(), new DesktopSettingsInput(false, true, 240, 30));
        long audit = fixtures.auditHead();
        TunnelClient browser = TunnelClient.open(port, cookie, TunnelClient.query(project.slug(), "desk"))
                .get(10, TimeUnit.SECONDS);
        String sessionId = browser.next(10).substring(6, 42);
        collectUntil(browser, new ArrayList<>(), "4.sync,");
        GuacdTestPeer.Connection guacd = PEER.last();
        assertThat(guacd.parameters)
                .containsEntry("recording-path", "/recordings/" + project.slug())
                .containsEntry("recording-name", sessionId)
                .containsEntry("create-recording-path", "true")
                .containsEntry("disable-paste", "true");
        var connected = fixtures.auditAfter(audit).stream().filter(e -> e.action().equals("desktop.connected"))
                .findFirst().orElseThrow();
        assertThat(connected.details()).contains("\"recordingPath\":\"/recordings/" + project.slug() + "\"")
                .contains("\"recordingName\":\"" + sessionId + "\"");

        List<RecordedSession> recordings = settings.recordings(fixtures.user("admin"), project.slug());
        assertThat(recordings).singleElement().satisfies(r -> {
            assertThat(r.sessionId().toString()).isEqualTo(sessionId);
            assertThat(r.username()).isEqualTo("researcher");
            assertThat(r.recordingPath()).isEqualTo("/recordings/" + project.slug());
        });
        browser.session.close();
    }

    @Test
    void anIdleSessionAndAnOverlongSessionAreClosedWithTheirReason() throws Exception {
        TunnelClient idle = TunnelClient.open(port, cookie, TunnelClient.query(project.slug(), "desk"))
                .get(10, TimeUnit.SECONDS);
        collectUntil(idle, new ArrayList<>(), "4.sync,");
        long audit = fixtures.auditHead();
        open.enforceLimitsAt(System.nanoTime() + Duration.ofMinutes(31).toNanos());
        CloseStatus status = idle.awaitClose(10);
        assertThat(status.getReason()).isEqualTo("idle");
        // The browser sees the close before the relay's own close handler has audited it.
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(fixtures.auditAfter(audit)).anySatisfy(e -> {
                    assertThat(e.action()).isEqualTo("desktop.disconnected");
                    assertThat(e.details()).contains("\"reason\":\"idle\"");
                }));

        TunnelClient overlong = TunnelClient.open(port, cookie, TunnelClient.query(project.slug(), "desk"))
                .get(10, TimeUnit.SECONDS);
        collectUntil(overlong, new ArrayList<>(), "4.sync,");
        open.enforceLimitsAt(System.nanoTime() + Duration.ofHours(9).toNanos());
        assertThat(overlong.awaitClose(10).getReason()).isEqualTo("max-session");
    }

    @Test
    void anOpenSessionIsCheckedAgainAndEndsOnceTheWorkspaceNoLongerRuns() throws Exception {
        TunnelClient browser = TunnelClient.open(port, cookie, TunnelClient.query(project.slug(), "desk"))
                .get(10, TimeUnit.SECONDS);
        collectUntil(browser, new ArrayList<>(), "4.sync,");

        open.reauthorise();
        assertThat(browser.session.isOpen()).as("still allowed: the session goes on").isTrue();

        long audit = fixtures.auditHead();
        workspaces.register(project, "desk", fixtures.user("researcher"), false, DesktopProtocol.VNC, PASSWORD);
        open.reauthorise();

        assertThat(browser.awaitClose(10).getReason()).isEqualTo("access-ended");
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> fixtures.auditAfter(audit).stream()
                .anyMatch(e -> e.action().equals("desktop.disconnected")));
        assertThat(fixtures.auditAfter(audit)).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("desktop.refused");
            assertThat(e.details()).contains("workspace-not-running");
        }).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("desktop.disconnected");
            assertThat(e.details()).contains("\"reason\":\"access-ended\"");
        });
    }

    @Test
    void whenGuacdEndsTheSessionTheBrowserIsClosedAndItIsAudited() throws Exception {
        TunnelClient browser = TunnelClient.open(port, cookie, TunnelClient.query(project.slug(), "desk"))
                .get(10, TimeUnit.SECONDS);
        collectUntil(browser, new ArrayList<>(), "4.sync,");
        long audit = fixtures.auditHead();
        PEER.last().close();
        assertThat(browser.awaitClose(10).getReason()).isIn("workspace-ended", "upstream-error");
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> fixtures.auditAfter(audit).stream()
                .anyMatch(e -> e.action().equals("desktop.disconnected")));
    }

    @Test
    void aDesktopGuacdCannotReachIsOneRefusalWithGuacdsMessageAndNeverASession() throws Exception {
        workspaces.register(project, "lost", fixtures.user("researcher"), true, DesktopProtocol.VNC, PASSWORD,
                GuacdTestPeer.UNREACHABLE_HOST, 5901);
        int before = PEER.connectionCount();
        int activityBefore = workspaces.activity.size();
        long audit = fixtures.auditHead();

        TunnelClient browser = TunnelClient.open(port, cookie, TunnelClient.query(project.slug(), "lost"))
                .get(10, TimeUnit.SECONDS);
        CloseStatus status = browser.awaitClose(10);

        assertThat(status.getReason()).isEqualTo("desktop-unreachable");
        assertThat(status.getCode()).isEqualTo(GuacamoleStatus.UPSTREAM_UNAVAILABLE.getWebSocketCode());
        assertThat(String.join("", browser.messages)).as("guacd's error is not relayed as if from a session")
                .doesNotContain("5.error,");
        assertThat(PEER.connectionCount()).isEqualTo(before + 1);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> open.count() == 0);
        var entries = fixtures.auditAfter(audit).stream().filter(e -> e.action().startsWith("desktop.")).toList();
        assertThat(entries).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo("desktop.refused");
            assertThat(e.actor()).isEqualTo("researcher");
            assertThat(e.target()).isEqualTo("workspace:" + project.slug() + "/lost");
            assertThat(e.details()).contains("\"reason\":\"desktop-unreachable\"")
                    .contains("\"message\":\"" + GuacdTestPeer.UNREACHABLE_MESSAGE + "\"");
        });
        assertThat(workspaces.activity.subList(activityBefore, workspaces.activity.size()))
                .as("never reported as an open session").isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM desktop_sessions WHERE workspace_name = 'lost' AND project_id = ?")
                .param(project.id()).query(Integer.class).single()).isZero();
    }

    @Test
    void aSessionIsAuditedAsConnectedOnlyOnceGuacdRelayedTheFirstFrame() throws Exception {
        long audit = fixtures.auditHead();
        PEER.holdFrames();
        try {
            TunnelClient browser = TunnelClient.open(port, cookie, TunnelClient.query(project.slug(), "desk"))
                    .get(10, TimeUnit.SECONDS);
            assertThat(browser.next(10)).as("the tunnel's UUID, sent once guacd answered ready")
                    .matches("0\\.,36\\.[0-9a-f-]{36};");
            assertThat(fixtures.auditAfter(audit)).extracting(e -> e.action()).doesNotContain("desktop.connected");
            assertThat(workspaces.activity).doesNotContain("opened " + workspace.id() + " researcher");

            PEER.releaseFrames();
            collectUntil(browser, new ArrayList<>(), "4.sync,");
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> fixtures.auditAfter(audit).stream()
                    .anyMatch(e -> e.action().equals("desktop.connected")));
            assertThat(workspaces.activity).contains("opened " + workspace.id() + " researcher");
            assertThat(fixtures.auditAfter(audit)).extracting(e -> e.action()).doesNotContain("desktop.refused");
            browser.session.close();
        } finally {
            PEER.releaseFrames();
        }
    }

    static String collectUntil(TunnelClient browser, List<String> into, String marker) throws InterruptedException {
        StringBuilder all = new StringBuilder(String.join("", into));
        long end = System.currentTimeMillis() + 10_000;
        while (!all.toString().contains(marker) && System.currentTimeMillis() < end) {
            String next = browser.next(1);
            if (next != null) {
                into.add(next);
                all.append(next);
            }
        }
        assertThat(all.toString()).as("relayed from guacd").contains(marker);
        return all.toString();
    }

    static String awaitMessage(TunnelClient browser, String prefix) throws InterruptedException {
        long end = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < end) {
            String next = browser.next(1);
            if (next != null && next.startsWith(prefix)) {
                return next;
            }
        }
        return null;
    }
}
