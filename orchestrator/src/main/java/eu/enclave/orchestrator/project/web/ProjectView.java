package eu.enclave.orchestrator.project.web;

import eu.enclave.orchestrator.membership.ProjectRole;
import eu.enclave.orchestrator.project.Project;
import eu.enclave.orchestrator.project.ProjectStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

/**
 * A project as the API shows it.
 *
 * @param myRoles     the caller's current roles in it
 * @param transitions statuses the caller may move it to now
 */
public record ProjectView(String slug, String title, String description, String legalBasis, String impactAssessment,
                          LocalDate startDate, LocalDate endDate, ProjectStatus status, Instant createdAt,
                          Instant updatedAt, Set<ProjectRole> myRoles, Set<ProjectStatus> transitions) {

    static ProjectView of(Project p, Set<ProjectRole> myRoles, Set<ProjectStatus> transitions) {
        return new ProjectView(p.slug(), p.title(), p.description(), p.legalBasis(), p.impactAssessment(),
                p.startDate(), p.endDate(), p.status(), p.createdAt(), p.updatedAt(), myRoles, transitions);
    }
}
