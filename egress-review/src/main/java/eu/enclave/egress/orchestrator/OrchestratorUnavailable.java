package eu.enclave.egress.orchestrator;

import eu.enclave.platform.web.ApiException;
import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * 503: the orchestrator did not answer, answered with an error, refused egress-review's credential, or answered
 * something that cannot be trusted. Egress-review fails closed: nothing is stored or decided. The reason is for the
 * operators' log; callers are only told to retry.
 */
public class OrchestratorUnavailable extends ApiException {

    private final String reason;

    public OrchestratorUnavailable(String reason) {
        super(HttpStatus.SERVICE_UNAVAILABLE, "The orchestrator cannot confirm this call now; nothing was stored or "
                + "decided. Retry later.", List.of());
        this.reason = reason;
    }

    /** What went wrong, for the log: never a token or a credential. */
    public String reason() {
        return reason;
    }
}
