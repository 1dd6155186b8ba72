package eu.enclave.orchestrator.workspace;

import eu.enclave.orchestrator.cluster.apply.Retrier;
import eu.enclave.orchestrator.cluster.apply.Sleeper;
import eu.enclave.orchestrator.workspace.cluster.WorkspaceReconciler;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The workspace feature's ports and their stand-ins. {@link #workspaceImages} and {@link #datasetMounts} are
 * INTERIM: they are replaced by adapters over the template catalogue and the dataset approvals, and
 * {@link #desktopPasswords} by a Vault-backed issuer.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WorkspaceSettings.class)
class WorkspaceConfiguration {

    @Bean
    WorkspaceImages workspaceImages(WorkspaceSettings settings) {
        return new InterimWorkspaceImages(settings.interimTemplate());
    }

    @Bean
    DatasetMounts datasetMounts() {
        return new NoDatasetMounts();
    }

    @Bean
    DesktopPasswords desktopPasswords() {
        return new RandomDesktopPasswords();
    }

    @Bean
    WorkspaceReconciler workspaceReconciler(KubernetesClient client) {
        return new WorkspaceReconciler(client, Retrier.standard(Sleeper.REAL));
    }
}
