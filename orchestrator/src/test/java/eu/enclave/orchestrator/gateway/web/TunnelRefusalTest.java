package eu.enclave.orchestrator.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.enclave.orchestrator.gateway.DesktopProtocol;
import eu.enclave.orchestrator.gateway.PeerBackedGatewayTest;
import eu.enclave.orchestrator.gateway.TestDesktopWorkspaces;
import eu.enclave.orchestrator.gateway.TunnelClient;
import eu.enclave.orchestrator.membership.MembershipService;
import eu.enclave.orchestrator.membership.NewMember;
import eu.enclave.orchestrator.membership.ProjectRole;
import eu.enclave.orchestrator.project.Project;
import eu.enclave.orchestrator.project.ProjectStatus;
import eu.enclave.orchestrator.support.Fixtures;
import eu.enclave.orchestrator.support.MutableClock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.socket.CloseStatus;

/**
 * Everyone who may not open a desktop is refused before a single byte reaches guacd (the peer counts connections),
 * with the reason audited as {@code desktop.refused} and given to the browser as the close reason.
 */
class TunnelRefusalTest extends PeerBackedGatewayTest {

    @LocalServerPort
    int port;
    @Autowired
    Fixtures fixtures;
    @Autowired
    TestDesktopWorkspaces workspaces;
    @Autowired
    MembershipService memberships;
    @Autowired
    MutableClock clock;

    Project project;
    int connectionsBefore;

    @BeforeEach
    void researchersRunningWorkspace() {
        project = fixtures.activeProject("gwr");
        workspaces.register(project, "desk", fixtures.user("researcher"), true, DesktopProtocol.VNC, "pw-refusal-1");
        connectionsBefore = PEER.connectionCount();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void anotherProjectsMemberIsRefusedAsIfTheWorkspaceDidNotExist() throws Exception {
        Project other = fixtures.activeProject("gwo");
        memberships.add(fixtures.user("admin"), other.slug(),
                new NewMember("outsider", ProjectRole.RESEARCHER, null, null));
        assertRefused("outsider", project.slug(), "desk", "no-such-workspace");
    }

    @Test
    void anExpiredMemberIsRefused() throws Exception {
        memberships.add(fixtures.user("admin"), project.slug(),
                new NewMember("outsider", ProjectRole.RESEARCHER, fixtures.today(), fixtures.today()));
        workspaces.register(project, "outsiders", fixtures.user("outsider"), true, DesktopProtocol.VNC, "pw-2");
        clock.advance(Duration.ofDays(2));
        assertRefused("outsider", project.slug(), "outsiders", "no-such-workspace");
    }

    @Test
    void aMemberWhoIsNotTheOwnerIsRefused() throws Exception {
        assertRefused("pi", project.slug(), "desk", "not-owner");
    }

    @Test
    void anAdminWhoIsNotAMemberIsRefused() throws Exception {
        assertRefused("admin", project.slug(), "desk", "not-a-member");
    }

    @Test
    void aStoppedWorkspaceIsRefused() throws Exception {
        workspaces.register(project, "stopped", fixtures.user("researcher"), false, DesktopProtocol.VNC, "pw-3");
        assertRefused("researcher", project.slug(), "stopped", "workspace-not-running");
    }

    @Test
    void aSuspendedProjectIsRefused() throws Exception {
        Project suspended = fixtures.projectInStatus("gws", ProjectStatus.SUSPENDED);
        workspaces.register(suspended, "desk", fixtures.user("researcher"), true, DesktopProtocol.VNC, "pw-4");
        assertRefused("researcher", suspended.slug(), "desk", "project-not-active");
    }

    @Test
    void aForgedWorkspaceNameIsRefused() throws Exception {
        assertRefused("researcher", project.slug(), "no-such-desk", "no-such-workspace");
        assertRefused("researcher", project.slug(), "../desk", "bad-request");
        assertRefused("researcher", "no-such-project", "desk", "no-such-workspace");
    }

    @Test
    void anAnonymousRequestNeverGetsAWebSocket() {
        assertThatThrownBy(() -> TunnelClient.open(port, null, TunnelClient.query(project.slug(), "desk"))
                .get(10, TimeUnit.SECONDS)).hasMessageContaining("did not permit the HTTP upgrade");
        assertThatThrownBy(() -> TunnelClient.open(port, TunnelClient.PORTAL_SESSION + "=forged",
                TunnelClient.query(project.slug(), "desk")).get(10, TimeUnit.SECONDS))
                .hasMessageContaining("did not permit the HTTP upgrade");
        assertThat(PEER.connectionCount()).isEqualTo(connectionsBefore);
    }

    private void assertRefused(String username, String slug, String workspace, String reason) throws Exception {
        long audit = fixtures.auditHead();
        String cookie = TunnelClient.signIn(port, username, Fixtures.PASSWORD);
        TunnelClient browser = TunnelClient.open(port, cookie, TunnelClient.query(slug, workspace))
                .get(10, TimeUnit.SECONDS);
        CloseStatus status = browser.awaitClose(10);
        assertThat(status.getReason()).isEqualTo(reason);
        assertThat(status.getCode()).isNotEqualTo(1000);
        assertThat(browser.messages).as("nothing relayed to a refused browser").isEmpty();
        assertThat(PEER.connectionCount()).as("connections reaching guacd").isEqualTo(connectionsBefore);
        assertThat(fixtures.auditAfter(audit)).filteredOn(e -> e.action().startsWith("desktop."))
                .singleElement().satisfies(e -> {
                    assertThat(e.action()).isEqualTo("desktop.refused");
                    assertThat(e.actor()).isEqualTo(username);
                    assertThat(e.details()).contains("\"reason\":\"" + reason + "\"");
                });
    }
}
