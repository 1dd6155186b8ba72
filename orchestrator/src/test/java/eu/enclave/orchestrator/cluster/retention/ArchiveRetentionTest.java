package eu.enclave.orchestrator.cluster.retention;

import eu.enclave.orchestrator.cluster.leader.ClusterLeadership;
import static eu.enclave.orchestrator.support.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.jayway.jsonpath.JsonPath;
import eu.enclave.orchestrator.cluster.ClusterNames;
import eu.enclave.orchestrator.cluster.ClusterSettings;
import eu.enclave.orchestrator.cluster.ProjectReconciler;
import eu.enclave.orchestrator.cluster.TeardownOutcome.Result;
import eu.enclave.orchestrator.cluster.apply.Retrier;
import eu.enclave.orchestrator.cluster.connection.ClusterConnection;
import eu.enclave.orchestrator.project.Project;
import eu.enclave.orchestrator.project.ProjectService;
import eu.enclave.orchestrator.project.ProjectStatus;
import eu.enclave.orchestrator.secret.WorkspaceCredentials;
import eu.enclave.orchestrator.support.Fixtures;
import eu.enclave.orchestrator.support.Fixtures.Audited;
import eu.enclave.orchestrator.support.MutableClock;
import eu.enclave.orchestrator.support.OrchestratorApiTest;
import eu.enclave.platform.audit.AuditTrail;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The retention job on the simulated cluster of the test context, with the clock moved past the retention.
 * Each test makes its own service instances: a new instance is what a restart looks like, since the job keeps
 * nothing in memory.
 */
@OrchestratorApiTest
class ArchiveRetentionTest {

    private static final Duration PAST_RETENTION = Duration.ofDays(31);

    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired MutableClock clock;
    @Autowired ClusterConnection connection;
    @Autowired ClusterSettings settings;
    @Autowired ProjectDeletionRepository deletions;
    @Autowired AuditTrail audit;
    @Autowired PlatformTransactionManager transactions;
    @Autowired JdbcTemplate jdbc;
    @Autowired ClusterLeadership leadership;
    @Autowired WorkspaceCredentials credentials;

    @AfterEach
    void reset() {
        clock.reset();
        connection.simulator().clearExpectations();
    }

    @Test
    void aProjectArchivedForLessThanTheRetentionKeepsItsNamespace() {
        Project project = archived();
        clock.advance(Duration.ofDays(29));

        List<ProjectDeletion> records = service("P30D").run();

        assertThat(records).extracting(ProjectDeletion::projectId).doesNotContain(project.id());
        assertThat(deletions.find(project.id())).isEmpty();
        assertThat(namespaceExists(project)).isTrue();
        assertThat(actions(project)).noneMatch(a -> a.startsWith("cluster.namespace"));
    }

    @Test
    void aDueNamespaceIsDeletedWithItsRecordAndAuditEntriesOnceOnlyAcrossRestarts() throws Exception {
        Project project = archived();
        String namespace = namespace(project);
        clock.advance(PAST_RETENTION);

        service("P30D").run();

        assertThat(namespaceExists(project)).isFalse();
        ProjectDeletion record = deletions.find(project.id()).orElseThrow();
        assertThat(record.result()).isEqualTo(Result.DELETED);
        assertThat(record.namespace()).isEqualTo(namespace);
        assertThat(record.requestedAt()).isNotNull();
        assertThat(record.confirmedAt()).isNotNull();
        assertThat(record.archivedAt()).isEqualTo(jdbc.queryForObject(
                "SELECT archived_at FROM projects WHERE id = ?", java.sql.Timestamp.class, project.id()).toInstant());
        assertThat(record.objects()).contains("NetworkPolicy " + namespace + "/default-deny",
                "ResourceQuota " + namespace + "/project-quota", "PersistentVolumeClaim " + namespace + "/project-share");
        List<Audited> entries = deletionAudit(project);
        assertThat(entries).extracting(Audited::action)
                .containsExactly("cluster.namespace_deleted", "cluster.namespace_deletion_confirmed");
        assertThat(entries).extracting(Audited::actor).containsOnly(ProjectService.SYSTEM);
        assertThat(entries.get(0).details()).contains("\"namespace\":\"" + namespace + "\"")
                .contains("NetworkPolicy " + namespace + "/default-deny").contains("\"at\":\"")
                .contains("\"result\":\"DELETED\"");

        // a namespace of the same name that appears later is not this record's business any more
        connection.client().resource(new NamespaceBuilder().withNewMetadata().withName(namespace)
                .withLabels(ClusterNames.ownedBy(project.id(), project.slug())).endMetadata().build()).create();
        service("P30D").run();
        service("P0D").run();

        assertThat(namespaceExists(project)).as("never deleted twice").isTrue();
        assertThat(deletionAudit(project)).as("no second audit entry").hasSize(2);
        assertThat(deletions.find(project.id()).orElseThrow()).isEqualTo(record);

        String body = api("steward", project, 200);
        assertThat(JsonPath.<String>read(body, "$.result")).isEqualTo("DELETED");
        assertThat(JsonPath.<String>read(body, "$.namespace")).isEqualTo(namespace);
        assertThat(JsonPath.<List<String>>read(body, "$.objects")).contains("NetworkPolicy " + namespace + "/default-deny");
        assertThat(JsonPath.<String>read(body, "$.confirmedAt")).isNotBlank();
        api("admin", project, 200);
        api("pi", project, 403);
        api("outsider", project, 404);

        Element line = projectPage("admin", project).getElementById("deletion-record");
        assertThat(line).isNotNull();
        assertThat(line.attr("data-result")).isEqualTo("DELETED");
        assertThat(line.text()).contains("Namespace " + namespace + " deleted");
        assertThat(projectPage("pi", project).getElementById("deletion-record")).isNull();
    }

