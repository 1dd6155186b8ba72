package eu.enclave.orchestrator.gateway;

import java.util.Locale;

/** How guacd speaks to a workspace's desktop; the template decides. Written in lower case, as guacd names them. */
public enum DesktopProtocol {
    VNC, RDP;

    public String guacdName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
