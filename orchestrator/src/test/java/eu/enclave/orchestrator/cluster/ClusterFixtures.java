package eu.enclave.orchestrator.cluster;

import eu.enclave.orchestrator.cluster.apply.Retrier;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** What the reconciler tests share: a sample project, a clock that stands still, waits that are only recorded. */
final class ClusterFixtures {

    static final ProjectClusterSpec SAMPLE = ProjectBundleTest.SAMPLE;
    static final ProjectClusterSpec WITH_DATASETS = ProjectBundleTest.WITH_DATASETS;
    static final ClusterSettings SETTINGS = ProjectBundleTest.SETTINGS;
    static final String NAMESPACE = "enclave-cohort-2026";
    static final Instant NOW = Instant.parse("2026-07-01T10:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private ClusterFixtures() {
    }

    static ProjectClusterSpec withoutMirrors(ProjectClusterSpec spec) {
        return new ProjectClusterSpec(spec.projectId(), spec.slug(), spec.quota(), List.of(), spec.datasets());
    }

    static ProjectClusterSpec withoutDatasets(ProjectClusterSpec spec) {
        return new ProjectClusterSpec(spec.projectId(), spec.slug(), spec.quota(), spec.mirrors(), List.of());
    }

    /** Reconcilers whose waits between attempts are recorded in {@code waits} instead of slept. */
    static ProjectReconciler reconciler(KubernetesClient client, List<Duration> waits) {
        return new ProjectReconciler(client, SETTINGS, Retrier.standard(waits::add), CLOCK);
    }

    static ProjectReconciler reconciler(KubernetesClient client) {
        return reconciler(client, new ArrayList<>());
    }

    static String name(HasMetadata object) {
        return object.getMetadata().getName();
    }

    /**
     * Turns off Fabric8's own retries, so that the tests see the reconciler's, and makes requests time out
     * quickly, so that a timeout can be provoked.
     */
    public static final class PlainClient implements Consumer<KubernetesClientBuilder> {

        static final int REQUEST_TIMEOUT_MILLIS = 1_500;

        @Override
        public void accept(KubernetesClientBuilder builder) {
            builder.editOrNewConfig().withRequestRetryBackoffLimit(0).withRequestTimeout(REQUEST_TIMEOUT_MILLIS)
                    .endConfig();
        }
    }
}
