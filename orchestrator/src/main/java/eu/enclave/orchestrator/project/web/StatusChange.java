package eu.enclave.orchestrator.project.web;

import eu.enclave.orchestrator.project.ProjectStatus;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /projects/{slug}/status}. */
public record StatusChange(
        @NotNull(message = "is required; one of active, suspended, archived") ProjectStatus status,
        @Size(max = 500, message = "must be at most 500 characters") String reason) {
}
