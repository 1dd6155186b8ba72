package eu.enclave.egress.checking.queue;

import java.net.InetAddress;
import java.time.Duration;
import java.util.UUID;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The check queue's worker on this replica.
 *
 * @param enabled      run the background worker (tests run the queue themselves)
 * @param pollInterval how often the worker looks for jobs (it also starts at once after each submission)
 * @param lease        how long a taken job is this worker's without renewal: a crashed replica's job runs again
 *                     after it; renewed every third of it while the run goes on
 * @param maxAttempts  runs of a job before its files are recorded as "checks could not run" (review)
 * @param workerId     this replica's name in the queue
 */
@ConfigurationProperties("enclave.checks.queue")
public record CheckQueueSettings(Boolean enabled, Duration pollInterval, Duration lease, int maxAttempts,
                                 String workerId) {

    public CheckQueueSettings {
        enabled = enabled == null || enabled;
        pollInterval = pollInterval == null ? Duration.ofSeconds(5) : pollInterval;
        lease = lease == null ? Duration.ofMinutes(15) : lease;
        maxAttempts = maxAttempts <= 0 ? 3 : maxAttempts;
        workerId = workerId == null || workerId.isBlank() ? defaultWorkerId() : workerId;
    }

    private static String defaultWorkerId() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            host = "egress-review";
        }
        return host + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
