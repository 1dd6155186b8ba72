package eu.enclave.orchestrator.project;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * What an admin gives to create a project (API body and portal form alike).
 *
 * @param principalInvestigator optional username appointed PI at creation
 */
public record ProjectDraft(
        @NotBlank(message = "is required")
        @Size(max = 40, message = "must be at most 40 characters")
        @Pattern(regexp = Slugs.DNS_LABEL, message = Slugs.DNS_LABEL_REASON)
        String slug,
        @NotBlank(message = "is required") @Size(max = 200, message = "must be at most 200 characters")
        String title,
        @Size(max = 4000, message = "must be at most 4000 characters")
        String description,
        @NotBlank(message = "is required (e.g. a CNIL authorisation number or an MR-004 reference)")
        @Size(max = 200, message = "must be at most 200 characters")
        String legalBasis,
        @Size(max = 200, message = "must be at most 200 characters")
        String impactAssessment,
        @NotNull(message = "is required") LocalDate startDate,
        @NotNull(message = "is required") LocalDate endDate,
        @Size(max = 200, message = "must be at most 200 characters")
        String principalInvestigator) {
}
