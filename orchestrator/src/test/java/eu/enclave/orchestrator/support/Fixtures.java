package eu.enclave.orchestrator.support;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import eu.enclave.orchestrator.membership.MembershipService;
import eu.enclave.orchestrator.membership.NewMember;
import eu.enclave.orchestrator.membership.ProjectRole;
import eu.enclave.orchestrator.project.Project;
import eu.enclave.orchestrator.project.ProjectDraft;
import eu.enclave.orchestrator.project.ProjectService;
import eu.enclave.orchestrator.project.ProjectStatus;
import eu.enclave.orchestrator.template.AllowedTemplatesInput;
import eu.enclave.orchestrator.template.ProjectTemplates;
import eu.enclave.platform.identity.CurrentUser;
import eu.enclave.platform.identity.UserDirectory;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Fresh data for each test case, made through the same services as the API (so also audited), and the
 * read-backs the tests assert on: audit entries and a digest of everything an API call could write.
 */
public class Fixtures {

    public static final String PASSWORD = "demo";
    /** The catalogue's plain desktop, which tests creating workspaces allow with {@link #allowTemplates}. */
    public static final String DEFAULT_TEMPLATE = "linux-desktop";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final ProjectService projects;
    private final MembershipService memberships;
    private final UserDirectory users;
    private final JdbcTemplate jdbc;
    private final MutableClock clock;
    private final DatasetFixtures datasets;
    private final ProjectTemplates projectTemplates;

    Fixtures(ProjectService projects, MembershipService memberships, UserDirectory users, JdbcTemplate jdbc,
             MutableClock clock, DatasetFixtures datasets, ProjectTemplates projectTemplates) {
        this.projects = projects;
        this.memberships = memberships;
        this.users = users;
        this.jdbc = jdbc;
        this.clock = clock;
        this.datasets = datasets;
        this.projectTemplates = projectTemplates;
    }

    /** Datasets and approvals. */
    public DatasetFixtures datasets() {
        return datasets;
    }

    /** HTTP Basic with a demo user's name and the shared demo password: the real sign-in path. */
    public static RequestPostProcessor as(String username) {
        return httpBasic(username, PASSWORD);
    }

    /** A slug no other test uses, also across test classes sharing the database. */
    public static String newSlug(String prefix) {
        return prefix + "-" + SEQUENCE.incrementAndGet() + "-" + Long.toString(System.nanoTime() % 1_000_000, 36);
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public CurrentUser user(String username) {
        return users.findByUsername(username).orElseThrow();
    }

    /** A draft project with {@code pi} as PI and {@code researcher} and {@code reviewer} as members. */
    public Project draftProject(String prefix) {
        CurrentUser admin = user("admin");
        Project project = projects.create(admin, new ProjectDraft(newSlug(prefix), "Test study " + prefix,
                "Fixture", "MR-004 (test)", "", today().minusDays(1), today().plusMonths(6), "pi"));
        memberships.add(admin, project.slug(), new NewMember("researcher", ProjectRole.RESEARCHER, null, null));
        memberships.add(admin, project.slug(), new NewMember("reviewer", ProjectRole.REVIEWER, null, null));
        return project;
    }

    public Project activeProject(String prefix) {
        Project project = draftProject(prefix);
        return projects.changeStatus(user("admin"), project.slug(), ProjectStatus.ACTIVE, "fixture");
    }

    /** An active project whose workspaces may use {@code templates} (what an admin chooses on the project page). */
    public Project workspaceProject(String prefix, String... templates) {
        Project project = activeProject(prefix);
        allowTemplates(project, templates);
        return project;
    }

    /** Lets the project's workspaces use exactly these templates (the default {@code linux-desktop} if none). */
    public void allowTemplates(Project project, String... templates) {
        List<String> ids = templates.length == 0 ? List.of(DEFAULT_TEMPLATE) : List.of(templates);
        projectTemplates.replace(user("admin"), project.slug(), new AllowedTemplatesInput(ids));
    }

    public Project projectInStatus(String prefix, ProjectStatus status) {
        if (status == ProjectStatus.DRAFT) {
            return draftProject(prefix);
        }
        Project project = activeProject(prefix);
        if (status == ProjectStatus.ACTIVE) {
            return project;
        }
        CurrentUser admin = user("admin");
        project = projects.changeStatus(admin, project.slug(), ProjectStatus.SUSPENDED, "fixture");
        return status == ProjectStatus.SUSPENDED
                ? project
                : projects.changeStatus(admin, project.slug(), ProjectStatus.ARCHIVED, "fixture");
    }

    public String status(String slug) {
        return jdbc.queryForObject("SELECT status FROM projects WHERE slug = ?", String.class, slug);
    }

    public long auditHead() {
        return jdbc.queryForObject("SELECT coalesce(max(seq), 0) FROM platform.audit_log", Long.class);
    }

    /** Entries written after {@code seq}, oldest first. */
    public List<Audited> auditAfter(long seq) {
        return jdbc.query("SELECT seq, actor, action, project, target, details FROM platform.audit_log"
                        + " WHERE seq > ? ORDER BY seq",
                (rs, row) -> new Audited(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6)), seq);
    }

