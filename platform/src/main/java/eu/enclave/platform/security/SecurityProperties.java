package eu.enclave.platform.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How people sign in.
 *
 * @param acceptedAcr authentication context classes that count as multi-factor; when not empty, a token
 *                    or ID token whose {@code acr} is not one of them is refused with 403
 * @param rolesClaim  claim holding platform roles (dotted path, e.g. {@code realm_access.roles} for Keycloak)
 * @param adminRole   value of that claim that makes a platform admin
 * @param stewardRole value of that claim that makes a data steward
 * @param reviewerRole value of that claim that makes a platform-wide output reviewer
 * @param loginPage   the service's own sign-in page, or empty for Spring Security's generated one
 */
@ConfigurationProperties("enclave.security")
public record SecurityProperties(List<String> acceptedAcr, String rolesClaim, String adminRole, String stewardRole,
                                 String reviewerRole, String loginPage) {

    public SecurityProperties {
        acceptedAcr = acceptedAcr == null ? List.of() : List.copyOf(acceptedAcr);
        rolesClaim = rolesClaim == null || rolesClaim.isBlank() ? "enclave_roles" : rolesClaim;
        adminRole = adminRole == null || adminRole.isBlank() ? "enclave-admin" : adminRole;
        stewardRole = stewardRole == null || stewardRole.isBlank() ? "enclave-steward" : stewardRole;
        reviewerRole = reviewerRole == null || reviewerRole.isBlank() ? "enclave-reviewer" : reviewerRole;
        loginPage = loginPage == null ? "" : loginPage;
    }
}
