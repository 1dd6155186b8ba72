package eu.enclave.orchestrator.workspace;

import static eu.enclave.orchestrator.support.Fixtures.as;
import static eu.enclave.orchestrator.workspace.WorkspaceFixtures.eventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import eu.enclave.orchestrator.project.Project;
import eu.enclave.orchestrator.project.ProjectService;
import eu.enclave.orchestrator.project.ProjectStatus;
import eu.enclave.orchestrator.secret.PasswordGenerator;
import eu.enclave.orchestrator.secret.SecretPath;
import eu.enclave.orchestrator.secret.SecretStore;
import eu.enclave.orchestrator.support.Fixtures;
import eu.enclave.orchestrator.support.MutableClock;
import eu.enclave.orchestrator.support.OrchestratorApiTest;
import eu.enclave.orchestrator.workspace.cluster.WorkspaceObjects;
import eu.enclave.orchestrator.workspace.cluster.WorkspaceSpec;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A workspace's life through the API on the simulated cluster (Fabric8's CRUD mock, where no controller runs:
 * the tests write pods and their status themselves, as a kubelet would).
 */
@OrchestratorApiTest
class WorkspaceLifecycleTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    KubernetesClient cluster;

    @Autowired
    WorkspaceService service;

    @Autowired
    WorkspaceSessions sessions;

    @Autowired
    ProjectService projects;

    @Autowired
    MutableClock clock;

    @Autowired
    WorkspaceReconcileService reconciles;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    WorkspaceImages images;

    @Autowired
    SecretStore store;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void creatingRunsItOnTheClusterWithAPasswordOnlyInTheSecret() throws Exception {
        Project project = fixtures.workspaceProject("ws-create");
        String ns = namespace(project);

        String body = mvc.perform(post("/api/v1/projects/{slug}/workspaces", project.slug()).with(as("researcher"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"analysis\", \"template\": \"linux-desktop\","
                                + " \"size\": {\"cpu\": \"1\", \"memory\": \"2Gi\"}}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("pending"))
                .andExpect(jsonPath("$.owner").value("researcher"))
                .andExpect(jsonPath("$.size.cpu").value("1"))
                .andExpect(jsonPath("$.size.gpus").value(0))
                .andReturn().getResponse().getContentAsString();

        StatefulSet set = cluster.apps().statefulSets().inNamespace(ns).withName("ws-analysis").get();
        assertThat(set.getSpec().getReplicas()).isOne();
        assertThat(set.getSpec().getTemplate().getSpec().getContainers().get(0).getResources().getLimits()
                .get("memory").toString()).isEqualTo("2Gi");
        assertThat(cluster.services().inNamespace(ns).withName("ws-analysis").get()).isNotNull();
        assertThat(cluster.persistentVolumeClaims().inNamespace(ns).list().getItems())
                .anyMatch(c -> c.getMetadata().getName().startsWith("home-researcher"));
        String password = password(ns, "analysis");
        assertThat(password).hasSize(PasswordGenerator.LENGTH);
        assertThat(store.read(SecretPath.workspaceDesktop(project.slug(), "analysis")).orElseThrow())
                .as("the secret store holds what the Secret holds").containsEntry("password", password);

        assertThat(body).doesNotContain(password);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM workspaces w WHERE w::text LIKE ?", Long.class,
                "%" + password + "%")).isZero();
        assertThat(fixtures.auditFor(project.slug())).noneMatch(a -> a.details().contains(password))
                .anySatisfy(a -> {
                    assertThat(a.action()).isEqualTo("workspace.created");
                    assertThat(a.actor()).isEqualTo("researcher");
                    assertThat(a.target()).isEqualTo("workspace:" + project.slug() + "/analysis");
                });
    }

    @Test
    void stoppingScalesToZeroAndStartingAgainRotatesThePassword() throws Exception {
        Project project = fixtures.workspaceProject("ws-stop");
        String ns = namespace(project);
        create(project, "researcher", "stats");
        String first = password(ns, "stats");

        mvc.perform(post("/api/v1/projects/{slug}/workspaces/stats/stop", project.slug()).with(as("researcher")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("stopping"));
        assertThat(cluster.apps().statefulSets().inNamespace(ns).withName("ws-stats").get().getSpec().getReplicas())
                .isZero();
        // no pod and no replica wanted: the informer reports it stopped
        eventually("stopped", () -> statusOf(project, "stats") == WorkspaceStatus.STOPPED);

        mvc.perform(post("/api/v1/projects/{slug}/workspaces/stats/start", project.slug()).with(as("researcher")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("pending"));
        assertThat(cluster.apps().statefulSets().inNamespace(ns).withName("ws-stats").get().getSpec().getReplicas())
                .isOne();
        assertThat(password(ns, "stats")).hasSize(32).isNotEqualTo(first);
        assertThat(fixtures.auditFor(project.slug())).extracting(Fixtures.Audited::action)
                .contains("workspace.created", "workspace.stopped", "workspace.stopped_on_cluster", "workspace.started");
    }

    @Test
    void deletingRemovesItsObjectsButKeepsTheHomeVolume() throws Exception {
        Project project = fixtures.workspaceProject("ws-delete");
        String ns = namespace(project);
        create(project, "researcher", "old");
        mvc.perform(delete("/api/v1/projects/{slug}/workspaces/old", project.slug()).with(as("researcher")))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.errors[0].field").value("status"));
        service.stop(fixtures.user("researcher"), project.slug(), "old");
        eventually("stopped", () -> statusOf(project, "old") == WorkspaceStatus.STOPPED);

        mvc.perform(delete("/api/v1/projects/{slug}/workspaces/old", project.slug()).with(as("researcher")))
                .andExpect(status().isNoContent());

        assertThat(cluster.apps().statefulSets().inNamespace(ns).withName("ws-old").get()).isNull();
        assertThat(cluster.services().inNamespace(ns).withName("ws-old").get()).isNull();
        assertThat(cluster.secrets().inNamespace(ns).withName("ws-old-desktop").get()).isNull();
        assertThat(cluster.persistentVolumeClaims().inNamespace(ns).list().getItems())
                .anyMatch(c -> c.getMetadata().getName().startsWith("home-researcher"));
        mvc.perform(get("/api/v1/projects/{slug}/workspaces/old", project.slug()).with(as("researcher")))
                .andExpect(status().isNotFound());
        assertThat(fixtures.auditFor(project.slug())).extracting(Fixtures.Audited::action).contains("workspace.deleted");
    }

    @Test
    void theStatusFollowsThePodThroughTheInformerWithTheFailureReason() throws Exception {
        Project project = fixtures.workspaceProject("ws-informer");
        String ns = namespace(project);
        create(project, "researcher", "desk");
        Pod pod = createPod(ns, "desk");

        writeStatus(pod, new PodStatusBuilder().withPhase("Pending").withConditions(new PodConditionBuilder()
                .withType("PodScheduled").withStatus("True").build()).build());
        eventually("starting", () -> statusOf(project, "desk") == WorkspaceStatus.STARTING);

        writeStatus(pod, new PodStatusBuilder().withPhase("Running").withConditions(
                new PodConditionBuilder().withType("PodScheduled").withStatus("True").build(),
                new PodConditionBuilder().withType("Ready").withStatus("True").build()).build());
        eventually("running", () -> statusOf(project, "desk") == WorkspaceStatus.RUNNING);

        writeStatus(pod, new PodStatusBuilder().withPhase("Pending").withContainerStatuses(new ContainerStatusBuilder()
                .withName("desktop").withNewState().withNewWaiting().withReason("ImagePullBackOff")
                .withMessage("Back-off pulling image \"registry.example/ws:1.0\"").endWaiting().endState().build())
                .build());
        eventually("failed", () -> statusOf(project, "desk") == WorkspaceStatus.FAILED);
        mvc.perform(get("/api/v1/projects/{slug}/workspaces/desk", project.slug()).with(as("researcher")))
                .andExpect(jsonPath("$.status").value("failed"))
                .andExpect(jsonPath("$.reason").value("ImagePullBackOff: Back-off pulling image"
                        + " \"registry.example/ws:1.0\""));
    }

    @Test
    void anUnschedulablePodFailsWithTheSchedulersEvent() {
        Project project = fixtures.workspaceProject("ws-sched");
        String ns = namespace(project);
        new WorkspaceFixtures(fixtures, service).started(project, "researcher", "big");
        cluster.v1().events().inNamespace(ns).resource(new EventBuilder().withNewMetadata().withName("ws-big-0.1")
                .endMetadata().withType("Warning").withReason("FailedScheduling")
                .withMessage("0/3 nodes are available: 3 Insufficient nvidia.com/gpu.")
                .withNewInvolvedObject().withKind("Pod").withName("ws-big-0").withNamespace(ns).endInvolvedObject()
                .build()).create();
        Pod pod = createPod(ns, "big");
        writeStatus(pod, new PodStatusBuilder().withPhase("Pending").withConditions(new PodConditionBuilder()
                .withType("PodScheduled").withStatus("False").withReason("Unschedulable").build()).build());

        eventually("failed", () -> statusOf(project, "big") == WorkspaceStatus.FAILED);
        assertThat(workspace(project, "big").reason())
                .isEqualTo("FailedScheduling: 0/3 nodes are available: 3 Insufficient nvidia.com/gpu.");
    }

    @Test
    void aWorkspaceWithoutSessionIsStoppedWhenIdleAndOneWithASessionIsNot() {
        Project project = fixtures.workspaceProject("ws-idle");
        WorkspaceFixtures workspaces = new WorkspaceFixtures(fixtures, service);
        Workspace idle = workspaces.started(project, "researcher", "idle");
        Workspace busy = workspaces.started(project, "pi", "busy");
        UUID session = openDesktopSession(project, busy); // as the gateway records one, on whichever replica
        try {
            clock.advance(Duration.ofMinutes(119));
            assertThat(service.stopIdle()).extracting(Workspace::slug).doesNotContain(project.slug());

            clock.advance(Duration.ofMinutes(2));
            List<Workspace> stopped = service.stopIdle();

            assertThat(stopped).filteredOn(w -> w.projectId().equals(project.id())).extracting(Workspace::name)
                    .containsExactly("idle");
            assertThat(workspace(project, "idle").status()).isIn(WorkspaceStatus.STOPPING, WorkspaceStatus.STOPPED);
            assertThat(workspace(project, "idle").reason()).isEqualTo("idle");
            assertThat(workspace(project, "busy").status()).isEqualTo(WorkspaceStatus.PENDING);
            assertThat(cluster.apps().statefulSets().inNamespace(namespace(project)).withName("ws-idle").get()
                    .getSpec().getReplicas()).isZero();
            assertThat(fixtures.auditFor(project.slug())).anySatisfy(a -> {
                assertThat(a.action()).isEqualTo("workspace.stopped");
                assertThat(a.actor()).isEqualTo("system");
                assertThat(a.details()).contains("idle");
            });
        } finally {
            jdbc.update("UPDATE desktop_sessions SET closed_at = now() WHERE id = ?", session);
            sessions.closed(busy.id());
        }
        // the session's end restarts the idle timer
        assertThat(workspace(project, "busy").activeSince()).isAfter(idle.activeSince().plus(Duration.ofMinutes(120)));
    }

    private UUID openDesktopSession(Project project, Workspace workspace) {
        UUID id = UUID.randomUUID();
        jdbc.update("INSERT INTO desktop_sessions (id, project_id, workspace_id, workspace_name, username, opened_at,"
                + " replica, last_seen_at) VALUES (?, ?, ?, ?, 'pi', now(), 'another-replica', now())", id,
                project.id(), workspace.id(), workspace.name());
        return id;
    }

    @Test
    void suspendingTheProjectStopsAllItsWorkspacesWithTheReasonShown() throws Exception {
        Project project = fixtures.workspaceProject("ws-suspend");
        WorkspaceFixtures workspaces = new WorkspaceFixtures(fixtures, service);
        workspaces.started(project, "researcher", "one");
        workspaces.started(project, "pi", "two");

        projects.changeStatus(fixtures.user("admin"), project.slug(), ProjectStatus.SUSPENDED, "audit");

        for (String name : List.of("one", "two")) {
            assertThat(workspace(project, name).status()).isIn(WorkspaceStatus.STOPPING, WorkspaceStatus.STOPPED);
            assertThat(cluster.apps().statefulSets().inNamespace(namespace(project)).withName("ws-" + name).get()
                    .getSpec().getReplicas()).isZero();
        }
        mvc.perform(get("/api/v1/projects/{slug}/workspaces/one", project.slug()).with(as("researcher")))
                .andExpect(jsonPath("$.reason").value("project suspended"));
        eventually("stopped", () -> statusOf(project, "one") == WorkspaceStatus.STOPPED);
        assertThat(workspace(project, "one").reason()).as("kept once stopped").isEqualTo("project suspended");
    }

    @Test
    void thePiSeesAndMayStopAResearchersWorkspaceButNotStartOrDeleteIt() throws Exception {
        Project project = fixtures.workspaceProject("ws-pi");
        create(project, "researcher", "mine");
        mvc.perform(get("/api/v1/projects/{slug}/workspaces", project.slug()).with(as("pi")))
                .andExpect(jsonPath("$[0].name").value("mine"));
        mvc.perform(get("/api/v1/projects/{slug}/workspaces", project.slug()).with(as("reviewer")))
                .andExpect(jsonPath("$.length()").value(0));
        mvc.perform(post("/api/v1/projects/{slug}/workspaces/mine/stop", project.slug()).with(as("pi")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.reason").value("stopped by pi"));
        mvc.perform(post("/api/v1/projects/{slug}/workspaces/mine/start", project.slug()).with(as("pi")))
                .andExpect(status().isForbidden());
    }

    @Test
    void thePeriodicRunRepairsHandEditsAndRemovesWhatNoWorkspaceOwns() {
        Project project = fixtures.workspaceProject("ws-periodic");
        String ns = namespace(project);
        new WorkspaceFixtures(fixtures, service).started(project, "researcher", "kept");
        StatefulSet edited = cluster.apps().statefulSets().inNamespace(ns).withName("ws-kept").get();
        edited.getSpec().setReplicas(3);
        edited.getSpec().getTemplate().getSpec().setAutomountServiceAccountToken(true);
        cluster.resource(edited).update();
        WorkspaceImage image = images.find(WorkspaceFixtures.TEMPLATE).orElseThrow();
        StatefulSet stray = WorkspaceObjects.statefulSet(new WorkspaceSpec(ns, project.id(), project.slug(), "gone",
                "researcher", image, image.defaultSize(), true, List.of(), "1Gi", null, null));
        cluster.resource(stray).create();

        reconciles.reconcileAll();

        StatefulSet repaired = cluster.apps().statefulSets().inNamespace(ns).withName("ws-kept").get();
        assertThat(repaired.getSpec().getReplicas()).isOne();
        assertThat(repaired.getSpec().getTemplate().getSpec().getAutomountServiceAccountToken()).isFalse();
        assertThat(cluster.apps().statefulSets().inNamespace(ns).withName("ws-gone").get()).isNull();
    }

    private void create(Project project, String owner, String name) throws Exception {
        mvc.perform(post("/api/v1/projects/{slug}/workspaces", project.slug()).with(as(owner))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"" + name + "\", \"template\": \"linux-desktop\"}"))
                .andExpect(status().isCreated());
    }

    private Pod createPod(String ns, String name) {
        StatefulSet set = cluster.apps().statefulSets().inNamespace(ns).withName("ws-" + name).get();
        return cluster.resource(new PodBuilder().withNewMetadata().withName("ws-" + name + "-0").withNamespace(ns)
                .withLabels(set.getSpec().getTemplate().getMetadata().getLabels()).endMetadata()
                .withSpec(set.getSpec().getTemplate().getSpec()).build()).create();
    }

    private void writeStatus(Pod pod, PodStatus status) {
        Pod live = cluster.pods().inNamespace(pod.getMetadata().getNamespace()).withName(pod.getMetadata().getName())
                .get();
        live.setStatus(status);
        cluster.resource(live).updateStatus();
    }

    private String password(String ns, String name) {
        Secret secret = cluster.secrets().inNamespace(ns).withName("ws-" + name + "-desktop").get();
        return new String(Base64.getDecoder().decode(secret.getData().get("password")), StandardCharsets.UTF_8);
    }

    private Workspace workspace(Project project, String name) {
        return service.get(fixtures.user("admin"), project.slug(), name);
    }

    private WorkspaceStatus statusOf(Project project, String name) {
        return workspace(project, name).status();
    }

    private static String namespace(Project project) {
        return "enclave-" + project.slug();
    }
}
