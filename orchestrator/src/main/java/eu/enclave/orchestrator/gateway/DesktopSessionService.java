package eu.enclave.orchestrator.gateway;

import eu.enclave.orchestrator.access.AccessPolicy;
import eu.enclave.orchestrator.access.DesktopAccess;
import eu.enclave.orchestrator.cluster.leader.ClusterLeadership;
import eu.enclave.orchestrator.project.Project;
import eu.enclave.orchestrator.project.ProjectService;
import eu.enclave.platform.audit.AuditEvent;
import eu.enclave.platform.audit.AuditTrail;
import eu.enclave.platform.identity.CurrentUser;
import eu.enclave.platform.web.ApiException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The life of a desktop session outside the relay itself: who may open which desktop (decided before anything
 * reaches guacd), and the audit entries, session records and activity reports of every refusal, connect and
 * disconnect.
 */
@Service
public class DesktopSessionService {

    private final ProjectService projects;
    private final AccessPolicy policy;
    private final DesktopWorkspaces workspaces;
    private final DesktopSettingsService settings;
    private final DesktopDefaults defaults;
    private final DesktopSessionRepository sessions;
    private final SessionActivity activity;
    private final AuditTrail audit;
    private final Clock clock;
    private final ClusterLeadership replica;

    DesktopSessionService(ProjectService projects, AccessPolicy policy, DesktopWorkspaces workspaces,
                          DesktopSettingsService settings, DesktopDefaults defaults, DesktopSessionRepository sessions,
                          SessionActivity activity, AuditTrail audit, Clock clock, ClusterLeadership replica) {
        this.replica = replica;
        this.projects = projects;
        this.policy = policy;
        this.workspaces = workspaces;
        this.settings = settings;
        this.defaults = defaults;
        this.sessions = sessions;
        this.activity = activity;
        this.audit = audit;
        this.clock = clock;
    }

    /** Authorises the request or throws {@link TunnelRefused}, auditing the refusal. */
    public Admission admit(CurrentUser user, ConnectRequest request) {
        try {
            return authorise(user, request);
        } catch (TunnelRefused refused) {
            refused(user, request.project(), request.workspace(), refused);
            throw refused;
        }
    }

    /**
     * Whether an open session may go on: the same checks as at connection (a visible, active project; the owner,
     * still a current member; a running workspace), asked again while it lasts. A refusal is audited like one at
     * connection.
     */
    public boolean stillAllowed(CurrentUser user, Admission admission) {
        try {
            check(user, admission.projectSlug(), admission.workspace().name());
            return true;
        } catch (TunnelRefused refused) {
            refused(user, admission.projectSlug(), admission.workspace().name(), refused);
            return false;
        }
    }

    /** A request too malformed to name its workspace. */
    public void refusedBadRequest(CurrentUser user, TunnelRefused refused) {
        refused(user, null, null, refused);
    }

    private Admission authorise(CurrentUser user, ConnectRequest request) {
        Allowed allowed = check(user, request.project(), request.workspace());
        Project project = allowed.project();
        DesktopWorkspace workspace = allowed.workspace();
        DesktopSettings rules = settings.settings(project.id());
        UUID sessionId = UUID.randomUUID();
        Recording recording = rules.recordingEnabled()
                ? Recording.of(defaults.recordingRoot(), project.slug(), sessionId.toString()) : null;
        return new Admission(sessionId, project.slug(), project.id(), workspace, rules, recording,
                workspaces.desktopPassword(workspace), clock.instant());
    }

    private record Allowed(Project project, DesktopWorkspace workspace) {
    }

    private Allowed check(CurrentUser user, String slug, String name) {
        Project project;
        try {
            project = projects.get(user, slug);
        } catch (ApiException invisible) {
            throw new TunnelRefused(Refusal.NO_SUCH_WORKSPACE);
        }
        DesktopWorkspace workspace = workspaces.find(project, name)
                .orElseThrow(() -> new TunnelRefused(Refusal.NO_SUCH_WORKSPACE));
        DesktopAccess access = policy.desktopAccess(user, project, workspace.ownerId());
        switch (access) {
            case NOT_A_MEMBER -> throw new TunnelRefused(Refusal.NOT_A_MEMBER);
            case NOT_OWNER -> throw new TunnelRefused(Refusal.NOT_OWNER);
            case PROJECT_NOT_ACTIVE -> throw new TunnelRefused(Refusal.PROJECT_NOT_ACTIVE);
            case ALLOWED -> { }
        }
        if (!workspace.running()) {
            throw new TunnelRefused(Refusal.WORKSPACE_NOT_RUNNING);
        }
        return new Allowed(project, workspace);
    }

    /**
     * guacd relayed the desktop's first frame: only now is it a session (guacd answers {@code ready} before its VNC
     * or RDP client has reached the desktop). Audited with the recording's location, recorded, reported as activity.
     */
    @Transactional
    public void connected(CurrentUser user, Admission admission) {
        Map<String, Object> details = new HashMap<>(Map.of("session", admission.sessionId().toString(),
                "workspace", admission.workspace().name(), "protocol", admission.workspace().protocol().guacdName(),
                "recorded", admission.recorded()));
        if (admission.recorded()) {
            details.put("recordingPath", admission.recording().path());
            details.put("recordingName", admission.recording().name());
        }
        sessions.opened(admission, user.username(), clock.instant(), replica.identity());
        audit.record(new AuditEvent(user.username(), "desktop.connected", admission.projectSlug(),
                target(admission), details));
        activity.opened(admission.workspace().id(), user);
    }

    /**
     * guacd could not be reached, refused the handshake, or could not reach the desktop before its first frame:
     * nothing was opened. Audited once, with what guacd said ({@code message}).
     */
    public void unreachable(CurrentUser user, Admission admission, String message) {
        refused(user, admission.projectSlug(), admission.workspace().name(),
                new TunnelRefused(Refusal.DESKTOP_UNREACHABLE), message);
    }

    /** The sessions this replica relays are still open: renewed so that no other replica takes them for gone. */
    public void stillOpen(Collection<UUID> sessionIds) {
        sessions.stillOpen(sessionIds);
    }

    @Transactional
    public void disconnected(CurrentUser user, Admission admission, String reason) {
        Instant now = clock.instant();
        long seconds = Math.max(0, Duration.between(admission.admittedAt(), now).toSeconds());
        sessions.closed(admission.sessionId(), reason, now);
        audit.record(new AuditEvent(user.username(), "desktop.disconnected", admission.projectSlug(),
                target(admission), Map.of("session", admission.sessionId().toString(),
                "workspace", admission.workspace().name(), "durationSeconds", seconds, "reason", reason)));
        activity.closed(admission.workspace().id());
    }

    private void refused(CurrentUser user, String slug, String workspace, TunnelRefused refused) {
        refused(user, slug, workspace, refused, null);
    }

    private void refused(CurrentUser user, String slug, String workspace, TunnelRefused refused, String message) {
        Map<String, Object> details = new HashMap<>(Map.of("reason", refused.refusal().code()));
        if (workspace != null) {
            details.put("workspace", workspace);
        }
        if (message != null) {
            details.put("message", message);
        }
        audit.record(new AuditEvent(user.username(), "desktop.refused", slug,
                slug == null || workspace == null ? null : target(slug, workspace), details));
    }

    private static String target(Admission admission) {
        return target(admission.projectSlug(), admission.workspace().name());
    }

    /** As the workspace feature names its entries ({@code workspace.*}), so that one filter finds both. */
    private static String target(String slug, String workspace) {
        return "workspace:" + slug + "/" + workspace;
    }
}
