package eu.enclave.orchestrator.membership;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * A person to add to a project (API body and portal form alike).
 *
 * @param startDate first day the membership counts; today when absent
 * @param endDate   last day it counts; open-ended when absent
 */
public record NewMember(
        @NotBlank(message = "is required") @Size(max = 200, message = "must be at most 200 characters")
        String username,
        @NotNull(message = "is required; one of pi, researcher, reviewer")
        ProjectRole role,
        LocalDate startDate,
        LocalDate endDate) {
}
