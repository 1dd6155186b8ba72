package eu.enclave.orchestrator.cluster.connection;

import eu.enclave.orchestrator.cluster.ClusterSettings;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The Kubernetes connection and the cluster layout settings. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ClusterConnectionSettings.class, ClusterSettings.class})
class ClusterConfiguration {

    @Bean(destroyMethod = "close")
    ClusterConnection clusterConnection(ClusterConnectionSettings settings) {
        return ClusterConnections.open(settings);
    }

    /** Closed with its connection. */
    @Bean(destroyMethod = "")
    KubernetesClient kubernetesClient(ClusterConnection connection) {
        return connection.client();
    }
}
