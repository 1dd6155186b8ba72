package eu.enclave.orchestrator.project.web;

import eu.enclave.orchestrator.membership.ProjectRole;
import eu.enclave.orchestrator.project.Project;
import java.util.Set;

/** A line of "my projects": the project and the viewer's current roles in it. */
public record ProjectRow(Project project, Set<ProjectRole> roles) {
}
