package eu.enclave.platform.security;

import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/** Refuses to start a service that anyone could sign in to, or that nobody could. */
class SignInGuard {

    SignInGuard(Environment environment, DemoProperties demo, boolean bearerTokens, boolean oidcLogin) {
        if (demo.enabled() && environment.acceptsProfiles(Profiles.of("prod"))) {
            throw new IllegalStateException("Demo sign-in (enclave.demo.enabled=true, shared password) cannot run "
                    + "with the production profile 'prod'. Remove one of them.");
        }
        if (!demo.enabled() && !bearerTokens && !oidcLogin) {
            throw new IllegalStateException("No sign-in is configured: set spring.security.oauth2.resourceserver"
                    + ".jwt.issuer-uri (API) and spring.security.oauth2.client.registration.* (portal), "
                    + "or enable demo mode outside production.");
        }
    }
}
