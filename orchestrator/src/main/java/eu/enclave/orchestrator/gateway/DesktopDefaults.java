package eu.enclave.orchestrator.gateway;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Desktop session defaults and limits ({@code enclave.desktop.*}): the session limits apply to projects that have
 * no settings of their own; the recording root is the folder of guacd's recording volume; the message size and
 * the check interval bound every tunnel.
 */
@ConfigurationProperties("enclave.desktop")
public record DesktopDefaults(@DefaultValue("PT8H") Duration maxSession, @DefaultValue("PT30M") Duration idleTimeout,
                              @DefaultValue("/var/lib/guacamole/recordings") String recordingRoot,
                              @DefaultValue("1MB") DataSize maxMessageSize,
                              @DefaultValue("PT5S") Duration limitCheckInterval) {

    public DesktopSettings settings() {
        return new DesktopSettings(true, false, (int) maxSession.toMinutes(), (int) idleTimeout.toMinutes());
    }
}
