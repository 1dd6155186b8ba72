package eu.enclave.orchestrator.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The whole parameter set guacd receives, pinned, and the connect query read strictly. */
class GuacdParametersTest {

    private static final UUID SESSION = UUID.fromString("00000000-0000-0000-0000-000000000001");

    @Test
    void aVncDesktopWithoutRecordingGetsExactlyTheLockedDownSet() {
        var config = GuacdParameters.of(admission(DesktopProtocol.VNC, new DesktopSettings(true, false, 480, 30), null));
        assertThat(config.getProtocol()).isEqualTo("vnc");
        assertThat(config.getParameters()).isEqualTo(Map.ofEntries(
                Map.entry("hostname", "ws-desk.enclave-p.svc"), Map.entry("port", "5901"),
                Map.entry("password", "pw"), Map.entry("disable-copy", "true"), Map.entry("disable-paste", "false"),
                Map.entry("enable-drive", "false"), Map.entry("enable-sftp", "false"),
                Map.entry("enable-printing", "false"), Map.entry("disable-audio", "true"),
                Map.entry("enable-audio-input", "false")));
    }

    @Test
    void anRdpDesktopOfARecordedProjectWithoutPaste() {
        var config = GuacdParameters.of(admission(DesktopProtocol.RDP, new DesktopSettings(false, true, 60, 10),
                Recording.of("/recordings/", "p", SESSION.toString())));
        assertThat(config.getProtocol()).isEqualTo("rdp");
        assertThat(config.getParameters()).containsEntry("disable-paste", "true")
                .containsEntry("recording-path", "/recordings/p")
                .containsEntry("recording-name", SESSION.toString())
                .containsEntry("create-recording-path", "true")
                .containsEntry("ignore-cert", "true")
                .containsEntry("disable-copy", "true");
    }

    @Test
    void theAdmissionNeverPrintsThePassword() {
        assertThat(admission(DesktopProtocol.VNC, new DesktopSettings(true, false, 1, 1), null).toString())
                .doesNotContain("pw");
    }

    @Test
    void theConnectQueryKeepsOnlyWhatItKnows() {
        ConnectRequest request = ConnectRequest.parse("project=p&workspace=desk&width=800&height=600&dpi=120"
                + "&audio=audio%2FL16%3Brate%3D44100%2Cchannels%3D2&image=image%2Fpng&timezone=Europe%2FParis&disable-copy=false&password=x");
        assertThat(request.project()).isEqualTo("p");
        assertThat(request.workspace()).isEqualTo("desk");
        assertThat(request.client().getOptimalScreenWidth()).isEqualTo(800);
        assertThat(request.client().getOptimalResolution()).isEqualTo(120);
        assertThat(request.client().getImageMimetypes()).containsExactly("image/png");
        assertThat(request.client().getAudioMimetypes()).containsExactly("audio/L16;rate=44100,channels=2");
        assertThat(request.client().getTimezone()).isEqualTo("Europe/Paris");
    }

    @Test
    void aMalformedConnectQueryIsRefusedNamingTheField() {
        for (String[] bad : new String[][] {
            {"workspace=desk", "project"}, {"project=p", "workspace"}, {"project=P%20Q&workspace=desk", "project"},
            {"project=p&workspace=..%2Fdesk", "workspace"}, {"project=p&project=q&workspace=desk", "project"},
            {"project=p&workspace=desk&width=99999", "width"}, {"project=p&workspace=desk&dpi=x", "dpi"},
            {"project=p&workspace=desk&image=%3Cscript%3E", "image"},
            {"project=p&workspace=desk&timezone=a%3Bb", "timezone"}}) {
            assertThatThrownBy(() -> ConnectRequest.parse(bad[0])).as(bad[0]).isInstanceOf(TunnelRefused.class)
                    .hasMessageContaining("(" + bad[1] + ")")
                    .satisfies(e -> assertThat(((TunnelRefused) e).refusal()).isEqualTo(Refusal.BAD_REQUEST));
        }
    }

    private static Admission admission(DesktopProtocol protocol, DesktopSettings settings, Recording recording) {
        DesktopWorkspace workspace = new DesktopWorkspace(UUID.randomUUID(), UUID.randomUUID(), "desk",
                UUID.randomUUID(), true, "ws-desk.enclave-p.svc", 5901, protocol);
        return new Admission(SESSION, "p", workspace.projectId(), workspace, settings, recording, "pw", Instant.EPOCH);
    }
}
