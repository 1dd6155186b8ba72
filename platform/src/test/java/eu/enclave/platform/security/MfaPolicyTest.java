package eu.enclave.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

class MfaPolicyTest {

    private static final String MFA = "urn:example:loa:mfa";

    private final MfaPolicy required = new MfaPolicy(properties(List.of(MFA, "eidas2")));
    private final MfaPolicy notRequired = new MfaPolicy(properties(List.of()));

    @Test
    void bearerTokenWithAnAcceptedAcrPasses() {
        assertThat(required.refusal(jwt(MFA))).isEmpty();
        assertThat(required.refusal(jwt("eidas2"))).isEmpty();
    }

    @Test
    void bearerTokenWithoutAcrIsRefusedWithTheReason() {
        assertThat(required.refusal(jwt(null))).hasValueSatisfying(reason -> assertThat(reason)
                .contains("Multi-factor authentication is required").contains("missing").contains(MFA));
    }

    @Test
    void bearerTokenWithAWeakAcrIsRefusedNamingIt() {
        assertThat(required.refusal(jwt("password-only"))).hasValueSatisfying(reason -> assertThat(reason)
                .contains("'password-only' is not accepted"));
    }

    @Test
    void oidcLoginIsCheckedOnItsIdToken() {
        assertThat(required.refusal(oidc(MFA))).isEmpty();
        assertThat(required.refusal(oidc("1"))).isPresent();
        assertThat(required.refusal(oidc(null))).isPresent();
    }

    @Test
    void nothingIsRequiredWhenNoAcrIsConfigured() {
        assertThat(notRequired.refusal(jwt(null))).isEmpty();
        assertThat(notRequired.refusal(oidc(null))).isEmpty();
    }

    @Test
    void demoPasswordSignInIsNotAnMfaMatter() {
        Authentication demo = UsernamePasswordAuthenticationToken.authenticated("admin", null,
                List.of(new SimpleGrantedAuthority("ROLE_USER")));
        assertThat(required.refusal(demo)).isEmpty();
        assertThat(required.refusal(null)).isEmpty();
    }

    static SecurityProperties properties(List<String> acr) {
        return new SecurityProperties(acr, null, null, null, null, null);
    }

    static Authentication jwt(String acr) {
        Map<String, Object> claims = new HashMap<>(Map.of("sub", "s-1", "preferred_username", "marie"));
        if (acr != null) {
            claims.put("acr", acr);
        }
        Jwt token = new Jwt("t", Instant.now(), Instant.now().plusSeconds(60), Map.of("alg", "RS256"), claims);
        return new JwtAuthenticationToken(token, List.of());
    }

    static Authentication oidc(String acr) {
        Map<String, Object> claims = new HashMap<>(Map.of("sub", "s-2", "preferred_username", "jules"));
        if (acr != null) {
            claims.put("acr", acr);
        }
        OidcIdToken idToken = new OidcIdToken("id", Instant.now(), Instant.now().plusSeconds(60), claims);
        DefaultOidcUser user = new DefaultOidcUser(Set.of(new SimpleGrantedAuthority("OIDC_USER")), idToken);
        return new OAuth2AuthenticationToken(user, user.getAuthorities(), "idp");
    }
}
