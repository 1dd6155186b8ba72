package eu.enclave.orchestrator.cluster;

import eu.enclave.orchestrator.project.Project;
import java.util.List;
import org.springframework.stereotype.Component;

/** Until quotas and mirrors are stored per project: the default quota and no mirror for every project. */
@Component
class DefaultClusterSpecSource implements ClusterSpecSource {

    @Override
    public ProjectClusterSpec specOf(Project project) {
        return new ProjectClusterSpec(project.id(), project.slug(), ProjectQuota.DEFAULT, List.of());
    }
}
