package eu.enclave.platform.identity;

import java.util.Set;
import java.util.UUID;

/**
 * The signed-in person as recorded in this service's database. {@code id} is this service's own; between
 * services a person is known by {@code issuer} and {@code subject}.
 */
public record CurrentUser(UUID id, String issuer, String subject, String username, String displayName, String email,
                          String locale, Set<PlatformRole> roles) {

    public CurrentUser {
        roles = Set.copyOf(roles);
    }

    public boolean isAdmin() {
        return roles.contains(PlatformRole.ADMIN);
    }

    public boolean isSteward() {
        return roles.contains(PlatformRole.STEWARD);
    }

    /** A platform-wide output reviewer, who may review any project's outputs (within egress-review's rules). */
    public boolean isPlatformReviewer() {
        return roles.contains(PlatformRole.REVIEWER);
    }
}
