package eu.enclave.orchestrator.dataset.approval;

import eu.enclave.orchestrator.access.AccessPolicy;
import eu.enclave.orchestrator.cluster.DatasetSource;
import eu.enclave.orchestrator.dataset.Dataset;
import eu.enclave.orchestrator.dataset.DatasetRepository;
import eu.enclave.orchestrator.project.Dates;
import eu.enclave.orchestrator.project.Project;
import eu.enclave.orchestrator.project.ProjectService;
import eu.enclave.orchestrator.project.ProjectStatus;
import eu.enclave.platform.audit.AuditEvent;
import eu.enclave.platform.audit.AuditTrail;
import eu.enclave.platform.identity.CurrentUser;
import eu.enclave.platform.web.ApiException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Data stewards' decisions on projects' access to datasets, each audited in its transaction and announced after
 * commit ({@link DatasetAccessChanged}). Refusals come in a fixed order: unknown or invisible project (404), not a
 * steward (403), archived project (409), invalid values (400), a clash with other approvals (409).
 */
@Service
public class ApprovalService {

    public static final int MAX_REFERENCE = 200;
    public static final int MAX_REASON = 500;

    private final ProjectService projects;
    private final DatasetRepository datasets;
    private final ApprovalRepository approvals;
    private final AccessPolicy policy;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ApprovalService(ProjectService projects, DatasetRepository datasets, ApprovalRepository approvals,
                    AccessPolicy policy, AuditTrail audit, ApplicationEventPublisher events, Clock clock) {
        this.projects = projects;
        this.datasets = datasets;
        this.approvals = approvals;
        this.policy = policy;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /**
     * What the caller may see of the project's approvals: all of them, ended and revoked included, for admins and
     * stewards; the current ones for the project's members.
     */
    @Transactional(readOnly = true)
    public List<Approval> list(CurrentUser user, String slug) {
        return visible(user, projects.get(user, slug));
    }

    /** For a page that has loaded the project already; empty when the caller may not see its approvals. */
    @Transactional(readOnly = true)
    public Optional<List<Approval>> visibleApprovals(CurrentUser user, Project project) {
        return policy.canViewDatasetApprovals(user, project) ? Optional.of(visible(user, project)) : Optional.empty();
    }

    private List<Approval> visible(CurrentUser user, Project project) {
        policy.checkCanViewDatasetApprovals(user, project);
        if (policy.canViewApprovalHistory(user, project)) {
            return approvals.findByProject(project.id());
        }
        return approvals.findCurrent(project.id(), today());
    }

    @Transactional
    public Approval approve(CurrentUser user, String slug, ApprovalInput input) {
        Project project = decidable(user, slug);
        LocalDate today = today();
        LocalDate start = input.startDate() == null ? today : input.startDate();
        checkInput(input, start, today);
        Dataset dataset = datasets.lockByName(input.dataset().strip()).orElseThrow(() -> ApiException.invalid(
                "dataset", "no dataset '" + input.dataset().strip() + "' is registered"));
        if (dataset.isRetired()) {
            throw ApiException.conflict("dataset", "Dataset '" + dataset.name() + "' is retired.");
        }
        checkNoClash(dataset, project, start, input.endDate());
        Approval approval = new Approval(UUID.randomUUID(), dataset.id(), dataset.name(), project.id(), start,
                input.endDate(), input.reference().strip(), user.username(), now(), null, null, null);
        approvals.insert(approval);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("approval", approval.id().toString());
        details.put("dataset", dataset.name());
        details.put("tier", dataset.tier().toString());
        details.put("startDate", start.toString());
        details.put("endDate", approval.endDate().toString());
        details.put("reference", approval.reference());
        audit.record(new AuditEvent(user.username(), "dataset.approved", slug, target(dataset), details));
        events.publishEvent(new DatasetAccessChanged(project.id(), slug, dataset.name(), true, "approved"));
        return approval;
    }

    @Transactional
    public Approval revoke(CurrentUser user, String slug, UUID id, Revocation revocation) {
        Project project = decidable(user, slug);
        String reason = revocation == null || revocation.reason() == null ? "" : revocation.reason().strip();
        if (reason.isEmpty()) {
            throw ApiException.invalid("reason", "is required: it is recorded and shown to the project");
        }
        if (reason.length() > MAX_REASON) {
            throw ApiException.invalid("reason", "must be at most " + MAX_REASON + " characters");
        }
        Approval approval = approvals.lock(project.id(), id).orElseThrow(() -> ApiException.notFound("id",
                "No approval " + id + " in project '" + slug + "'."));
        ApprovalState state = approval.stateOn(today());
        if (state == ApprovalState.REVOKED || state == ApprovalState.ENDED) {
            throw ApiException.conflict("id", "The approval is already " + state + ".");
        }
        Instant now = now();
        if (!approvals.revoke(id, user.username(), Timestamp.from(now), reason)) {
            throw ApiException.conflict("id", "The approval changed meanwhile; reload and retry.");
        }
        audit.record(new AuditEvent(user.username(), "dataset.access_revoked", slug, "dataset:" + approval.dataset(),
                Map.of("approval", id.toString(), "dataset", approval.dataset(), "reference", approval.reference(),
                        "reason", reason, "wasState", state.toString())));
        events.publishEvent(new DatasetAccessChanged(project.id(), slug, approval.dataset(), false, reason));
        return new Approval(approval.id(), approval.datasetId(), approval.dataset(), approval.projectId(),
                approval.startDate(), approval.endDate(), approval.reference(), approval.approvedBy(),
                approval.approvedAt(), user.username(), now, reason);
    }

    /** Records, as the system and once each, the approvals whose end date has passed. Safe on several replicas. */
    @Transactional
    public int recordExpiries() {
        List<ApprovalRepository.Expired> expired = approvals.markExpired(today());
        for (ApprovalRepository.Expired e : expired) {
            String reason = "end date " + e.endDate() + " passed";
            audit.record(new AuditEvent(ProjectService.SYSTEM, "dataset.approval_expired", e.projectSlug(),
                    "dataset:" + e.dataset(), Map.of("approval", e.id().toString(), "dataset", e.dataset(),
                            "reference", e.reference(), "endDate", e.endDate().toString(), "reason", reason)));
            events.publishEvent(new DatasetAccessChanged(e.projectId(), e.projectSlug(), e.dataset(), false, reason));
        }
        return expired.size();
    }

    private Project decidable(CurrentUser user, String slug) {
        Project project = projects.get(user, slug);
        policy.checkCanDecideDatasetAccess(user, project);
        if (project.status() == ProjectStatus.ARCHIVED) {
            throw ApiException.conflict("status", "An archived project's access to data no longer changes.");
        }
        return project;
    }

    private static void checkInput(ApprovalInput input, LocalDate start, LocalDate today) {
        if (input.dataset() == null || input.dataset().isBlank()) {
            throw ApiException.invalid("dataset", "is required: the name of a registered dataset");
        }
        if (input.reference() == null || input.reference().isBlank()) {
            throw ApiException.invalid("reference", "is required: the data permit or authorisation number");
        }
        if (input.reference().strip().length() > MAX_REFERENCE) {
            throw ApiException.invalid("reference", "must be at most " + MAX_REFERENCE + " characters");
        }
        Dates.checkSupported("startDate", start);
        if (input.endDate() == null) {
            throw ApiException.invalid("endDate", "is required: the last day of access");
        }
        Dates.checkSupported("endDate", input.endDate());
        if (input.endDate().isBefore(start)) {
            throw ApiException.invalid("endDate", "must not be before startDate (" + start + ")");
        }
        if (input.endDate().isBefore(today)) {
            throw ApiException.invalid("endDate", "must not be in the past (today is " + today + ")");
        }
    }

    /**
     * One approval of a dataset per project at a time; and a dataset on an existing volume, which Kubernetes binds
     * to one claim only, for one project at a time.
     */
    private void checkNoClash(Dataset dataset, Project project, LocalDate start, LocalDate end) {
        for (Approval other : approvals.findOverlapping(dataset.id(), start, end)) {
            if (other.projectId().equals(project.id())) {
                throw ApiException.conflict("dataset", "The project already has an approval of '" + dataset.name()
                        + "' from " + other.startDate() + " to " + other.endDate() + "; revoke it first or start"
                        + " after it ends.");
            }
            if (dataset.source() instanceof DatasetSource.ExistingVolume) {
                throw ApiException.conflict("dataset", "Dataset '" + dataset.name() + "' lives on an existing"
                        + " PersistentVolume, which binds to one project's claim only, and another project holds an"
                        + " approval from " + other.startDate() + " to " + other.endDate() + ".");
            }
        }
    }

    private static String target(Dataset dataset) {
        return "dataset:" + dataset.name();
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
