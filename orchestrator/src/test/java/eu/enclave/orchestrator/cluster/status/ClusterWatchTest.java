package eu.enclave.orchestrator.cluster.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import eu.enclave.orchestrator.cluster.ClusterNames;
import eu.enclave.orchestrator.cluster.ClusterSettings;
import eu.enclave.orchestrator.cluster.ClusterSpecSource;
import eu.enclave.orchestrator.cluster.connection.ClusterConnection;
import eu.enclave.orchestrator.project.Project;
import eu.enclave.orchestrator.workspace.NewWorkspace;
import eu.enclave.orchestrator.workspace.WorkspaceReconcileService;
import eu.enclave.orchestrator.workspace.WorkspaceService;
import eu.enclave.orchestrator.workspace.cluster.WorkspaceNames;
import eu.enclave.orchestrator.support.Fixtures;
import eu.enclave.orchestrator.support.OrchestratorApiTest;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.TestPropertySource;

/**
 * Hand edits on the simulated cluster are repaired by the watch, without any full pass: the test never calls
 * {@code reconcileAll} and the periodic pass is a day away. Reconciles are counted through the spec source,
 * which every reconcile asks once.
 */
@OrchestratorApiTest
@TestPropertySource(properties = {"enclave.cluster.watch.enabled=true", "enclave.cluster.watch.debounce=PT0.3S"})
class ClusterWatchTest {

    static final Map<String, AtomicInteger> RUNS = new ConcurrentHashMap<>();
    static final Duration REPAIRED_WITHIN = Duration.ofSeconds(5);

    @Autowired Fixtures fixtures;
    @Autowired ClusterReconcileTriggers triggers;
    @Autowired ClusterReconcileService reconcile;
    @Autowired ClusterConnection connection;
    @Autowired KubernetesClient client;
    @Autowired ClusterSettings settings;
    @Autowired ClusterStatusRepository statuses;
    @Autowired WorkspaceReconcileService workspaceReconcile;
    @Autowired WorkspaceService workspaces;

    Project project;
    String namespace;

    @BeforeEach
    void anActiveProjectWatched() {
        await().atMost(Duration.ofSeconds(10)).until(triggers::watching);
        project = fixtures.activeProject("watch");
        namespace = ClusterNames.namespace(settings.namespacePrefix(), project.slug());
        settled();
    }

    @Test
    void aHandDeletedNetworkPolicyIsRestoredWithinSecondsAndTheRepairEndsInOneRunThatChangesNothing() {
        var policies = client.network().v1().networkPolicies().inNamespace(namespace);
        int before = runs();

        policies.withName("default-deny").delete();

        await().atMost(REPAIRED_WITHIN).untilAsserted(() -> assertThat(policies.withName("default-deny").get()).isNotNull());
        settled();
        assertThat(runs() - before).as("the repair, then one run for the events of its own writes").isBetween(1, 2);
        assertThat(reconcile.slugOf(project.id())).contains(project.slug());
        assertThat(lastObjectActions()).as("the last run found everything as desired").containsOnly("UNCHANGED");
    }

    @Test
    void aHandEditedResourceQuotaIsRestored() {
        var quota = client.resourceQuotas().inNamespace(namespace).withName("project-quota");
        Quantity desiredPods = quota.get().getSpec().getHard().get("pods");

        quota.edit(q -> {
            q.getSpec().getHard().put("pods", new Quantity("9999"));
            return q;
        });

        await().atMost(REPAIRED_WITHIN).untilAsserted(() ->
                assertThat(quota.get().getSpec().getHard().get("pods")).isEqualTo(desiredPods));
    }

    @Test
    void aHandEditedWorkspaceStatefulSetOrServiceIsRepairedWithinSecondsByTheLeader() {
        await().atMost(Duration.ofSeconds(10)).until(workspaceReconcile::watchingDrift);
        fixtures.allowTemplates(project, Fixtures.DEFAULT_TEMPLATE);
        workspaces.create(fixtures.user("researcher"), project.slug(),
                new NewWorkspace("drift", Fixtures.DEFAULT_TEMPLATE, null));
        var set = client.apps().statefulSets().inNamespace(namespace).withName(WorkspaceNames.workload("drift"));
        var service = client.services().inNamespace(namespace).withName(WorkspaceNames.workload("drift"));
        await().atMost(REPAIRED_WITHIN).until(() -> set.get() != null && service.get() != null);
        String image = set.get().getSpec().getTemplate().getSpec().getContainers().get(0).getImage();

        set.edit(s -> {
            s.getSpec().getTemplate().getSpec().getContainers().get(0).setImage("registry.example/other:1");
            s.getSpec().getTemplate().getSpec().setHostNetwork(true);
            return s;
        });
        service.delete();

        await().atMost(REPAIRED_WITHIN).untilAsserted(() -> {
            assertThat(set.get().getSpec().getTemplate().getSpec().getContainers().get(0).getImage()).isEqualTo(image);
            assertThat(set.get().getSpec().getTemplate().getSpec().getHostNetwork()).isFalse();
            assertThat(service.get()).isNotNull();
        });
    }

