package eu.enclave.orchestrator.cluster;

import eu.enclave.orchestrator.project.Project;

/** Where the desired cluster state of a project comes from (its quota and allowed mirrors). */
public interface ClusterSpecSource {

    ProjectClusterSpec specOf(Project project);
}
