package eu.enclave.platform.security;

import eu.enclave.platform.identity.Identity;
import eu.enclave.platform.identity.PlatformRole;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** Turns whatever authenticated the request (demo password, OIDC login, bearer JWT) into an {@link Identity}. */
public class IdentityExtractor {

    static final String DEMO_SUBJECT_PREFIX = "demo:";

    private final SecurityProperties security;
    private final DemoProperties demo;

    public IdentityExtractor(SecurityProperties security, DemoProperties demo) {
        this.security = security;
        this.demo = demo;
    }

    public Optional<Identity> extract(Authentication authentication) {
        if (authentication == null || !authentication.isAuthenticated()) {
            return Optional.empty();
        }
        if (authentication instanceof JwtAuthenticationToken jwt) {
            return Optional.of(fromClaims(jwt.getToken().getClaims()));
        }
        if (authentication instanceof OAuth2AuthenticationToken oauth && oauth.getPrincipal() instanceof OidcUser oidc) {
            return Optional.of(fromClaims(oidc.getClaims()));
        }
        if (authentication instanceof UsernamePasswordAuthenticationToken && demo.enabled()) {
            return demo.users().stream().filter(u -> u.username().equals(authentication.getName())).findFirst()
                    .map(IdentityExtractor::fromDemo);
        }
        return Optional.empty();
    }

    public static Identity fromDemo(DemoProperties.User user) {
        return new Identity(Identity.DEMO_ISSUER, DEMO_SUBJECT_PREFIX + user.username(), user.username(),
                user.displayName(), user.username() + "@demo.enclave.invalid", null, user.roles());
    }

    private Identity fromClaims(Map<String, Object> claims) {
        String subject = String.valueOf(claims.get("sub"));
        String username = firstText(claims, "preferred_username", "email", "sub");
        String name = firstText(claims, "name", "preferred_username", "sub");
        Object email = claims.get("email");
        Object issuer = claims.get("iss");
        Object locale = claims.get("locale");
        return new Identity(issuer == null ? "" : issuer.toString(), subject, username, name,
                email == null ? null : email.toString(), locale == null ? null : locale.toString(), roles(claims));
    }

    private Set<PlatformRole> roles(Map<String, Object> claims) {
        Object value = claims;
        for (String part : security.rolesClaim().split("\\.")) {
            value = value instanceof Map<?, ?> map ? map.get(part) : null;
        }
        Set<PlatformRole> roles = EnumSet.noneOf(PlatformRole.class);
        if (value instanceof Collection<?> values) {
            for (Object v : values) {
                if (security.adminRole().equals(String.valueOf(v))) {
                    roles.add(PlatformRole.ADMIN);
                }
                if (security.stewardRole().equals(String.valueOf(v))) {
                    roles.add(PlatformRole.STEWARD);
                }
                if (security.reviewerRole().equals(String.valueOf(v))) {
                    roles.add(PlatformRole.REVIEWER);
                }
            }
        }
        return roles;
    }

    private static String firstText(Map<String, Object> claims, String... names) {
        for (String name : names) {
            Object value = claims.get(name);
            if (value != null && !value.toString().isBlank()) {
                return value.toString();
            }
        }
        throw new IllegalArgumentException("token carries none of the claims " + String.join(", ", names));
    }
}
