package eu.enclave.orchestrator.cluster.leader;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.LeaderElectionRecord;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.Lock;
import java.time.Duration;

/**
 * A Lease lock that remembers when this replica last wrote its own claim, so that leadership can be judged
 * from that alone: a replica whose renewals hang (a call retried for long, an executor gone) would otherwise
 * be told nothing and keep acting after its claim expired and another took over.
 */
final class RenewalTrackingLock implements Lock {

    private final Lock lease;
    private final Duration leaseDuration;
    private volatile long claimedAt;
    private volatile boolean claimed;

    /** @param leaseDuration the duration this replica claims; a record with another one is a release */
    RenewalTrackingLock(Lock lease, Duration leaseDuration) {
        this.lease = lease;
        this.leaseDuration = leaseDuration;
    }

    /** Whether this replica's last successful claim was written less than {@code period} ago. */
    boolean claimedWithin(Duration period) {
        return claimed && System.nanoTime() - claimedAt < period.toNanos();
    }

    @Override
    public LeaderElectionRecord get(KubernetesClient client) {
        return lease.get(client);
    }

    @Override
    public void create(KubernetesClient client, LeaderElectionRecord record) {
        long started = System.nanoTime(); // the claim runs from before the call: the conservative side
        lease.create(client, record);
        remember(record, started);
    }

    @Override
    public void update(KubernetesClient client, LeaderElectionRecord record) {
        long started = System.nanoTime();
        lease.update(client, record);
        remember(record, started);
    }

    @Override
    public String identity() {
        return lease.identity();
    }

    @Override
    public String describe() {
        return lease.describe();
    }

    private void remember(LeaderElectionRecord record, long started) {
        if (identity().equals(record.getHolderIdentity()) && leaseDuration.equals(record.getLeaseDuration())) {
            claimedAt = started;
            claimed = true;
        } else {
            claimed = false; // released or handed over
        }
    }
}
