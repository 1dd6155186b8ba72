package eu.enclave.orchestrator.cluster.connection;

import eu.enclave.orchestrator.health.BoundedCheck;
import io.fabric8.kubernetes.client.VersionInfo;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code clusterConnection}: whether the Kubernetes API server answers (its discovery document {@code /api}, which
 * every authenticated client may read), its version, and which server it is.
 */
@Component
class ClusterConnectionHealthIndicator implements HealthIndicator {

    private final ClusterConnection connection;

    ClusterConnectionHealthIndicator(ClusterConnection connection) {
        this.connection = connection;
    }

    @Override
    public Health health() {
        Health probed = BoundedCheck.run(() -> {
            Health.Builder up = Health.up().withDetail("apiVersions", connection.client().getAPIVersions()
                    .getVersions());
            try {
                VersionInfo version = connection.client().getKubernetesVersion();
                up.withDetail("version", version.getGitVersion());
            } catch (RuntimeException e) {
                // the version document is informative only (the simulated cluster has none)
            }
            return up.build();
        });
        return Health.status(probed.getStatus()).withDetails(probed.getDetails())
                .withDetail("url", connection.url()).withDetail("source", connection.source())
                .withDetail("simulated", connection.simulated()).build();
    }
}
