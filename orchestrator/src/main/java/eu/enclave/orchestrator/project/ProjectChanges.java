package eu.enclave.orchestrator.project;

import jakarta.validation.constraints.Null;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** A partial update: absent fields stay as they are. The slug is accepted only to refuse it by name. */
public record ProjectChanges(
        @Null(message = "is immutable: a project keeps its slug for life")
        String slug,
        @Size(min = 1, max = 200, message = "must be 1 to 200 characters")
        @Pattern(regexp = ".*\\S.*", message = "must not be blank")
        String title,
        @Size(max = 4000, message = "must be at most 4000 characters")
        String description,
        @Size(min = 1, max = 200, message = "must be 1 to 200 characters")
        @Pattern(regexp = ".*\\S.*", message = "must not be blank")
        String legalBasis,
        @Size(max = 200, message = "must be at most 200 characters")
        String impactAssessment,
        LocalDate startDate,
        LocalDate endDate) {

    Project applyTo(Project p, java.time.Instant now) {
        return new Project(p.id(), p.slug(), or(title, p.title()), or(description, p.description()),
                or(legalBasis, p.legalBasis()), or(impactAssessment, p.impactAssessment()),
                or(startDate, p.startDate()), or(endDate, p.endDate()), p.status(), p.createdAt(), now);
    }

    private static <T> T or(T value, T current) {
        return value != null ? value : current;
    }
}
