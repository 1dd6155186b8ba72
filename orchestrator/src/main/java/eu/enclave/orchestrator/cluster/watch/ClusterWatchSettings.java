package eu.enclave.orchestrator.cluster.watch;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the leader watches the objects it owns.
 *
 * @param enabled      false: hand edits are repaired by the periodic pass only
 * @param debounce     how long after an event about a project its reconcile waits, so that a burst of events
 *                     (a namespace deleted with all its objects) makes one run
 * @param restartDelay how long after an informer stopped it is started again
 */
@ConfigurationProperties("enclave.cluster.watch")
public record ClusterWatchSettings(Boolean enabled, Duration debounce, Duration restartDelay) {

    public ClusterWatchSettings {
        enabled = enabled == null || enabled;
        debounce = debounce == null ? Duration.ofSeconds(1) : debounce;
        restartDelay = restartDelay == null ? Duration.ofSeconds(30) : restartDelay;
    }
}
