package eu.enclave.orchestrator.secret;

import io.github.jopenlibs.vault.VaultException;
import io.github.jopenlibs.vault.response.VaultResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads Vault's answers. The driver returns some 4xx answers as responses instead of throwing, and words its
 * exceptions for programmers: every answer goes through {@link #require} and every failure through
 * {@link #reason}, which says in a few words what Vault said (its {@code errors} array), never a request body.
 */
final class VaultResponses {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String BODY_MARK = "Response body:";

    private VaultResponses() {
    }

    /** The response if Vault answered 2xx; otherwise a {@link VaultException} carrying the status and errors. */
    static <T extends VaultResponse> T require(T response, String what) throws VaultException {
        int status = response.getRestResponse().getStatus();
        if (status < 200 || status > 299) {
            throw new VaultException("cannot " + what + ": Vault answered HTTP " + status + " "
                    + BODY_MARK + body(response), status);
        }
        return response;
    }

    static boolean isStatus(VaultResponse response, int status) {
        return response.getRestResponse().getStatus() == status;
    }

    /** Why a call failed, for the person who will read it in the portal or an API problem. */
    static String reason(VaultException e, String address) {
        int status = e.getHttpStatusCode();
        if (status == 0) {
            if (e.getCause() == null) {
                return e.getMessage();
            }
            Throwable cause = rootCause(e);
            return cause instanceof IOException
                    ? "Vault at " + address + " is unreachable (" + describe(cause) + ")"
                    : "Vault at " + address + " gave an answer the orchestrator cannot read (" + describe(cause) + ")";
        }
        List<String> errors = errors(e.getMessage());
        String said = errors.isEmpty() ? "" : ": " + String.join("; ", errors);
        if (status == 503 && said.toLowerCase().contains("sealed")) {
            return "Vault at " + address + " is sealed";
        }
        if (status == 403) {
            return "Vault refused the orchestrator's token (HTTP 403" + said + ")";
        }
        return "Vault answered HTTP " + status + said;
    }

    /** The strings of Vault's {@code {"errors": [...]}} in an exception message that carries the body. */
    static List<String> errors(String message) {
        List<String> errors = new ArrayList<>();
        int mark = message == null ? -1 : message.indexOf(BODY_MARK);
        if (mark < 0) {
            return errors;
        }
        try {
            JsonNode body = JSON.readTree(message.substring(mark + BODY_MARK.length()).strip());
            body.path("errors").forEach(node -> errors.add(node.asString()));
        } catch (RuntimeException notJson) {
            // a proxy's HTML page, say: the status alone will have to do
        }
        return errors;
    }

    private static String body(VaultResponse response) {
        byte[] body = response.getRestResponse().getBody();
        return body == null ? "" : new String(body, StandardCharsets.UTF_8);
    }

    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static String describe(Throwable cause) {
        String message = cause.getMessage();
        return cause.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
