package eu.enclave.egress.orchestrator;

import java.util.List;
import java.util.Set;

/**
 * A person's current roles as the orchestrator knows them: platform roles ({@code admin}, {@code steward},
 * {@code reviewer}) and their roles in each project they are a current member of. {@code known} is false for a
 * person the orchestrator has never seen (with empty lists).
 */
public record SubjectRoles(Person person, boolean known, Set<String> platformRoles, List<ProjectRoles> projects) {

    public SubjectRoles {
        platformRoles = Set.copyOf(platformRoles);
        projects = List.copyOf(projects);
    }

    public Set<String> rolesIn(String slug) {
        return projects.stream().filter(p -> p.slug().equals(slug)).findFirst().map(ProjectRoles::roles)
                .orElse(Set.of());
    }

    public record ProjectRoles(String slug, String status, Set<String> roles) {

        public ProjectRoles {
            roles = Set.copyOf(roles);
        }
    }
}
