package eu.enclave.platform.security;

import java.util.Map;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Multi-factor sign-in is mandatory when accepted {@code acr} values are configured: the identity provider
 * states in the token how the person authenticated, and only the listed classes are let in.
 */
public class MfaPolicy {

    private final SecurityProperties security;

    public MfaPolicy(SecurityProperties security) {
        this.security = security;
    }

    /** @return why the authentication is not strong enough, or empty when it is */
    public Optional<String> refusal(Authentication authentication) {
        if (security.acceptedAcr().isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> claims;
        if (authentication instanceof JwtAuthenticationToken jwt) {
            claims = jwt.getToken().getClaims();
        } else if (authentication instanceof OAuth2AuthenticationToken oauth
                && oauth.getPrincipal() instanceof OidcUser oidc) {
            claims = oidc.getClaims();
        } else {
            return Optional.empty(); // demo sign-in: refused in production by DemoModeGuard
        }
        Object acr = claims.get("acr");
        if (acr != null && security.acceptedAcr().contains(acr.toString())) {
            return Optional.empty();
        }
        return Optional.of("Multi-factor authentication is required: the token's acr "
                + (acr == null ? "is missing" : "'" + acr + "' is not accepted")
                + "; accepted values are " + security.acceptedAcr() + ". Sign in again with a second factor.");
    }
}