    public List<Audited> auditFor(String slug) {
        return jdbc.query("SELECT seq, actor, action, project, target, details FROM platform.audit_log"
                        + " WHERE project = ? ORDER BY seq",
                (rs, row) -> new Audited(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6)), slug);
    }

    /** Everything a project, membership, cluster-settings or dataset call could write, as digests, and the audit head. */
    public Snapshot snapshot() {
        return new Snapshot(
                jdbc.queryForObject("SELECT count(*) || ':' || coalesce(md5(string_agg(p::text, '|' ORDER BY id)), '')"
                        + " FROM projects p", String.class),
                jdbc.queryForObject("SELECT count(*) || ':' || coalesce(md5(string_agg(m::text, '|'"
                        + " ORDER BY project_id, user_id)), '') FROM memberships m", String.class),
                jdbc.queryForObject("SELECT (SELECT count(*) || ':' || coalesce(md5(string_agg(q::text, '|'"
                        + " ORDER BY project_id)), '') FROM project_quotas q) || '/' || (SELECT count(*) || ':'"
                        + " || coalesce(md5(string_agg(m::text, '|' ORDER BY project_id, position)), '')"
                        + " FROM project_mirrors m)", String.class),
                auditHead(),
                jdbc.queryForObject("SELECT (SELECT count(*) || ':' || coalesce(md5(string_agg(d::text, '|'"
                        + " ORDER BY id)), '') FROM datasets d) || '/' || (SELECT count(*) || ':'"
                        + " || coalesce(md5(string_agg(a::text, '|' ORDER BY id)), '') FROM dataset_approvals a)",
                        String.class));
    }

    /**
     * @param clusterSettings quotas and mirrors
     * @param datasets        the dataset catalogue and the approvals
     */
    public record Snapshot(String projects, String memberships, String clusterSettings, long auditHead,
                           String datasets) {
    }

    /**
     * An archived project with a proof-of-deletion record as the retention job leaves it (DELETED), written
     * directly so that the tests of who may read it need no cluster run.
     */
    public Project archivedWithDeletionRecord(String prefix) {
        Project project = projectInStatus(prefix, ProjectStatus.ARCHIVED);
        jdbc.update("INSERT INTO project_deletions (project_id, slug, namespace, archived_at, result, requested_at,"
                        + " confirmed_at, objects, attempts, last_attempt_at) SELECT id, slug, 'enclave-' || slug,"
                        + " archived_at, 'DELETED', now(), now(), '[]', 1, now() FROM projects WHERE id = ?",
                project.id());
        return project;
    }

    public record Audited(long seq, String actor, String action, String project, String target, String details) {
    }
}
