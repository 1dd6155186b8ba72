package eu.enclave.platform.audit;

import eu.enclave.platform.audit.web.AuditAccess;
import eu.enclave.platform.identity.CurrentUser;
import eu.enclave.platform.web.ApiException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * Reading the audit trail on behalf of a person, for the API and the admin page alike: checks the
 * service's policy, and puts the reading itself on the trail.
 */
public class AuditService {

    /** Four-digit years only: a range beyond them is a typing error, and PostgreSQL timestamps end in 294276. */
    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("+10000-01-01T00:00:00Z");

    private final AuditReader reader;
    private final AuditTrail trail;
    private final AuditAccess access;

    public AuditService(AuditReader reader, AuditTrail trail, AuditAccess access) {
        this.reader = reader;
        this.trail = trail;
        this.access = access;
    }

    public AuditVerification verify(CurrentUser user) {
        access.checkCanReadAudit(user);
        AuditVerification result = reader.verify();
        trail.record(new AuditEvent(user.username(), "audit.verified", null, null,
                Map.of("intact", result.intact(), "entriesChecked", result.entriesChecked())));
        return result;
    }

    /**
     * Checks the request and records it; the returned export writes when called (typically after the
     * response has started, outside the request thread).
     */
    public Export export(CurrentUser user, String from, String to) {
        access.checkCanReadAudit(user);
        Instant start = instant("from", from);
        Instant end = instant("to", to);
        if (!end.isAfter(start)) {
            throw ApiException.invalid("to", "must be after 'from'");
        }
        trail.record(new AuditEvent(user.username(), "audit.exported", null, null,
                Map.of("from", start.toString(), "to", end.toString())));
        return new Export(start, end, reader);
    }

    /** A checked, recorded export waiting to be written as JSON Lines. */
    public record Export(Instant from, Instant to, AuditReader reader) {

        public String fileName() {
            return "audit-" + from + "-" + to + ".jsonl";
        }

        public long writeTo(OutputStream out) {
            return reader.export(from, to, out);
        }
    }

    /** Accepts an ISO-8601 instant ({@code 2026-11-23T08:00:00Z}) or a date, meaning its start in UTC. */
    static Instant instant(String field, String value) {
        if (value == null || value.isBlank()) {
            throw ApiException.invalid(field, "is required: a date (YYYY-MM-DD) or an ISO-8601 instant");
        }
        Instant instant;
        try {
            instant = value.length() == 10
                    ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiException.invalid(field, "'" + value + "' is not a date (YYYY-MM-DD) or an ISO-8601 instant");
        }
        if (instant.isBefore(EARLIEST) || !instant.isBefore(LATEST)) {
            throw ApiException.invalid(field, "must be in the years 0001 to 9999");
        }
        return instant;
    }
}
