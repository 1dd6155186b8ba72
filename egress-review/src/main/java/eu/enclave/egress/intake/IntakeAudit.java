package eu.enclave.egress.intake;

import eu.enclave.platform.audit.AuditEvent;
import eu.enclave.platform.audit.AuditTrail;
import eu.enclave.platform.web.ApiException;
import eu.enclave.platform.web.Problems.FieldProblem;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The intake's refusals on the audit trail: a call by a known token owner that is refused (bad input, a state that
 * does not allow it, a limit) is recorded as {@code <operation>.refused} with the field and the reason, in a
 * transaction of its own so that it stays although the refused change rolled back. Successful changes are audited
 * by the services, in the same transaction as the change.
 */
public class IntakeAudit {

    private final AuditTrail trail;
    private final TransactionTemplate ownTransaction;

    public IntakeAudit(AuditTrail trail, PlatformTransactionManager transactions) {
        this.trail = trail;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Runs {@code call}; a 4xx refusal of it is audited as {@code operation.refused}, then rethrown. */
    public <T> T audited(IntakeCaller caller, String operation, UUID requestId, Supplier<T> call) {
        try {
            return call.get();
        } catch (ApiException e) {
            if (e.status().is4xxClientError()) {
                FieldProblem first = e.errors().isEmpty() ? null : e.errors().get(0);
                refused(caller, operation, requestId, first == null ? null : first.field(),
                        first == null ? e.getMessage() : first.reason());
            }
            throw e;
        }
    }

    public void refused(IntakeCaller caller, String operation, UUID requestId, String field, String reason) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("workspace", caller.workspace());
        if (field != null) {
            details.put("field", field);
        }
        details.put("reason", reason == null ? "" : reason);
        ownTransaction.executeWithoutResult(status -> trail.record(new AuditEvent(caller.owner().username(),
                operation + ".refused", caller.project(), requestId == null ? null : "request:" + requestId,
                details)));
    }
}
