package eu.enclave.orchestrator.cluster.leader;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.LeaderElectionRecord;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.Lock;
import java.time.Duration;

/**
 * A Lease lock that remembers when this replica last wrote its own claim, so that leadership can be judged
 * from that alone: a replica whose renewals hang (a call retried for long, an executor gone) would otherwise
 * be told nothing and keep acting after its claim expired and another took over. It also keeps why the last call
 * on the Lease failed ({@link #problem()}), which the elector only logs, until a claim is written or another
 * replica's claim is read.
 */
final class RenewalTrackingLock implements Lock {

    private final Lock lease;
    private final Duration leaseDuration;
    private volatile long claimedAt;
    private volatile boolean claimed;
    private volatile LeaseProblem problem;

    /**
     * @param leaseDuration the duration this replica claims; a record with another one is a release
     * @param problem       the previous lock's, carried over until a call clears it
     */
    RenewalTrackingLock(Lock lease, Duration leaseDuration, LeaseProblem problem) {
        this.lease = lease;
        this.leaseDuration = leaseDuration;
        this.problem = problem;
    }

    /** Whether this replica's last successful claim was written less than {@code period} ago. */
    boolean claimedWithin(Duration period) {
        return claimed && System.nanoTime() - claimedAt < period.toNanos();
    }

    /** Why the last call on the Lease failed; null once a claim was written or another's claim was read. */
    LeaseProblem problem() {
        return problem;
    }

    @Override
    public LeaderElectionRecord get(KubernetesClient client) {
        try {
            LeaderElectionRecord record = lease.get(client);
            if (record != null && !identity().equals(record.getHolderIdentity())) {
                problem = null; // it can be read, and someone else holds it
            }
            return record;
        } catch (KubernetesClientException e) {
            problem = LeaseProblem.of("get", e);
            throw e;
        }
    }

    @Override
    public void create(KubernetesClient client, LeaderElectionRecord record) {
        long started = System.nanoTime(); // the claim runs from before the call: the conservative side
        try {
            lease.create(client, record);
        } catch (KubernetesClientException e) {
            problem = LeaseProblem.of("create", e);
            throw e;
        }
        remember(record, started);
    }

    @Override
    public void update(KubernetesClient client, LeaderElectionRecord record) {
        long started = System.nanoTime();
        try {
            lease.update(client, record);
        } catch (KubernetesClientException e) {
            problem = LeaseProblem.of("update", e);
            throw e;
        }
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
        problem = null;
        if (identity().equals(record.getHolderIdentity()) && leaseDuration.equals(record.getLeaseDuration())) {
            claimedAt = started;
            claimed = true;
        } else {
            claimed = false; // released or handed over
        }
    }
}
