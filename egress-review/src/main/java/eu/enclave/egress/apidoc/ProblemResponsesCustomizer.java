package eu.enclave.egress.apidoc;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.Map;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;

/** Documents the problem responses named by {@link ProblemResponses} on each operation. */
@Component
class ProblemResponsesCustomizer implements OperationCustomizer {

    private static final Map<Integer, String> MEANINGS = Map.ofEntries(
            Map.entry(400, "Invalid input: the problem's `errors` name each field and the reason; nothing was stored."),
            Map.entry(401, "No egress token, or one that is not active (its workspace stopped, a newer start, the "
                    + "project suspended, the owner no longer a member)."),
            Map.entry(403, "Not allowed for this caller (another workspace, or not from the workspace's pod)."),
            Map.entry(404, "No such request or file, or not one the caller may see."),
            Map.entry(408, "The upload took longer than the upload timeout; nothing was stored."),
            Map.entry(409, "The request's state or content does not allow it (see the detail); nothing was changed."),
            Map.entry(413, "Larger than a limit (per file, or the project's bytes per 24 hours); nothing was stored."),
            Map.entry(415, "Wrong Content-Type, or content of a type the project does not allow (named)."),
            Map.entry(429, "Too many calls of this kind in the last minute."),
            Map.entry(503, "The orchestrator (or the blob store) cannot answer now: nothing was stored or decided."));

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        ProblemResponses problems = handler.getMethodAnnotation(ProblemResponses.class);
        if (problems == null) {
            return operation;
        }
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        for (int code : problems.value()) {
            String meaning = MEANINGS.getOrDefault(code, HttpStatus.valueOf(code).getReasonPhrase());
            responses.addApiResponse(String.valueOf(code), new ApiResponse().description(meaning)
                    .content(new Content().addMediaType("application/problem+json",
                            new MediaType().schema(new Schema<>().$ref("#/components/schemas/ProblemDetail")))));
        }
        operation.setResponses(responses);
        return operation;
    }
}
