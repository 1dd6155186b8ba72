package eu.enclave.egress.intake;

import eu.enclave.egress.orchestrator.Orchestrator;
import eu.enclave.egress.orchestrator.OrchestratorUnavailable;
import eu.enclave.egress.orchestrator.TokenIntrospection;
import eu.enclave.platform.web.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates every intake call by its egress token (the workspace's, sent as {@code Authorization: Bearer}),
 * introspected at the orchestrator (answers reused for at most 10 s). A token that is not active is refused (401,
 * counted, not audited); when the orchestrator cannot answer, the call is refused with 503 before anything is read
 * or stored; where the orchestrator knows the pod's address, the call must come from it.
 */
class EgressTokenFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(EgressTokenFilter.class);
    /** Opaque tokens of the orchestrator are base64url; anything else is not one, and is not sent on. */
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9._~+/=-]{16,512}");
    private static final Map<String, String> INACTIVE = Map.of(
            "revoked", "The egress token is from an earlier start of this workspace: a new start issued another one "
                    + "(read /run/secrets/egress/token again).",
            "workspace-not-running", "The workspace of this egress token is not running.",
            "project-not-active", "The project is not active (suspended or archived): no output can be submitted now.",
            "not-a-member", "The workspace's owner is no longer a researcher or PI of the project.");

    private final Orchestrator orchestrator;
    private final TokenRefusals refusals;
    private final IntakeAudit audit;

    EgressTokenFilter(Orchestrator orchestrator, TokenRefusals refusals, IntakeAudit audit) {
        this.orchestrator = orchestrator;
        this.refusals = refusals;
        this.audit = audit;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null) {
            chain.doFilter(request, response); // anonymous: the entry point answers 401
            return;
        }
        String source = SourceAddress.of(request);
        String token = header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).strip() : "";
        if (!TOKEN.matcher(token).matches()) {
            refusals.refused("malformed", source);
            unauthorized(request, response, "The Authorization header does not hold an egress token.");
            return;
        }
        TokenIntrospection answer;
        try {
            answer = orchestrator.introspect(token);
        } catch (OrchestratorUnavailable e) {
            log.warn("Intake call refused (503): {}", e.reason());
            Problems.write(request, response, HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
            return;
        }
        if (!answer.active()) {
            refusals.refused(answer.reason(), source);
            unauthorized(request, response, INACTIVE.getOrDefault(answer.reason(), "The egress token is not valid."));
            return;
        }
        IntakeCaller caller = IntakeCaller.of(new IntakeCaller.EgressToken(token, Orchestrator.tokenKey(token)),
                answer, source);
        String pod = answer.workspace().podAddress();
        if (pod != null && !SourceAddress.same(pod, source)) {
            audit.refused(caller, "intake", null, "source-address",
                    "the call came from " + source + ", not from the workspace's pod");
            Problems.write(request, response, HttpStatus.FORBIDDEN,
                    "This egress token may only be used from its workspace's pod.");
            return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new EgressTokenAuthentication(caller));
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    static void unauthorized(HttpServletRequest request, HttpServletResponse response, String detail)
            throws IOException {
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"enclave-intake\", error=\"invalid_token\"");
        Problems.write(request, response, HttpStatus.UNAUTHORIZED, detail);
    }
}
