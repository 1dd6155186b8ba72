package eu.enclave.orchestrator.gateway;

import eu.enclave.orchestrator.access.AccessPolicy;
import eu.enclave.orchestrator.project.Project;
import eu.enclave.orchestrator.project.ProjectService;
import eu.enclave.orchestrator.project.ProjectStatus;
import eu.enclave.platform.audit.AuditEvent;
import eu.enclave.platform.audit.AuditTrail;
import eu.enclave.platform.identity.CurrentUser;
import eu.enclave.platform.web.ApiException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Each project's desktop settings (read by whoever sees the project, set by admins) and its recorded sessions. */
@Service
public class DesktopSettingsService {

    private final DesktopSettingsRepository stored;
    private final DesktopSessionRepository sessions;
    private final DesktopDefaults defaults;
    private final ProjectService projects;
    private final AccessPolicy policy;
    private final AuditTrail audit;
    private final Clock clock;

    DesktopSettingsService(DesktopSettingsRepository stored, DesktopSessionRepository sessions,
                           DesktopDefaults defaults, ProjectService projects, AccessPolicy policy, AuditTrail audit,
                           Clock clock) {
        this.stored = stored;
        this.sessions = sessions;
        this.defaults = defaults;
        this.projects = projects;
        this.policy = policy;
        this.audit = audit;
        this.clock = clock;
    }

    /** The project's settings, or the configured defaults while it has none. */
    public DesktopSettings settings(UUID projectId) {
        return stored.find(projectId).orElseGet(defaults::settings);
    }

    @Transactional(readOnly = true)
    public DesktopSettings settingsFor(CurrentUser user, String slug) {
        Project project = projects.get(user, slug);
        policy.checkCanReadDesktopSettings(user, project);
        return settings(project.id());
    }

    @Transactional
    public DesktopSettings replace(CurrentUser user, String slug, DesktopSettingsInput input) {
        Project project = projects.get(user, slug);
        policy.checkCanEditDesktopSettings(user, project);
        DesktopSettings wanted = input.validated();
        if (project.status() == ProjectStatus.ARCHIVED) {
            throw ApiException.conflict("status", "An archived project's desktop settings cannot be changed.");
        }
        DesktopSettings before = settings(project.id());
        if (before.equals(wanted)) {
            return before;
        }
        stored.save(project.id(), wanted, user.username(), Timestamp.from(clock.instant()));
        audit.record(new AuditEvent(user.username(), "desktop.settings-changed", project.slug(),
                "project:" + project.slug(), Map.of("before", view(before), "after", view(wanted))));
        return wanted;
    }

    @Transactional(readOnly = true)
    public List<RecordedSession> recordings(CurrentUser user, String slug) {
        Project project = projects.get(user, slug);
        policy.checkCanListDesktopRecordings(user, project);
        return sessions.recorded(project.id());
    }

    private static Map<String, Object> view(DesktopSettings settings) {
        return Map.of("pasteAllowed", settings.pasteAllowed(), "recordingEnabled", settings.recordingEnabled(),
                "maxSessionMinutes", settings.maxSessionMinutes(), "idleTimeoutMinutes", settings.idleTimeoutMinutes());
    }
}
