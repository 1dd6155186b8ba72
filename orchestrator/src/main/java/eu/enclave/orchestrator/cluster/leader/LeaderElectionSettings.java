package eu.enclave.orchestrator.cluster.leader;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How orchestrator replicas choose the one that acts on the cluster: a coordination.k8s.io Lease.
 *
 * @param enabled       false: this replica always leads and takes no Lease (run one replica only)
 * @param namespace     namespace of the Lease (created when missing and allowed); unset: the platform namespace, the
 *                      one the orchestrator runs in ({@link #inNamespace})
 * @param leaseName     name of the Lease
 * @param leaseDuration how long a leader's claim holds without renewal: the longest a failover takes
 * @param renewDeadline how long the leader keeps trying to renew before it steps down (less than leaseDuration)
 * @param retryPeriod   time between attempts to acquire or renew
 * @param identity      this replica's name in the Lease; unset: host name and a random suffix
 */
@ConfigurationProperties("enclave.cluster.leader-election")
public record LeaderElectionSettings(Boolean enabled, String namespace, String leaseName, Duration leaseDuration,
                                     Duration renewDeadline, Duration retryPeriod, String identity) {

    public LeaderElectionSettings {
        enabled = enabled == null || enabled;
        namespace = namespace == null || namespace.isBlank() ? null : namespace;
        leaseName = leaseName == null ? "enclave-orchestrator" : leaseName;
        leaseDuration = leaseDuration == null ? Duration.ofSeconds(15) : leaseDuration;
        renewDeadline = renewDeadline == null ? Duration.ofSeconds(10) : renewDeadline;
        retryPeriod = retryPeriod == null ? Duration.ofSeconds(2) : retryPeriod;
        if (renewDeadline.compareTo(leaseDuration) >= 0) {
            throw new IllegalArgumentException("enclave.cluster.leader-election.renew-deadline must be shorter than"
                    + " lease-duration, or a stale leader could still act when another takes over");
        }
    }

    public static LeaderElectionSettings of(String identity, Duration leaseDuration, Duration renewDeadline,
                                            Duration retryPeriod) {
        return new LeaderElectionSettings(true, "enclave-system", null, leaseDuration, renewDeadline, retryPeriod,
                identity);
    }

    /** These settings with the Lease in {@code platformNamespace} unless a namespace was configured. */
    public LeaderElectionSettings inNamespace(String platformNamespace) {
        return namespace != null ? this : new LeaderElectionSettings(enabled, platformNamespace, leaseName,
                leaseDuration, renewDeadline, retryPeriod, identity);
    }
}
