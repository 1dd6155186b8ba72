package eu.enclave.orchestrator.membership.web;

import eu.enclave.orchestrator.membership.Membership;
import eu.enclave.orchestrator.membership.ProjectRole;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A membership as the API shows it; {@code active} says whether it grants anything today. */
public record MemberView(UUID userId, String username, String displayName, String email, ProjectRole role,
                         LocalDate startDate, LocalDate endDate, boolean active, String addedBy, Instant addedAt) {

    static MemberView of(Membership m, LocalDate today) {
        return new MemberView(m.userId(), m.username(), m.displayName(), m.email(), m.role(), m.startDate(),
                m.endDate(), m.isActiveOn(today), m.addedBy(), m.addedAt());
    }
}
