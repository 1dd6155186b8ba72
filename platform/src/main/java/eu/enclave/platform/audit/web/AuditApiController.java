package eu.enclave.platform.audit.web;

import eu.enclave.platform.audit.AuditEvent;
import eu.enclave.platform.audit.AuditReader;
import eu.enclave.platform.audit.AuditTrail;
import eu.enclave.platform.audit.AuditVerification;
import eu.enclave.platform.identity.CurrentUser;
import eu.enclave.platform.web.ApiException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** Verify the chain, or export a time range of it as JSON Lines. Reading the trail is itself audited. */
@RestController
@RequestMapping("/api/v1/audit")
public class AuditApiController {

    public static final MediaType JSON_LINES = MediaType.parseMediaType("application/x-ndjson");

    private final AuditReader reader;
    private final AuditTrail trail;
    private final AuditAccess access;

    public AuditApiController(AuditReader reader, AuditTrail trail, AuditAccess access) {
        this.reader = reader;
        this.trail = trail;
        this.access = access;
    }

    @GetMapping("/verify")
    public AuditVerification verify(CurrentUser user) {
        access.checkCanReadAudit(user);
        AuditVerification result = reader.verify();
        trail.record(new AuditEvent(user.username(), "audit.verified", null, null,
                Map.of("intact", result.intact(), "entriesChecked", result.entriesChecked())));
        return result;
    }

    @GetMapping("/export")
    public ResponseEntity<StreamingResponseBody> export(CurrentUser user, @RequestParam String from,
                                                        @RequestParam String to) {
        access.checkCanReadAudit(user);
        Instant start = instant("from", from);
        Instant end = instant("to", to);
        if (!end.isAfter(start)) {
            throw ApiException.invalid("to", "must be after 'from'");
        }
        trail.record(new AuditEvent(user.username(), "audit.exported", null, null,
                Map.of("from", start.toString(), "to", end.toString())));
        StreamingResponseBody body = out -> reader.export(start, end, out);
        return ResponseEntity.ok()
                .contentType(JSON_LINES)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"audit-" + start + "-" + end + ".jsonl\"")
                .body(body);
    }

    /** Accepts an ISO-8601 instant ({@code 2026-11-23T08:00:00Z}) or a date, meaning its start in UTC. */
    static Instant instant(String field, String value) {
        try {
            return value.length() == 10
                    ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiException.invalid(field, "'" + value + "' is not a date (YYYY-MM-DD) or an ISO-8601 instant");
        }
    }
}
