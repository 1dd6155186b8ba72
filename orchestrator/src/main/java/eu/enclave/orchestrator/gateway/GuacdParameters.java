package eu.enclave.orchestrator.gateway;

import org.apache.guacamole.protocol.GuacamoleConfiguration;

/**
 * The connection parameters sent to guacd, built from the admission alone: nothing a browser sends can reach them.
 * Copy out of the workspace, drive and SFTP transfer, printing and audio are always off.
 */
public final class GuacdParameters {

    private GuacdParameters() {
    }

    public static GuacamoleConfiguration of(Admission admission) {
        DesktopWorkspace workspace = admission.workspace();
        GuacamoleConfiguration config = new GuacamoleConfiguration();
        config.setProtocol(workspace.protocol().guacdName());
        config.setParameter("hostname", workspace.hostname());
        config.setParameter("port", Integer.toString(workspace.port()));
        config.setParameter("password", admission.desktopPassword());
        config.setParameter("disable-copy", "true");
        config.setParameter("disable-paste", Boolean.toString(!admission.settings().pasteAllowed()));
        config.setParameter("enable-drive", "false");
        config.setParameter("enable-sftp", "false");
        config.setParameter("enable-printing", "false");
        config.setParameter("disable-audio", "true");
        config.setParameter("enable-audio-input", "false");
        if (workspace.protocol() == DesktopProtocol.RDP) {
            // workspace desktops present self-signed certificates inside the project's isolated namespace
            config.setParameter("ignore-cert", "true");
            config.setParameter("security", "any");
        }
        if (admission.recorded()) {
            config.setParameter("recording-path", admission.recording().path());
            config.setParameter("recording-name", admission.recording().name());
            config.setParameter("create-recording-path", "true");
        }
        return config;
    }
}
