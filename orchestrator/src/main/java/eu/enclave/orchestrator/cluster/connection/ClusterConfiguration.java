package eu.enclave.orchestrator.cluster.connection;

import eu.enclave.orchestrator.cluster.ClusterSettings;
import eu.enclave.orchestrator.cluster.ProjectReconciler;
import eu.enclave.orchestrator.cluster.apply.Retrier;
import eu.enclave.orchestrator.cluster.apply.Sleeper;
import eu.enclave.orchestrator.cluster.watch.ClusterWatchSettings;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The Kubernetes connection, the cluster layout settings and the reconciler that uses both. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ClusterConnectionSettings.class, ClusterWatchSettings.class})
class ClusterConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ClusterConfiguration.class);

    /** {@code enclave.cluster.*}, with the platform namespace the pod runs in when it runs in one. */
    @Bean
    ClusterSettings clusterSettings(Environment environment) {
        ClusterSettings configured = Binder.get(environment).bind("enclave.cluster", ClusterSettings.class)
                .orElseGet(ClusterSettings::defaults);
        PlatformNamespace platform = PlatformNamespace.resolve(configured.platformNamespace());
        log.info("Platform namespace: {} (from {}): the Lease, and guacd and egress-review unless configured",
                platform.name(), platform.source());
        return configured.inPlatformNamespace(platform.name());
    }

    @Bean(destroyMethod = "close")
    ClusterConnection clusterConnection(ClusterConnectionSettings settings) {
        return ClusterConnections.open(settings);
    }

    /** Closed with its connection. */
    @Bean(destroyMethod = "")
    KubernetesClient kubernetesClient(ClusterConnection connection) {
        return connection.client();
    }

    @Bean
    ProjectReconciler projectReconciler(KubernetesClient client, ClusterSettings settings, Clock clock) {
        return new ProjectReconciler(client, settings, Retrier.standard(Sleeper.REAL), clock);
    }
}
