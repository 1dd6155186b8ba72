package eu.enclave.platform.identity;

import java.util.Set;

/**
 * What a sign-in says about a person, before it is recorded. A person is the pair (issuer, subject): the same
 * person in both services when their identity provider and subject are the same.
 *
 * @param issuer the identity provider ({@code iss} of the token), or {@link #DEMO_ISSUER} for demo users
 * @param locale the person's preferred language ({@code locale} claim), or null when not known
 */
public record Identity(String issuer, String subject, String username, String displayName, String email,
                       String locale, Set<PlatformRole> roles) {

    /** The issuer of the demo directory, the same in both services. */
    public static final String DEMO_ISSUER = "urn:enclave:demo";

    public Identity {
        issuer = issuer == null ? "" : issuer;
        roles = Set.copyOf(roles);
        if (displayName == null || displayName.isBlank()) {
            displayName = username;
        }
    }
}
