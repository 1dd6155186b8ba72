package eu.enclave.orchestrator.cluster.settings;

import eu.enclave.orchestrator.cluster.ClusterSpecSource;
import eu.enclave.orchestrator.cluster.ProjectClusterSpec;
import eu.enclave.orchestrator.cluster.ProjectQuota;
import eu.enclave.orchestrator.dataset.approval.DatasetAccess;
import eu.enclave.orchestrator.project.Project;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A project's desired cluster state from what admins and stewards stored: its quota (the default when none is
 * stored), its mirrors and the datasets whose approval is current, in four queries. Not access-checked: the
 * reconciler acts for the platform, not for a user.
 */
@Component
class StoredClusterSpecSource implements ClusterSpecSource {

    private final ClusterSettingsRepository settings;
    private final DatasetAccess datasets;

    StoredClusterSpecSource(ClusterSettingsRepository settings, DatasetAccess datasets) {
        this.settings = settings;
        this.datasets = datasets;
    }

    @Override
    @Transactional(readOnly = true)
    public ProjectClusterSpec specOf(Project project) {
        return new ProjectClusterSpec(project.id(), project.slug(),
                settings.findQuota(project.id()).orElse(ProjectQuota.DEFAULT), settings.findMirrors(project.id()),
                datasets.currentVolumes(project.id()));
    }
}
