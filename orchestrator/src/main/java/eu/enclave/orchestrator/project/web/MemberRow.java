package eu.enclave.orchestrator.project.web;

import eu.enclave.orchestrator.membership.Membership;
import java.time.LocalDate;

/**
 * A line of a project's members table.
 *
 * @param state     {@code active}, {@code upcoming} (starts later) or {@code ended}, on the day shown
 * @param removable whether the viewer may remove this member
 */
public record MemberRow(Membership member, String state, boolean removable) {

    static MemberRow of(Membership member, LocalDate today, boolean removable) {
        String state = member.isActiveOn(today) ? "active" : member.startDate().isAfter(today) ? "upcoming" : "ended";
        return new MemberRow(member, state, removable);
    }
}
