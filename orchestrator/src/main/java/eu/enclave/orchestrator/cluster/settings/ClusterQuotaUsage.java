package eu.enclave.orchestrator.cluster.settings;

import eu.enclave.orchestrator.cluster.ClusterNames;
import eu.enclave.orchestrator.cluster.ClusterSettings;
import eu.enclave.orchestrator.cluster.apply.Retrier;
import eu.enclave.orchestrator.cluster.apply.Sleeper;
import eu.enclave.orchestrator.cluster.bundle.ProjectQuotas;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceQuota;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * What a project's namespace uses now, as the API server counts it in the status of the project's
 * ResourceQuota. Read while a person waits for an answer, so it gives up sooner than the reconciler.
 */
@Component
class ClusterQuotaUsage {

    private final KubernetesClient client;
    private final ClusterSettings settings;
    private final Retrier retrier = new Retrier(3, Duration.ofMillis(200), Duration.ofSeconds(1), Sleeper.REAL);

    ClusterQuotaUsage(KubernetesClient client, ClusterSettings settings) {
        this.client = client;
        this.settings = settings;
    }

    /**
     * Current use by quota key ({@code requests.memory}, {@code pods}, ...); empty when the namespace or its quota
     * does not exist yet, or the server has not counted anything.
     *
     * @throws eu.enclave.orchestrator.cluster.apply.ClusterCallFailed when the cluster could not be read
     */
    Map<String, Quantity> used(String slug) {
        String namespace = ClusterNames.namespace(settings.namespacePrefix(), slug);
        ResourceQuota quota = retrier.call(() -> client.resourceQuotas().inNamespace(namespace)
                .withName(ProjectQuotas.QUOTA_NAME).get());
        if (quota == null || quota.getStatus() == null || quota.getStatus().getUsed() == null) {
            return Map.of();
        }
        return quota.getStatus().getUsed();
    }
}
