package eu.enclave.orchestrator.membership;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A person's role in a project between two dates; outside them it grants nothing. */
public record Membership(UUID projectId, UUID userId, String username, String displayName, String email,
                         ProjectRole role, LocalDate startDate, LocalDate endDate, String addedBy, Instant addedAt) {

    public boolean isActiveOn(LocalDate day) {
        return !startDate.isAfter(day) && (endDate == null || !endDate.isBefore(day));
    }
}
