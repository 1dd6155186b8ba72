package eu.enclave.orchestrator.cluster.settings;

import eu.enclave.orchestrator.access.AccessPolicy;
import eu.enclave.orchestrator.cluster.Mirror;
import eu.enclave.orchestrator.cluster.ProjectQuota;
import eu.enclave.orchestrator.cluster.apply.ClusterCallFailed;
import eu.enclave.orchestrator.cluster.status.ClusterPresence;
import eu.enclave.orchestrator.project.Project;
import eu.enclave.orchestrator.project.ProjectService;
import eu.enclave.orchestrator.project.ProjectStatus;
import eu.enclave.platform.audit.AuditEvent;
import eu.enclave.platform.audit.AuditTrail;
import eu.enclave.platform.identity.CurrentUser;
import eu.enclave.platform.web.ApiException;
import eu.enclave.platform.web.Problems.FieldProblem;
import io.fabric8.kubernetes.api.model.Quantity;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading and replacing a project's quota and mirrors. Refusals come in a fixed order: unknown or invisible
 * project (404), not an admin (403), archived (409), invalid values (400), a quota below what the namespace
 * uses now (409), that use unreadable (503). A replacement that changes nothing writes nothing and is not audited.
 */
@Service
public class ClusterSettingsService {

    private final ProjectService projects;
    private final ClusterSettingsRepository settings;
    private final AccessPolicy policy;
    private final AuditTrail audit;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final ClusterQuotaUsage usage;

    ClusterSettingsService(ProjectService projects, ClusterSettingsRepository settings, AccessPolicy policy,
                           AuditTrail audit, Clock clock, ApplicationEventPublisher events, ClusterQuotaUsage usage) {
        this.usage = usage;
        this.events = events;
        this.projects = projects;
        this.settings = settings;
        this.policy = policy;
        this.audit = audit;
        this.clock = clock;
    }

    /** A project's quota, and whether it is the default (no quota stored). */
    public record Quota(ProjectQuota quota, boolean isDefault) {
    }

    @Transactional(readOnly = true)
    public Quota quota(CurrentUser user, String slug) {
        Project project = readable(user, slug);
        return quotaOf(project);
    }

    @Transactional(readOnly = true)
    public List<Mirror> mirrors(CurrentUser user, String slug) {
        return settings.findMirrors(readable(user, slug).id());
    }

    /**
     * Both, for a page that has already loaded the project.
     *
     * @param editable whether the user may change them now (an admin, and the project not archived)
     */
    public record Settings(Quota quota, List<Mirror> mirrors, boolean editable) {
    }

    /** What the project page shows: both, or empty when the user may not read them. Two queries. */
    @Transactional(readOnly = true)
    public Optional<Settings> readableSettings(CurrentUser user, Project project) {
        if (!policy.canReadClusterSettings(user, project)) {
            return Optional.empty();
        }
        return Optional.of(new Settings(quotaOf(project), settings.findMirrors(project.id()),
                policy.canEditClusterSettings(user, project) && project.status() != ProjectStatus.ARCHIVED));
    }

    @Transactional
    public Quota replaceQuota(CurrentUser user, String slug, QuotaInput input) {
        Project project = writable(user, slug);
        ProjectQuota next = SettingsRules.quota(input);
        Quota before = quotaOf(project);
        if (before.quota().equals(next)) {
            return before;
        }
        checkNotBelowUse(project, next);
        settings.saveQuota(project.id(), next, user.username(), Timestamp.from(now()));
        audit.record(new AuditEvent(user.username(), "project.quota_changed", slug, "project:" + slug,
                Map.of("old", quotaDetails(before.quota()), "new", quotaDetails(next))));
        events.publishEvent(new ClusterSettingsChanged(project.id(), slug));
        return new Quota(next, false);
    }

    @Transactional
    public List<Mirror> replaceMirrors(CurrentUser user, String slug, MirrorsInput input) {
        Project project = writable(user, slug);
        List<Mirror> next = SettingsRules.mirrors(input);
        List<Mirror> before = settings.findMirrors(project.id());
        if (before.equals(next)) {
            return before;
        }
        settings.replaceMirrors(project.id(), next);
        List<Mirror> stored = settings.findMirrors(project.id());
        audit.record(new AuditEvent(user.username(), "project.mirrors_changed", slug, "project:" + slug,
                Map.of("old", mirrorDetails(before), "new", mirrorDetails(stored))));
        events.publishEvent(new ClusterSettingsChanged(project.id(), slug));
        return stored;
    }

    /** A draft has no namespace, so nothing in use yet; an archived project cannot get here. */
    private void checkNotBelowUse(Project project, ProjectQuota next) {
        if (!ClusterPresence.onCluster(project.status())) {
            return;
        }
        Map<String, Quantity> used;
        try {
            used = usage.used(project.slug());
        } catch (ClusterCallFailed e) {
            throw ApiException.unavailable("The quota was not changed: what the project's namespace uses now could"
                    + " not be read from the cluster (" + e.reason() + ").");
        }
        List<FieldProblem> problems = QuotaFloor.belowUse(next, used);
        if (!problems.isEmpty()) {
            throw new QuotaFloor.BelowUse(problems);
        }
    }

    private Project readable(CurrentUser user, String slug) {
        Project project = projects.get(user, slug);
        policy.checkCanReadClusterSettings(user, project);
        return project;
    }

    private Project writable(CurrentUser user, String slug) {
        Project project = projects.get(user, slug);
        policy.checkCanEditClusterSettings(user, project);
        if (ProjectStatus.parse(settings.lockProject(project.id())) == ProjectStatus.ARCHIVED) {
            throw ApiException.conflict("status", "An archived project's cluster settings cannot be changed.");
        }
        return project;
    }

    private Quota quotaOf(Project project) {
        return settings.findQuota(project.id()).map(q -> new Quota(q, false))
                .orElseGet(() -> new Quota(ProjectQuota.DEFAULT, true));
    }

    private static Map<String, Object> quotaDetails(ProjectQuota q) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("cpu", q.cpu());
        details.put("memory", q.memory());
        details.put("gpus", q.gpus());
        details.put("pods", q.pods());
        details.put("pvcs", q.pvcs());
        details.put("storage", q.storage());
        return details;
    }

    /** Names and addresses only: a mirror carries no secret, and the audit trail never will. */
    private static List<Map<String, Object>> mirrorDetails(List<Mirror> mirrors) {
        return mirrors.stream().map(m -> {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("name", m.name());
            details.put("cidr", m.cidr());
            details.put("port", m.port());
            if (m.hostname() != null) {
                details.put("hostname", m.hostname());
            }
            return details;
        }).toList();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
