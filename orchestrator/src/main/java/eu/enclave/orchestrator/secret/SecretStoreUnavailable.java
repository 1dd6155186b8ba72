package eu.enclave.orchestrator.secret;

import eu.enclave.platform.web.ApiException;
import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * The secret store cannot serve the call (Vault sealed, unreachable, or refusing the orchestrator's token), and
 * nothing was changed by it. The API answers 503 with the reason; the portal shows it on its error page.
 */
public class SecretStoreUnavailable extends ApiException {

    private final String reason;

    public SecretStoreUnavailable(String reason) {
        super(HttpStatus.SERVICE_UNAVAILABLE, "Secret store unavailable: " + reason + ". Nothing was changed.",
                List.of());
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
