package eu.enclave.platform.identity;

import java.util.Set;
import java.util.UUID;

/** The signed-in person as recorded in this service's database. */
public record CurrentUser(UUID id, String subject, String username, String displayName, String email,
                          Set<PlatformRole> roles) {

    public CurrentUser {
        roles = Set.copyOf(roles);
    }

    public boolean isAdmin() {
        return roles.contains(PlatformRole.ADMIN);
    }

    public boolean isSteward() {
        return roles.contains(PlatformRole.STEWARD);
    }
}
