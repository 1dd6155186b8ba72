package eu.enclave.orchestrator.gateway.web;

import org.apache.guacamole.protocol.GuacamoleStatus;

/**
 * Why a relayed session ended: the audited reason, and the WebSocket close the browser sees (a Guacamole status
 * code and the reason's name, which the desktop page translates).
 */
enum CloseReason {
    BROWSER_CLOSED("browser-closed", null),
    WORKSPACE_ENDED("workspace-ended", null),
    MAX_SESSION("max-session", GuacamoleStatus.SESSION_TIMEOUT),
    IDLE("idle", GuacamoleStatus.SESSION_TIMEOUT),
    /** Checked again while open: membership ended, project no longer active, or workspace stopped. */
    ACCESS_ENDED("access-ended", GuacamoleStatus.CLIENT_FORBIDDEN),
    UPSTREAM_ERROR("upstream-error", GuacamoleStatus.UPSTREAM_ERROR),
    SERVER_STOPPING("server-stopping", GuacamoleStatus.SERVER_BUSY);

    private final String code;
    private final GuacamoleStatus status;

    CloseReason(String code, GuacamoleStatus status) {
        this.code = code;
        this.status = status;
    }

    String code() {
        return code;
    }

    /** 1000 for an ordinary end, otherwise the Guacamole status's WebSocket code. */
    int webSocketCode() {
        return status == null ? 1000 : status.getWebSocketCode();
    }
}
