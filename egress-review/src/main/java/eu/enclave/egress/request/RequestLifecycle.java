package eu.enclave.egress.request;

import eu.enclave.egress.request.RequestTransitions.Actor;
import eu.enclave.egress.request.RequestTransitions.Move;
import eu.enclave.platform.audit.AuditEvent;
import eu.enclave.platform.audit.AuditTrail;
import eu.enclave.platform.web.ApiException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moves a request from one state to another, and nothing else does: the move is checked against
 * {@link RequestTransitions} on the locked row, applied, and audited under the table's action in the caller's
 * transaction (which must exist: the change and its audit event commit together).
 */
@Service
public class RequestLifecycle {

    private final RequestRepository requests;
    private final AuditTrail audit;
    private final Clock clock;

    RequestLifecycle(RequestRepository requests, AuditTrail audit, Clock clock) {
        this.requests = requests;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * @param actorName who is named on the audit trail (a username, or {@code system})
     * @param reason    why, when the move takes one (revocation, withdrawal); kept on the request
     * @param details   more for the audit event
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Request move(UUID requestId, RequestStatus to, Actor by, String actorName, String reason,
                        Map<String, ?> details) {
        Request request = requests.lock(requestId)
                .orElseThrow(() -> ApiException.notFound("id", "No such request."));
        Move move = RequestTransitions.check(request.status(), to, by);
        Instant now = clock.instant();
        boolean decides = RequestTransitions.isDecided(to) && !RequestTransitions.isDecided(request.status());
        requests.updateStatus(requestId, to, reason == null ? "" : reason, now, decides ? now : null);
        Map<String, Object> event = new LinkedHashMap<>(details == null ? Map.of() : details);
        event.put("from", request.status().id());
        event.put("to", to.id());
        if (reason != null && !reason.isBlank()) {
            event.put("reason", reason);
        }
        audit.record(new AuditEvent(actorName, move.auditAction(), request.project(), request.target(), event));
        return requests.find(requestId).orElseThrow();
    }
}
