package eu.enclave.egress.intake;

import eu.enclave.egress.apidoc.EgressApiDocumentation;
import eu.enclave.egress.apidoc.ProblemResponses;
import eu.enclave.egress.intake.RequesterViews.FileView;
import eu.enclave.platform.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Files streamed into a request as raw bodies ({@code application/octet-stream}: no multipart, nothing buffered in
 * memory), with their metadata in headers ({@link UploadHeaders}).
 */
@RestController
@RequestMapping(path = "/api/v1/intake/requests/{id}/files", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "intake")
@SecurityRequirement(name = EgressApiDocumentation.EGRESS_TOKEN)
class IntakeFileApiController {

    private final UploadService uploads;
    private final IntakeAudit audit;

    IntakeFileApiController(UploadService uploads, IntakeAudit audit) {
        this.uploads = uploads;
        this.audit = audit;
    }

    @PutMapping(path = "/{name}", consumes = MediaType.APPLICATION_OCTET_STREAM_VALUE)
    @Operation(operationId = "intakeUploadFile", summary = "Stream one file into a draft (raw body); metadata in "
            + "Enclave-Group, Enclave-Description (percent-encoded UTF-8), Enclave-Supporting, or from its "
            + "declaration; optional Content-Digest (sha-256)",
            requestBody = @RequestBody(required = true, content = @Content(
                    mediaType = MediaType.APPLICATION_OCTET_STREAM_VALUE, schema = @Schema(type = "string",
                    format = "binary"))))
    @MetadataHeaders
    @ApiResponse(responseCode = "201", description = "Stored: the file, with its SHA-256 and detected type")
    @ApiResponse(responseCode = "200", description = "The same name with the same content was already stored (a "
            + "retry): that file")
    @ProblemResponses({400, 401, 403, 404, 408, 409, 413, 415, 503})
    ResponseEntity<FileView> upload(IntakeCaller caller, @PathVariable UUID id,
                                    @Parameter(description = "The file's name (NFC; no path, no leading dot, ...)")
                                    @PathVariable String name, HttpServletRequest request) {
        UploadService.Stored stored = audit.audited(caller, "request.file_upload", id, () -> withBody(request,
                body -> uploads.upload(caller, id, name, UploadHeaders.from(request), body)));
        return answer(id, stored);
    }

    @PostMapping(path = "/{fileId}/versions", consumes = MediaType.APPLICATION_OCTET_STREAM_VALUE)
    @Operation(operationId = "intakeAddFileVersion", summary = "A new version of a file of a returned request (raw "
            + "body), linked to the old one by its hash; the old version is kept",
            requestBody = @RequestBody(required = true, content = @Content(
                    mediaType = MediaType.APPLICATION_OCTET_STREAM_VALUE, schema = @Schema(type = "string",
                    format = "binary"))))
    @MetadataHeaders
    @ApiResponse(responseCode = "201", description = "Stored: the new version")
    @ProblemResponses({400, 401, 403, 404, 408, 409, 413, 415, 503})
    ResponseEntity<FileView> version(IntakeCaller caller, @PathVariable UUID id, @PathVariable UUID fileId,
                                     HttpServletRequest request) {
        UploadService.Stored stored = audit.audited(caller, "request.file_version", id, () -> withBody(request,
                body -> uploads.newVersion(caller, id, fileId, UploadHeaders.from(request), body)));
        return answer(id, stored);
    }

    /** Runs {@code use} on the request's raw body (never spooled, never buffered whole). */
    static <T> T withBody(HttpServletRequest request, Function<InputStream, T> use) {
        try (InputStream body = request.getInputStream()) {
            return use.apply(body);
        } catch (IOException e) {
            throw ApiException.invalid("body", "could not be read");
        }
    }

    private static ResponseEntity<FileView> answer(UUID requestId, UploadService.Stored stored) {
        return ResponseEntity.status(stored.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .location(URI.create("/api/v1/intake/requests/" + requestId))
                .body(RequesterViews.file(stored.file(), null));
    }
}
