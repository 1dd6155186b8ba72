package eu.enclave.platform.audit.web;

import eu.enclave.platform.audit.AuditService;
import eu.enclave.platform.audit.AuditVerification;
import eu.enclave.platform.identity.CurrentUser;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** {@code /api/v1/audit}: verify the chain, or export a time range of it as JSON Lines. */
@RestController
@RequestMapping("/api/v1/audit")
public class AuditApiController {

    public static final MediaType JSON_LINES = MediaType.parseMediaType("application/x-ndjson");

    private final AuditService audit;

    public AuditApiController(AuditService audit) {
        this.audit = audit;
    }

    @GetMapping(path = "/verify", produces = MediaType.APPLICATION_JSON_VALUE)
    public AuditVerification verify(CurrentUser user) {
        return audit.verify(user);
    }

    @GetMapping("/export")
    public ResponseEntity<StreamingResponseBody> export(CurrentUser user,
                                                        @RequestParam(required = false) String from,
                                                        @RequestParam(required = false) String to) {
        AuditService.Export export = audit.export(user, from, to);
        return ResponseEntity.ok()
                .contentType(JSON_LINES)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + export.fileName() + "\"")
                .body(export::writeTo);
    }
}
