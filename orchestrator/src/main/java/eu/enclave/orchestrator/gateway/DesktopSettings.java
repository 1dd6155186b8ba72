package eu.enclave.orchestrator.gateway;

import java.time.Duration;

/**
 * A project's desktop rules. Copy out of a workspace, file transfer, printing and audio are always off and are not
 * settings at all; paste into the workspace and recording are the project's choice, as are the session limits.
 */
public record DesktopSettings(boolean pasteAllowed, boolean recordingEnabled, int maxSessionMinutes,
                              int idleTimeoutMinutes) {

    public Duration maxSession() {
        return Duration.ofMinutes(maxSessionMinutes);
    }

    public Duration idleTimeout() {
        return Duration.ofMinutes(idleTimeoutMinutes);
    }
}