    @Test
    void noRecordYetIsA404() throws Exception {
        Project project = archived();
        String body = api("admin", project, 404);
        assertThat(JsonPath.<String>read(body, "$.errors[0].field")).isEqualTo("deletion");
        assertThat(projectPage("admin", project).getElementById("deletion-record")).isNull();
    }

    @Test
    void aNamespaceWithoutTheOwnershipLabelsIsRefusedAuditedOnceAndNeverDeleted() throws Exception {
        Project project = archived();
        connection.client().namespaces().withName(namespace(project))
                .edit(ns -> new NamespaceBuilder(ns).editMetadata().withLabels(java.util.Map.of("team", "platform"))
                        .endMetadata().build());
        clock.advance(PAST_RETENTION);

        service("P30D").run();
        service("P30D").run();

        assertThat(namespaceExists(project)).isTrue();
        ProjectDeletion record = deletions.find(project.id()).orElseThrow();
        assertThat(record.result()).isEqualTo(Result.REFUSED);
        assertThat(record.reason()).contains("ownership labels");
        assertThat(record.attempts()).isEqualTo(2);
        assertThat(record.requestedAt()).isNull();
        assertThat(deletionAudit(project)).extracting(Audited::action)
                .containsExactly("cluster.namespace_deletion_refused");
        assertThat(JsonPath.<String>read(api("admin", project, 200), "$.result")).isEqualTo("REFUSED");
    }

    @Test
    void anApiErrorIsRecordedAndRetriedAtTheNextRun() {
        Project project = archived();
        connection.simulator().expect().get().withPath("/api/v1/namespaces/" + namespace(project))
                .andReturn(403, new StatusBuilder().withCode(403).withReason("Forbidden")
                        .withMessage("namespaces is forbidden for this test").build())
                .always();
        clock.advance(PAST_RETENTION);

        service("P30D").run();
        service("P30D").run();

        ProjectDeletion failed = deletions.find(project.id()).orElseThrow();
        assertThat(failed.result()).isEqualTo(Result.FAILED);
        assertThat(failed.reason()).contains("403").contains("forbidden for this test");
        assertThat(failed.attempts()).isEqualTo(2);
        assertThat(deletionAudit(project)).extracting(Audited::action)
                .containsExactly("cluster.namespace_deletion_failed");

        connection.simulator().clearExpectations();
        assertThat(namespaceExists(project)).isTrue();
        service("P30D").run();

        assertThat(namespaceExists(project)).isFalse();
        ProjectDeletion deleted = deletions.find(project.id()).orElseThrow();
        assertThat(deleted.result()).isEqualTo(Result.DELETED);
        assertThat(deleted.reason()).isEmpty();
        assertThat(deleted.attempts()).isEqualTo(3);
        assertThat(deletionAudit(project)).extracting(Audited::action).containsExactly(
                "cluster.namespace_deletion_failed", "cluster.namespace_deleted", "cluster.namespace_deletion_confirmed");
    }

