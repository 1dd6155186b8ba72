package eu.enclave.orchestrator.portal;

import eu.enclave.platform.web.ApiException;
import eu.enclave.platform.web.Problems.FieldProblem;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.validation.BindingResult;

/** Puts a service's refusal on the form that caused it, beside the field it names. */
public final class FormErrors {

    /** An error code with no message: the service's own (English) reason is shown. */
    private static final String AS_GIVEN = "service";

    private FormErrors() {
    }

    /** Refusals a person can fix by changing the form; anything else (403, 404) is an error page. */
    public static boolean isFixable(ApiException e) {
        return e.status() == HttpStatus.BAD_REQUEST || e.status() == HttpStatus.CONFLICT;
    }

    /**
     * @param fields the form's fields; a problem naming another field is shown above the form
     * @param known  message keys for refusals whose meaning is known, by {@code field + "." + status}
     *               (e.g. {@code "slug.409"}), so that they are shown in the user's language
     */
    public static void reject(BindingResult result, ApiException e, Set<String> fields, Map<String, String> known) {
        if (e.errors().isEmpty()) {
            result.reject(AS_GIVEN, e.getMessage());
            return;
        }
        for (FieldProblem problem : e.errors()) {
            String code = known.getOrDefault(problem.field() + "." + e.status().value(), AS_GIVEN);
            if (fields.contains(problem.field())) {
                result.rejectValue(problem.field(), code, problem.reason());
            } else {
                result.reject(code, problem.field() + ": " + problem.reason());
            }
        }
    }
}
