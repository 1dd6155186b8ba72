package eu.enclave.orchestrator.workspace;

import eu.enclave.orchestrator.cluster.apply.Retrier;
import eu.enclave.orchestrator.cluster.apply.Sleeper;
import eu.enclave.orchestrator.dataset.approval.DatasetAccess;
import eu.enclave.orchestrator.secret.WorkspaceCredentials;
import eu.enclave.orchestrator.template.ProjectTemplates;
import eu.enclave.orchestrator.template.TemplateCatalogue;
import eu.enclave.orchestrator.workspace.cluster.WorkspaceReconciler;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The workspace feature's ports and their adapters: the template catalogue with each project's allowed templates,
 * the dataset approvals, and the secret store for desktop passwords.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WorkspaceSettings.class)
class WorkspaceConfiguration {

    @Bean
    WorkspaceImages workspaceImages(TemplateCatalogue catalogue, ProjectTemplates projectTemplates) {
        return new CatalogueWorkspaceImages(catalogue, projectTemplates);
    }

    @Bean
    DatasetMounts datasetMounts(DatasetAccess access) {
        return new ApprovedDatasetMounts(access);
    }

    @Bean
    DesktopPasswords desktopPasswords(WorkspaceCredentials credentials) {
        return new StoredDesktopPasswords(credentials);
    }

    @Bean
    WorkspaceReconciler workspaceReconciler(KubernetesClient client) {
        return new WorkspaceReconciler(client, Retrier.standard(Sleeper.REAL));
    }
}
