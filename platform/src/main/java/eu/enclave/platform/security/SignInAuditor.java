package eu.enclave.platform.security;

import eu.enclave.platform.audit.AuditEvent;
import eu.enclave.platform.audit.AuditTrail;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;

/**
 * Puts sign-ins on the audit trail: interactive ones (form, OIDC) when they succeed, and every failed
 * attempt. Bearer-token and HTTP Basic calls authenticate on each request and are not sign-ins.
 */
class SignInAuditor {

    private static final int MAX_ATTEMPTED_NAME = 64;

    private final AuditTrail audit;
    private final CurrentUsers users;

    SignInAuditor(AuditTrail audit, CurrentUsers users) {
        this.audit = audit;
        this.users = users;
    }

    @EventListener
    void signedIn(InteractiveAuthenticationSuccessEvent event) {
        String method = event.getAuthentication() instanceof OAuth2AuthenticationToken ? "oidc" : "password";
        users.of(event.getAuthentication()).ifPresent(user -> audit.record(
                new AuditEvent(user.username(), "auth.signed_in", null, "user:" + user.id(), Map.of("method", method))));
    }

    @EventListener
    void failed(AbstractAuthenticationFailureEvent event) {
        String attempted = String.valueOf(event.getAuthentication().getName());
        if (attempted.length() > MAX_ATTEMPTED_NAME) {
            attempted = attempted.substring(0, MAX_ATTEMPTED_NAME);
        }
        audit.record(new AuditEvent("anonymous", "auth.sign_in_failed", null, null,
                Map.of("attemptedUsername", attempted, "reason", event.getException().getClass().getSimpleName())));
    }
}