    @Test
    void objectsThatAreNotOursCauseNoReconcile() throws InterruptedException {
        int before = runs();

        client.network().v1().networkPolicies().inNamespace(namespace).resource(new NetworkPolicyBuilder()
                .withNewMetadata().withName("hand-made").withLabels(Map.of("team", "ops")).endMetadata()
                .withNewSpec().withNewPodSelector().endPodSelector().endSpec().build()).create();
        client.configMaps().inNamespace(namespace).resource(new ConfigMapBuilder()
                .withNewMetadata().withName("notes").withLabels(ClusterNames.ownedBy(project.id(), project.slug()))
                .endMetadata().build()).create(); // owner labels, but a kind Enclave does not watch

        TimeUnit.MILLISECONDS.sleep(1_500); // five debounce periods
        assertThat(runs()).isEqualTo(before);
    }

    @Test
    void aBurstOfEditsIsCoalescedIntoOneRepair() {
        var policies = client.network().v1().networkPolicies().inNamespace(namespace);
        int before = runs();

        policies.withName("default-deny").delete();
        policies.withName("allow-guacd-to-desktops").delete();
        policies.withName("allow-workspaces-to-intake").delete();
        client.limitRanges().inNamespace(namespace).withName("container-defaults").delete();
        client.serviceAccounts().inNamespace(namespace).withName("workspace")
                .edit(account -> {
                    account.setAutomountServiceAccountToken(true);
                    return account;
                });

        await().atMost(REPAIRED_WITHIN).untilAsserted(() -> {
            assertThat(policies.list().getItems()).hasSize(3);
            assertThat(client.limitRanges().inNamespace(namespace).withName("container-defaults").get()).isNotNull();
            assertThat(client.serviceAccounts().inNamespace(namespace).withName("workspace").get()
                    .getAutomountServiceAccountToken()).isFalse();
        });
        settled();
        assertThat(runs() - before).as("five events, one repair and one run that finds nothing to do")
                .isBetween(1, 2);
    }

    @Test
    void aRunThatFindsEverythingAsDesiredWritesNothingToTheCluster() throws InterruptedException {
        drainRecordedRequests();

        reconcile.reconcileIfOnCluster(project.slug());

        List<String> writes = new ArrayList<>();
        RecordedRequest request;
        while ((request = connection.simulator().takeRequest(100, TimeUnit.MILLISECONDS)) != null) {
            if (!request.getMethod().equals("GET")) {
                writes.add(request.getRequestLine());
            }
        }
        assertThat(writes).isEmpty();
        assertThat(lastObjectActions()).containsOnly("UNCHANGED");
    }

    private void drainRecordedRequests() throws InterruptedException {
        while (connection.simulator().takeRequest(50, TimeUnit.MILLISECONDS) != null) {
            // earlier tests' requests
        }
    }

    private List<String> lastObjectActions() {
        return statuses.find(project.id()).orElseThrow().objects().stream().map(AppliedObject::action).toList();
    }

    private int runs() {
        return RUNS.computeIfAbsent(project.slug(), slug -> new AtomicInteger()).get();
    }

    /** Waits until no reconcile of the project has run for three debounce periods. */
    private void settled() {
        int[] last = {-1};
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(900)).until(() -> {
            int now = runs();
            boolean quiet = now == last[0];
            last[0] = now;
            return quiet;
        });
    }

    @TestConfiguration
    static class CountingSpecs {

        @Bean
        @Primary
        ClusterSpecSource countingSpecs(@Qualifier("storedClusterSpecSource") ClusterSpecSource stored) {
            return project -> {
                RUNS.computeIfAbsent(project.slug(), slug -> new AtomicInteger()).incrementAndGet();
                return stored.specOf(project);
            };
        }
    }
}
