package eu.enclave.orchestrator.gateway.web;

import eu.enclave.orchestrator.gateway.DesktopSettings;
import eu.enclave.orchestrator.gateway.DesktopSettingsInput;
import eu.enclave.orchestrator.gateway.DesktopSettingsService;
import eu.enclave.orchestrator.gateway.RecordedSession;
import eu.enclave.platform.identity.CurrentUser;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/projects/{slug}/desktop-settings} (read: whoever sees the project; replace: admins) and
 * {@code /api/v1/projects/{slug}/desktop-recordings} (admins).
 */
@RestController
@RequestMapping(path = "/api/v1/projects/{slug}", produces = MediaType.APPLICATION_JSON_VALUE)
class DesktopSettingsApiController {

    private final DesktopSettingsService settings;

    DesktopSettingsApiController(DesktopSettingsService settings) {
        this.settings = settings;
    }

    @GetMapping("/desktop-settings")
    DesktopSettings get(CurrentUser user, @PathVariable String slug) {
        return settings.settingsFor(user, slug);
    }

    @PutMapping(path = "/desktop-settings", consumes = MediaType.APPLICATION_JSON_VALUE)
    DesktopSettings replace(CurrentUser user, @PathVariable String slug, @RequestBody DesktopSettingsInput input) {
        return settings.replace(user, slug, input);
    }

    @GetMapping("/desktop-recordings")
    RecordingsView recordings(CurrentUser user, @PathVariable String slug) {
        return new RecordingsView(settings.recordings(user, slug));
    }

    record RecordingsView(List<RecordedSession> recordings) {
    }
}
