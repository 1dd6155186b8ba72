package eu.enclave.orchestrator.membership.web;

import eu.enclave.orchestrator.membership.NewMember;
import eu.enclave.orchestrator.membership.ProjectRole;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.Set;
import org.springframework.format.annotation.DateTimeFormat;

/** The "add a member" form on the project page, as typed. Serializable: it travels as a flash attribute. */
public class MemberForm implements Serializable {

    /** The model attribute name, shared by the page that shows the form and the handler that takes it. */
    public static final String NAME = "member";
    static final Set<String> FIELDS = Set.of("username", "role", "startDate", "endDate");

    private String username;
    private String role;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate startDate;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate endDate;

    /** The role as the API writes it ({@code researcher}), or null when absent or unknown. */
    ProjectRole parsedRole() {
        if (role == null || role.isBlank()) {
            return null;
        }
        try {
            return ProjectRole.parse(role.strip());
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    NewMember toNewMember() {
        return new NewMember(username == null || username.isBlank() ? null : username.strip(), parsedRole(),
                startDate, endDate);
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getRole() {
        return role;
    }

    public void setRole(String role) {
        this.role = role;
    }

    public LocalDate getStartDate() {
        return startDate;
    }

    public void setStartDate(LocalDate startDate) {
        this.startDate = startDate;
    }

    public LocalDate getEndDate() {
        return endDate;
    }

    public void setEndDate(LocalDate endDate) {
        this.endDate = endDate;
    }
}
