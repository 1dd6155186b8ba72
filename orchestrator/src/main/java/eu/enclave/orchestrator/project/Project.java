package eu.enclave.orchestrator.project;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A research project as stored. The slug is its permanent, DNS-safe name. */
public record Project(UUID id, String slug, String title, String description, String legalBasis,
                      String impactAssessment, LocalDate startDate, LocalDate endDate, ProjectStatus status,
                      Instant createdAt, Instant updatedAt) {

    public boolean isEndedOn(LocalDate day) {
        return endDate.isBefore(day);
    }
}
