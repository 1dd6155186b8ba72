package eu.enclave.orchestrator.audit.web;

import eu.enclave.orchestrator.access.AccessPolicy;
import eu.enclave.orchestrator.portal.PortalController;
import eu.enclave.orchestrator.portal.PortalLayout;
import eu.enclave.platform.audit.AuditService;
import eu.enclave.platform.audit.web.AuditApiController;
import eu.enclave.platform.identity.CurrentUser;
import eu.enclave.platform.web.ApiException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /admin/audit}: verify the hash chain and export a range of days as JSON Lines. Reading goes through
 * {@link AuditService}, which checks the policy and records the reading on the trail itself. Export days are
 * whole days in the platform's time zone, both ends included.
 */
@PortalController
@RequestMapping("/admin/audit")
class AuditPages {

    private static final String VIEW = "admin/audit";
    private static final String PAGE = "/admin/audit";

    private final AuditService audit;
    private final AccessPolicy policy;
    private final Clock clock;

    AuditPages(AuditService audit, AccessPolicy policy, Clock clock) {
        this.audit = audit;
        this.policy = policy;
        this.clock = clock;
    }

    @GetMapping
    String page(CurrentUser user, Model model) {
        policy.checkCanReadAudit(user);
        LocalDate today = LocalDate.now(clock);
        return show(model, today.minusDays(30).toString(), today.toString(), Map.of());
    }

    @PostMapping("/verify")
    String verify(CurrentUser user, Model model) {
        model.addAttribute("verification", audit.verify(user));
        LocalDate today = LocalDate.now(clock);
        return show(model, today.minusDays(30).toString(), today.toString(), Map.of());
    }

    /** Streams the file, or shows the page again with what is wrong with the dates (and status 400). */
    @GetMapping("/export")
    String export(CurrentUser user, @RequestParam(required = false) String from,
                  @RequestParam(required = false) String to, Model model, HttpServletResponse response)
            throws IOException {
        policy.checkCanReadAudit(user);
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate first = day("from", from, errors);
        LocalDate last = day("to", to, errors);
        if (first != null && last != null && last.isBefore(first)) {
            errors.put("to", "audit.export.error.order");
        }
        AuditService.Export export = null;
        if (errors.isEmpty()) {
            ZoneId zone = clock.getZone();
            try {
                export = audit.export(user, first.atStartOfDay(zone).toInstant().toString(),
                        last.plusDays(1).atStartOfDay(zone).toInstant().toString());
            } catch (ApiException e) {
                if (e.status() != HttpStatus.BAD_REQUEST) {
                    throw e;
                }
                errors.put(e.errors().isEmpty() ? "to" : e.errors().get(0).field(), "audit.export.error.invalid");
            }
        }
        if (export == null) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return show(model, from, to, errors);
        }
        response.setContentType(AuditApiController.JSON_LINES.toString());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename("enclave-audit-" + first + "-to-" + last + ".jsonl").build().toString());
        export.writeTo(response.getOutputStream());
        return null;
    }

    private static LocalDate day(String field, String value, Map<String, String> errors) {
        if (value == null || value.isBlank()) {
            errors.put(field, "audit.export.error.required");
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            errors.put(field, "audit.export.error.date");
            return null;
        }
    }

    private static String show(Model model, String from, String to, Map<String, String> errors) {
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("exportErrors", errors);
        model.addAttribute(PortalLayout.PAGE_PATH, PAGE);
        return VIEW;
    }
}
