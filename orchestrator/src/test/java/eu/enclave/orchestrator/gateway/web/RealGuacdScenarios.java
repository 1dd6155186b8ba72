package eu.enclave.orchestrator.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import eu.enclave.orchestrator.gateway.DesktopProtocol;
import eu.enclave.orchestrator.gateway.GatewayTest;
import eu.enclave.orchestrator.gateway.TestDesktopWorkspaces;
import eu.enclave.orchestrator.gateway.TunnelClient;
import eu.enclave.orchestrator.project.Project;
import eu.enclave.orchestrator.support.Fixtures;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The tunnel against a real guacd (1.6.0, protocol VERSION_1_5_0). Subclasses say where guacd is; a VNC target
 * ({@code ENCLAVE_TEST_VNC_HOST}/{@code _PORT}/{@code _PASSWORD}, as guacd reaches it) is optional: without one,
 * the handshake is still checked, and a desktop guacd cannot reach must be one refusal with guacd's message.
 */
@GatewayTest
abstract class RealGuacdScenarios {

    @LocalServerPort
    int port;
    @Autowired
    Fixtures fixtures;
    @Autowired
    TestDesktopWorkspaces workspaces;

    @Test
    void aDesktopGuacdCannotReachIsOneRefusalWithGuacdsMessageAndNoSession() throws Exception {
        Project project = fixtures.activeProject("rg");
        // guacd accepts the parameters and answers ready, then its VNC client cannot resolve the name
        workspaces.register(project, "desk", fixtures.user("researcher"), true, DesktopProtocol.VNC, "not-used",
                "ws-desk.enclave-nowhere.invalid", 5901);
        expectUnreachable(project);
    }

    @Test
    void aWrongVncPasswordIsOneRefusalWithGuacdsMessageAndNoSession() throws Exception {
        String vncHost = System.getenv("ENCLAVE_TEST_VNC_HOST");
        Assumptions.assumeTrue(vncHost != null && !vncHost.isBlank(),
                "ENCLAVE_TEST_VNC_HOST not set: no VNC desktop to refuse a wrong password");
        Project project = fixtures.activeProject("rg");
        workspaces.register(project, "desk", fixtures.user("researcher"), true, DesktopProtocol.VNC,
                "wrong-" + vncPassword(), vncHost, vncPort());
        expectUnreachable(project);
    }

    private void expectUnreachable(Project project) throws Exception {
        long audit = fixtures.auditHead();
        TunnelClient browser = TunnelClient.open(port, TunnelClient.signIn(port, "researcher", Fixtures.PASSWORD),
                TunnelClient.query(project.slug(), "desk")).get(20, TimeUnit.SECONDS);
        assertThat(browser.next(20)).matches("0\\.,36\\.[0-9a-f-]{36};");
        assertThat(browser.awaitClose(60).getReason()).isEqualTo("desktop-unreachable");
        assertThat(fixtures.auditAfter(audit)).filteredOn(e -> e.action().startsWith("desktop."))
                .singleElement().satisfies(e -> {
                    assertThat(e.action()).isEqualTo("desktop.refused");
                    assertThat(e.details()).contains("desktop-unreachable").contains("Unable to connect");
                });
    }

    @Test
    void aRealVncDesktopSendsAFrame() throws Exception {
        String vncHost = System.getenv("ENCLAVE_TEST_VNC_HOST");
        Assumptions.assumeTrue(vncHost != null && !vncHost.isBlank(),
                "ENCLAVE_TEST_VNC_HOST not set: no VNC desktop to reach through guacd");
        Project project = fixtures.activeProject("rg");
        workspaces.register(project, "desk", fixtures.user("researcher"), true, DesktopProtocol.VNC, vncPassword(),
                vncHost, vncPort());
        TunnelClient browser = TunnelClient.open(port, TunnelClient.signIn(port, "researcher", Fixtures.PASSWORD),
                TunnelClient.query(project.slug(), "desk")).get(20, TimeUnit.SECONDS);
        TunnelRelayTest.collectUntil(browser, new java.util.ArrayList<>(), "4.size,");
        browser.session.close();
    }

    private static String vncPassword() {
        return System.getenv().getOrDefault("ENCLAVE_TEST_VNC_PASSWORD", "");
    }

    private static int vncPort() {
        return Integer.parseInt(System.getenv().getOrDefault("ENCLAVE_TEST_VNC_PORT", "5900"));
    }
}
