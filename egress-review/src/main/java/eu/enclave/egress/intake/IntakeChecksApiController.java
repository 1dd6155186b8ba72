package eu.enclave.egress.intake;

import eu.enclave.egress.apidoc.EgressApiDocumentation;
import eu.enclave.egress.apidoc.ProblemResponses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/intake/checks}: checks one file before submission; nothing is stored. */
@RestController
@RequestMapping(path = "/api/v1/intake/checks", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "intake checks")
@SecurityRequirement(name = EgressApiDocumentation.EGRESS_TOKEN)
class IntakeChecksApiController {

    private final PreSubmissionChecks checks;
    private final IntakeAudit audit;

    IntakeChecksApiController(PreSubmissionChecks checks, IntakeAudit audit) {
        this.checks = checks;
        this.audit = audit;
    }

    @PostMapping(consumes = MediaType.APPLICATION_OCTET_STREAM_VALUE)
    @Operation(operationId = "intakeCheckFile", summary = "Run the disclosure checks on one file (raw body) with the "
            + "project's current policy; nothing is stored",
            requestBody = @RequestBody(required = true, content = @Content(
                    mediaType = MediaType.APPLICATION_OCTET_STREAM_VALUE, schema = @Schema(type = "string",
                    format = "binary"))))
    @ApiResponse(responseCode = "200", description = "The checks' result: status, detected type, findings")
    @ProblemResponses({400, 401, 403, 413, 415, 429, 503})
    PreSubmissionChecks.CheckAnswer check(IntakeCaller caller,
                                          @Parameter(description = "The file's name, as it would be submitted")
                                          @RequestParam String name,
                                          @Parameter(description = "Whether it would be a supporting file")
                                          @RequestParam(defaultValue = "false") boolean supporting,
                                          HttpServletRequest request) {
        return audit.audited(caller, "intake.checks", null, () -> IntakeFileApiController.withBody(request,
                body -> checks.check(caller, name, supporting, request.getContentLengthLong(), body)));
    }
}