    @Test
    void aNamespaceStillTerminatingIsCheckedOnWithoutBeingDeletedAgainUntilItIsGone() {
        Project project = archived();
        String namespace = namespace(project);
        // as a real API server does: the deletion is accepted and the namespace stays while it is emptied
        connection.simulator().expect().delete().withPath("/api/v1/namespaces/" + namespace)
                .andReturn(200, new StatusBuilder().withStatus("Success").withCode(200).build()).once();
        clock.advance(PAST_RETENTION);

        service("P30D").run();

        ProjectDeletion deleting = deletions.find(project.id()).orElseThrow();
        assertThat(deleting.result()).isEqualTo(Result.DELETING);
        assertThat(deleting.requestedAt()).isNotNull();
        assertThat(deleting.confirmedAt()).isNull();
        assertThat(deleting.objects()).contains("NetworkPolicy " + namespace + "/default-deny");
        assertThat(deletionAudit(project)).extracting(Audited::action).containsExactly("cluster.namespace_deleted");
        assertThat(deletionAudit(project).get(0).details()).contains("\"result\":\"DELETING\"");

        connection.simulator().expect().delete().withPath("/api/v1/namespaces/" + namespace)
                .andReturn(500, new StatusBuilder().withCode(500).withMessage("must not be called").build()).always();
        service("P30D").run(); // after a restart: only a read
        assertThat(deletions.find(project.id()).orElseThrow().result()).isEqualTo(Result.DELETING);
        assertThat(deletionAudit(project)).hasSize(1);
        assertThat(namespaceExists(project)).isTrue();

        connection.simulator().clearExpectations();
        connection.client().namespaces().withName(namespace).delete(); // the cluster has finished
        service("P30D").run();

        ProjectDeletion confirmed = deletions.find(project.id()).orElseThrow();
        assertThat(confirmed.result()).isEqualTo(Result.DELETED);
        assertThat(confirmed.confirmedAt()).isNotNull();
        assertThat(confirmed.requestedAt()).isEqualTo(deleting.requestedAt());
        assertThat(confirmed.objects()).isEqualTo(deleting.objects());
        assertThat(deletionAudit(project)).extracting(Audited::action)
                .containsExactly("cluster.namespace_deleted", "cluster.namespace_deletion_confirmed");
    }

    @Test
    void aNamespaceAlreadyGoneIsRecordedAsAbsent() {
        Project project = archived();
        connection.client().namespaces().withName(namespace(project)).delete();

        service("P0D").run();

        ProjectDeletion record = deletions.find(project.id()).orElseThrow();
        assertThat(record.result()).isEqualTo(Result.ABSENT);
        assertThat(record.confirmedAt()).isNotNull();
        assertThat(deletionAudit(project)).extracting(Audited::action)
                .containsExactly("cluster.namespace_deletion_confirmed");
        assertThat(deletionAudit(project).get(0).details()).contains("\"alreadyAbsent\":true");
    }

    @Test
    void theRetentionIsAnIsoDurationThatMayBeZeroButNotNegative() {
        assertThat(ArchiveRetention.parse("P30D").period()).isEqualTo(Duration.ofDays(30));
        assertThat(ArchiveRetention.parse("P0D").period()).isZero();
        assertThat(ArchiveRetention.parse("PT12H").period()).isEqualTo(Duration.ofHours(12));
        assertThatThrownBy(() -> ArchiveRetention.parse("-P1D")).hasMessageContaining("must not be negative");
        assertThatThrownBy(() -> ArchiveRetention.parse("30 days")).hasMessageContaining("ISO-8601");
    }

    @Test
    void aReplicaThatDoesNotLeadDeletesNothing() {
        Project project = archived();
        clock.advance(Duration.ofDays(31));

        service("P30D", follower()).scheduledRun();

        assertThat(deletions.find(project.id())).isEmpty();
        assertThat(namespaceExists(project)).isTrue();
    }

    private ArchiveRetentionService service(String retention) {
        return service(retention, leadership);
    }

    private ArchiveRetentionService service(String retention, ClusterLeadership leadership) {
        ProjectReconciler reconciler = new ProjectReconciler(connection.client(), settings,
                Retrier.standard(duration -> { }), clock);
        return new ArchiveRetentionService(deletions, reconciler, settings, audit, transactions, clock, retention,
                credentials, leadership);
    }

    private static ClusterLeadership follower() {
        return new ClusterLeadership() {
            @Override
            public boolean isLeader() {
                return false;
            }

            @Override
            public String identity() {
                return "follower";
            }
        };
    }

    private Project archived() {
        Project project = fixtures.projectInStatus("ret", ProjectStatus.ARCHIVED);
        assertThat(namespaceExists(project)).as("made while it was active").isTrue();
        return project;
    }

    private String namespace(Project project) {
        return ClusterNames.namespace(settings.namespacePrefix(), project.slug());
    }

    private boolean namespaceExists(Project project) {
        return connection.client().namespaces().withName(namespace(project)).get() != null;
    }

    private List<String> actions(Project project) {
        return fixtures.auditFor(project.slug()).stream().map(Audited::action).toList();
    }

    private List<Audited> deletionAudit(Project project) {
        return fixtures.auditFor(project.slug()).stream().filter(a -> a.action().startsWith("cluster.namespace"))
                .toList();
    }

    private String api(String user, Project project, int status) throws Exception {
        MvcResult result = mvc.perform(get("/api/v1/projects/{slug}/deletion", project.slug()).with(as(user)))
                .andReturn();
        String body = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(result.getResponse().getStatus()).as(body).isEqualTo(status);
        return body;
    }

    private org.jsoup.nodes.Document projectPage(String user, Project project) throws Exception {
        MvcResult result = mvc.perform(get("/projects/{slug}", project.slug())
                .with(SecurityMockMvcRequestPostProcessors.user(user))).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        return Jsoup.parse(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
    }
}
