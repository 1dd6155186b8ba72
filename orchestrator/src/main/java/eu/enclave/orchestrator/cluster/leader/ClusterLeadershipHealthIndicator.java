package eu.enclave.orchestrator.cluster.leader;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code clusterLeadership}: DOWN, with the reason, when no replica can lead for a reason that will not heal by
 * itself (then nothing is applied to the cluster); otherwise UP, saying who leads. Outside the readiness group, so
 * that the portal stays reachable to explain.
 */
@Component
class ClusterLeadershipHealthIndicator implements HealthIndicator {

    private final ClusterLeaderService leadership;

    ClusterLeadershipHealthIndicator(ClusterLeaderService leadership) {
        this.leadership = leadership;
    }

    @Override
    public Health health() {
        LeaderElectionSettings settings = leadership.settings();
        Health.Builder health = leadership.cannotLeadBecause()
                .map(reason -> Health.down().withDetail("reason", reason + ". Nothing is being applied to the cluster."))
                .orElseGet(Health::up);
        health.withDetail("replica", leadership.identity()).withDetail("leads", leadership.isLeader());
        if (!settings.enabled()) {
            return health.withDetail("leaderElection", "disabled: this replica leads alone").build();
        }
        health.withDetail("lease", settings.namespace() + "/" + settings.leaseName());
        leadership.observedLeader().ifPresent(leader -> health.withDetail("leader", leader));
        leadership.leaseProblem().filter(LeaseProblem::heals).ifPresent(problem -> health.withDetail("lastError",
                problem.describe(settings.namespace(), settings.leaseName())));
        return health.build();
    }
}
