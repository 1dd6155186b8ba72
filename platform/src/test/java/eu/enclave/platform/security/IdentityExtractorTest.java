package eu.enclave.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import eu.enclave.platform.identity.Identity;
import eu.enclave.platform.identity.PlatformRole;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

class IdentityExtractorTest {

    private final DemoProperties demoOn = new DemoProperties(true, null, null);
    private final DemoProperties demoOff = new DemoProperties(false, null, null);

    @Test
    void recordsSubjectNameAndEmailFromTheToken() {
        Identity identity = extractor("enclave_roles", demoOff).extract(jwt(Map.of("iss", "https://idp.example/realms/tre",
                "sub", "f3a1", "preferred_username", "marie.curie", "name", "Marie Curie", "email", "marie@chu.example",
                "locale", "fr", "enclave_roles", List.of("enclave-admin")))).orElseThrow();
        assertThat(identity).isEqualTo(new Identity("https://idp.example/realms/tre", "f3a1", "marie.curie",
                "Marie Curie", "marie@chu.example", "fr", java.util.Set.of(PlatformRole.ADMIN)));
    }

    @Test
    void readsRolesFromANestedClaimSuchAsKeycloaksRealmAccess() {
        Identity identity = extractor("realm_access.roles", demoOff).extract(jwt(Map.of("sub", "x",
                "preferred_username", "sam", "realm_access", Map.of("roles",
                        List.of("offline_access", "enclave-steward"))))).orElseThrow();
        assertThat(identity.roles()).containsExactly(PlatformRole.STEWARD);
    }

    @Test
    void grantsThePlatformReviewerRoleFromItsConfiguredValue() {
        Identity identity = extractor("enclave_roles", demoOff).extract(jwt(Map.of("sub", "x",
                "preferred_username", "chloe", "enclave_roles", List.of("enclave-reviewer")))).orElseThrow();
        assertThat(identity.roles()).containsExactly(PlatformRole.REVIEWER);
        assertThat(identity.issuer()).isEmpty();
    }

    @Test
    void grantsNoRoleForUnknownValuesOrAMissingClaim() {
        assertThat(extractor("enclave_roles", demoOff).extract(jwt(Map.of("sub", "x", "preferred_username", "a",
                "enclave_roles", List.of("admin")))).orElseThrow().roles()).isEmpty();
        assertThat(extractor("realm_access.roles", demoOff).extract(jwt(Map.of("sub", "x",
                "preferred_username", "a"))).orElseThrow().roles()).isEmpty();
    }

    @Test
    void fallsBackToEmailThenSubjectForTheUsername() {
        assertThat(extractor("r", demoOff).extract(jwt(Map.of("sub", "x", "email", "e@x.example")))
                .orElseThrow().username()).isEqualTo("e@x.example");
        assertThat(extractor("r", demoOff).extract(jwt(Map.of("sub", "only-sub")))
                .orElseThrow().username()).isEqualTo("only-sub");
    }

    @Test
    void demoUsersAreKnownOnlyInDemoMode() {
        var token = UsernamePasswordAuthenticationToken.authenticated("admin", null, List.of());
        assertThat(extractor("r", demoOn).extract(token)).hasValueSatisfying(identity -> {
            assertThat(identity.subject()).isEqualTo("demo:admin");
            assertThat(identity.issuer()).isEqualTo(Identity.DEMO_ISSUER);
            assertThat(identity.roles()).containsExactly(PlatformRole.ADMIN);
        });
        assertThat(extractor("r", demoOff).extract(token)).isEmpty();
    }

    private static IdentityExtractor extractor(String rolesClaim, DemoProperties demo) {
        return new IdentityExtractor(new SecurityProperties(List.of(), rolesClaim, null, null, null, null), demo);
    }

    private static JwtAuthenticationToken jwt(Map<String, Object> claims) {
        return new JwtAuthenticationToken(new Jwt("t", Instant.now(), Instant.now().plusSeconds(60),
                Map.of("alg", "RS256"), claims), List.of());
    }
}
