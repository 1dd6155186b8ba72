package eu.enclave.orchestrator.membership;

import eu.enclave.orchestrator.access.AccessPolicy;
import eu.enclave.orchestrator.project.Dates;
import eu.enclave.orchestrator.project.Project;
import eu.enclave.orchestrator.project.ProjectRepository;
import eu.enclave.orchestrator.project.ProjectStatus;
import eu.enclave.platform.audit.AuditEvent;
import eu.enclave.platform.audit.AuditTrail;
import eu.enclave.platform.identity.CurrentUser;
import eu.enclave.platform.identity.UserDirectory;
import eu.enclave.platform.web.ApiException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Who belongs to a project, in which role and for how long; each change and each expiry audited. */
@Service
public class MembershipService {

    private final ProjectRepository projects;
    private final MembershipRepository memberships;
    private final UserDirectory users;
    private final AccessPolicy policy;
    private final AuditTrail audit;
    private final Clock clock;

    MembershipService(ProjectRepository projects, MembershipRepository memberships, UserDirectory users,
                      AccessPolicy policy, AuditTrail audit, Clock clock) {
        this.projects = projects;
        this.memberships = memberships;
        this.users = users;
        this.policy = policy;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<Membership> list(CurrentUser user, String slug) {
        return memberships.findByProject(visibleProject(user, slug).id());
    }

    @Transactional
    public Membership add(CurrentUser user, String slug, NewMember member) {
        Project project = visibleProject(user, slug);
        policy.checkCanAddMember(user, project, member.role());
        CurrentUser person = knownUser("username", member.username());
        LocalDate start = member.startDate() != null ? member.startDate() : LocalDate.now(clock);
        return addTrusted(user, project, person, member.role(), start, member.endDate());
    }

    /** Adds a member once the caller's right to do so has been checked. */
    public Membership addTrusted(CurrentUser actor, Project project, CurrentUser person, ProjectRole role,
                                 LocalDate start, LocalDate end) {
        if (project.status() == ProjectStatus.ARCHIVED) {
            throw ApiException.conflict("status", "An archived project's members cannot change.");
        }
        Dates.checkSupported("startDate", start);
        Dates.checkSupported("endDate", end);
        if (end != null && end.isBefore(start)) {
            throw ApiException.invalid("endDate", "must not be before startDate (" + start + ")");
        }
        if (end != null && end.isBefore(LocalDate.now(clock))) {
            throw ApiException.invalid("endDate", "must not be in the past");
        }
        if (memberships.find(project.id(), person.id()).isPresent()) {
            throw alreadyMember(person);
        }
        try {
            memberships.insert(project.id(), person.id(), role, start, end, actor.username(),
                    Timestamp.from(clock.instant()));
        } catch (DuplicateKeyException raced) {
            throw alreadyMember(person);
        }
        Map<String, Object> details = new HashMap<>();
        details.put("username", person.username());
        details.put("role", role.toString());
        details.put("startDate", start.toString());
        details.put("endDate", end == null ? "" : end.toString());
        audit.record(new AuditEvent(actor.username(), "member.added", project.slug(), "user:" + person.id(), details));
        return memberships.find(project.id(), person.id()).orElseThrow();
    }

    @Transactional
    public void remove(CurrentUser user, String slug, UUID userId) {
        Project project = visibleProject(user, slug);
        Membership member = memberships.find(project.id(), userId).orElseThrow(() ->
                ApiException.notFound("userId", "User " + userId + " is not a member of '" + slug + "'."));
        policy.checkCanRemoveMember(user, project, member);
        if (project.status() == ProjectStatus.ARCHIVED) {
            throw ApiException.conflict("status", "An archived project's members cannot change.");
        }
        memberships.delete(project.id(), userId);
        audit.record(new AuditEvent(user.username(), "member.removed", slug, "user:" + userId,
                Map.of("username", member.username(), "role", member.role().toString())));
    }

    /** Puts every membership that has ended on the audit trail, once. Safe to run on several replicas. */
    @Transactional
    public int recordExpiries() {
        List<MembershipRepository.Expired> expired = memberships.claimExpired(LocalDate.now(clock));
        for (MembershipRepository.Expired e : expired) {
            audit.record(new AuditEvent("system", "member.expired", e.projectSlug(), "user:" + e.userId(),
                    Map.of("username", e.username(), "role", e.role().toString(), "endDate", e.endDate().toString())));
        }
        return expired.size();
    }

    public CurrentUser knownUser(String field, String username) {
        return users.findByUsername(username.strip()).orElseThrow(() -> ApiException.invalid(field,
                "no user '" + username.strip() + "' is known to Enclave; they must sign in once first"));
    }

    private Project visibleProject(CurrentUser user, String slug) {
        Project project = projects.findBySlug(slug).orElseThrow(() -> AccessPolicy.noSuchProject(slug));
        policy.checkCanView(user, project);
        return project;
    }

    private static ApiException alreadyMember(CurrentUser person) {
        return ApiException.conflict("username", "'" + person.username() + "' is already a member of this project.");
    }
}
