package eu.enclave.platform.identity;

import java.util.Set;

/** What a sign-in says about a person, before it is recorded. */
public record Identity(String subject, String username, String displayName, String email, Set<PlatformRole> roles) {

    public Identity {
        roles = Set.copyOf(roles);
        if (displayName == null || displayName.isBlank()) {
            displayName = username;
        }
    }
}
