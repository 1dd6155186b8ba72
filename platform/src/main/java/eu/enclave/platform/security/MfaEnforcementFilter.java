package eu.enclave.platform.security;

import eu.enclave.platform.web.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, with 403 and the reason, any request whose sign-in did not use an accepted second factor.
 * For a browser session it also ends the session, so that the person can sign in again with one.
 */
class MfaEnforcementFilter extends OncePerRequestFilter {

    private final MfaPolicy policy;

    MfaEnforcementFilter(MfaPolicy policy) {
        this.policy = policy;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<String> refusal = policy.refusal(SecurityContextHolder.getContext().getAuthentication());
        if (refusal.isPresent()) {
            SecurityContextHolder.clearContext();
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            Problems.write(request, response, HttpStatus.FORBIDDEN, refusal.get());
            return;
        }
        chain.doFilter(request, response);
    }
}
