package eu.enclave.orchestrator.access;

import eu.enclave.platform.security.CurrentUsers;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets the health endpoint ({@code management.endpoint.health.show-details: when-authorized}, role
 * {@value #ROLE}) show details and components to the people {@link AccessPolicy#canSeeHealthDetails} allows, and
 * to nobody else: sign-in gives no such role, so the request answers it from the policy. Runs after the security
 * chain, which has put the signed-in person (if any) in the security context.
 */
class HealthDetailsFilter extends OncePerRequestFilter {

    static final String ROLE = "ENCLAVE_HEALTH_DETAILS";

    private final CurrentUsers users;
    private final AccessPolicy policy;

    HealthDetailsFilter(CurrentUsers users, AccessPolicy policy) {
        this.users = users;
        this.policy = policy;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        boolean allowed = authentication != null && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken)
                && users.of(authentication).map(policy::canSeeHealthDetails).orElse(false);
        chain.doFilter(new HttpServletRequestWrapper(request) {
            @Override
            public boolean isUserInRole(String role) {
                return ROLE.equals(role) ? allowed : super.isUserInRole(role);
            }
        }, response);
    }
}
