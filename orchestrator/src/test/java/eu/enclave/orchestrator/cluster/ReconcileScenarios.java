package eu.enclave.orchestrator.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.enclave.orchestrator.cluster.ReconcileOutcome.State;
import eu.enclave.orchestrator.cluster.TeardownOutcome.Result;
import eu.enclave.orchestrator.cluster.apply.ApplyResult;
import eu.enclave.orchestrator.cluster.apply.ApplyResult.Action;
import eu.enclave.orchestrator.cluster.apply.ObjectRef;
import eu.enclave.orchestrator.cluster.apply.Retrier;
import eu.enclave.orchestrator.cluster.bundle.ProjectBundle;
import eu.enclave.orchestrator.workspace.DatasetMount;
import eu.enclave.orchestrator.workspace.WorkspaceImage;
import eu.enclave.orchestrator.workspace.WorkspaceSize;
import eu.enclave.orchestrator.workspace.cluster.WorkspaceDriftWatch;
import eu.enclave.orchestrator.workspace.cluster.WorkspaceNames;
import eu.enclave.orchestrator.workspace.cluster.WorkspaceObjects;
import eu.enclave.orchestrator.workspace.cluster.WorkspaceReconciler;
import eu.enclave.orchestrator.workspace.cluster.WorkspaceSpec;
import eu.enclave.orchestrator.cluster.leader.ClusterLeaderService;
import eu.enclave.orchestrator.cluster.leader.LeaderElectionSettings;
import eu.enclave.platform.audit.AuditTrail;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.Interceptor;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;

/**
 * The reconcile scenarios, written once and run against every target: Fabric8's CRUD mock server (always),
 * a cluster named by {@code ENCLAVE_TEST_KUBECONFIG}, and k3s in a container when Docker is there. Each test
 * works in a namespace of its own under a prefix unique to the run ({@code enclave-it-<random>-}), deleted
 * afterwards, so that a shared cluster is left as it was and runs do not see each other.
 */
abstract class ReconcileScenarios {

    /** Unique to this run (JVM), so that two runs against one cluster never share a namespace. */
    static final String RUN_PREFIX = "enclave-it-" + UUID.randomUUID().toString().substring(0, 6) + "-";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final ClusterSettings settings = new ClusterSettings(RUN_PREFIX, null, null, null, null, null, null);
    private ProjectClusterSpec spec;
    private String namespace;

    /** The target cluster's client, open for the whole class. */
    protected abstract KubernetesClient client();

    /**
     * Why the target does not enforce admission (Pod Security), or null when it is a real API server that
     * does: the admission scenario is skipped, saying why, on the targets that only store objects.
     */
    protected abstract String noAdmissionBecause();

    @BeforeEach
    void aProjectOfItsOwn() {
        String slug = "s" + SEQUENCE.incrementAndGet();
        spec = new ProjectClusterSpec(UUID.randomUUID(), slug, ClusterFixtures.SAMPLE.quota(),
                ClusterFixtures.SAMPLE.mirrors());
        namespace = ClusterNames.namespace(RUN_PREFIX, slug);
    }

    @AfterEach
    void deleteTheNamespace() {
        try {
            client().namespaces().withName(namespace).delete();
        } catch (KubernetesClientException e) {
            System.out.println("Could not delete test namespace " + namespace + ": " + e.getMessage());
        }
    }

    @Test
    void theFirstReconcileCreatesEveryObjectWithItsOwnershipLabels() {
        List<HasMetadata> desired = ProjectBundle.desired(spec, settings);

        ReconcileOutcome outcome = reconciler().reconcile(spec);

        assertThat(outcome.state()).as("%s", outcome.failure()).isEqualTo(State.READY);
        assertThat(outcome.at()).isEqualTo(ClusterFixtures.NOW);
        assertThat(outcome.namespace()).isEqualTo(namespace);
        assertThat(outcome.objects()).extracting(ApplyResult::object)
                .containsExactlyElementsOf(desired.stream().map(ObjectRef::of).toList());
        assertThat(outcome.objects()).extracting(ApplyResult::action).containsOnly(Action.CREATED);
        for (HasMetadata object : desired) {
            HasMetadata live = client().resource(object).get();
            assertThat(live).as(ObjectRef.of(object).toString()).isNotNull();
            assertThat(live.getMetadata().getLabels()).as(ObjectRef.of(object).toString())
                    .containsAllEntriesOf(object.getMetadata().getLabels())
                    .containsAllEntriesOf(ClusterNames.ownerSelector(spec.projectId()));
        }
        assertThat(client().namespaces().withName(namespace).get().getMetadata().getLabels())
                .containsEntry("pod-security.kubernetes.io/enforce", "restricted");
    }

    @Test
    void aSecondReconcileWritesNothing() {
        reconciler().reconcile(spec);
        AtomicInteger reads = new AtomicInteger();
        AtomicInteger writes = new AtomicInteger();
        try (KubernetesClient counted = counting(reads, writes)) {

            ReconcileOutcome second = reconciler(counted).reconcile(spec);

            assertThat(second.state()).isEqualTo(State.READY);
            assertThat(second.objects()).extracting(ApplyResult::action).containsOnly(Action.UNCHANGED);
            assertThat(second.pruned()).isEmpty();
            assertThat(reads.get()).as("read calls of the second run (the count works)").isPositive();
            assertThat(writes).as("write calls of the second run").hasValue(0);
        }
    }

    @Test
    void aWorkspaceAppliedAgainWritesNothingAndAHandEditOfItsStatefulSetIsReverted() {
        reconciler().reconcile(spec);
        WorkspaceSpec desk = workspacePods().get(0);
        WorkspaceSpec stopped = stopped(desk);
        assertThat(workspaces(client()).apply(stopped).converged()).isTrue();
        WorkspaceSpec unchanged = stopped.withPassword(null);
        AtomicInteger reads = new AtomicInteger();
        AtomicInteger writes = new AtomicInteger();
        try (KubernetesClient counted = counting(reads, writes)) {
            WorkspaceReconciler.Outcome again = workspaces(counted).apply(unchanged);
            assertThat(again.results()).extracting(ApplyResult::action).containsOnly(Action.UNCHANGED);
            assertThat(reads.get()).isPositive();
            assertThat(writes).as("write calls of an unchanged workspace pass").hasValue(0);
        }

        client().apps().statefulSets().inNamespace(namespace).withName(WorkspaceNames.workload("desk"))
                .edit(set -> {
                    set.getSpec().getTemplate().getSpec().setHostNetwork(true);
                    set.getSpec().getTemplate().getSpec().setDnsPolicy("Default");
                    set.getSpec().getTemplate().getSpec().getContainers().get(0).setImage("registry.example/evil:1");
                    return set;
                });
        WorkspaceReconciler.Outcome repaired = workspaces(client()).apply(unchanged);

        assertThat(repaired.results()).filteredOn(r -> r.object().kind().equals("StatefulSet"))
                .extracting(ApplyResult::action).containsExactly(Action.UPDATED);
        var pod = client().apps().statefulSets().inNamespace(namespace).withName(WorkspaceNames.workload("desk"))
                .get().getSpec().getTemplate().getSpec();
        assertThat(pod.getHostNetwork()).isFalse();
        assertThat(pod.getDnsPolicy()).as("back to the server's default").isEqualTo("ClusterFirst");
        assertThat(pod.getContainers().get(0).getImage()).isEqualTo(desk.image().image());
    }

    @Test
    void aHandEditOfAWorkspaceServiceOrStatefulSetIsReportedByTheDriftWatchWithinSeconds() {
        reconciler().reconcile(spec);
        WorkspaceSpec desk = workspacePods().get(1);
        WorkspaceSpec stopped = stopped(desk);
        assertThat(workspaces(client()).apply(stopped).converged()).isTrue();
        List<String> reported = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (WorkspaceDriftWatch watch = new WorkspaceDriftWatch(client(),
                (ns, project, name) -> reported.add(ns + "/" + project + "/" + name), java.time.Clock.systemUTC())) {
            watch.start();
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(watch::isWatching);
            reported.clear(); // an object made in the second the watch started may count as new
            String expected = namespace + "/" + spec.projectId() + "/" + desk.name();

            client().services().inNamespace(namespace).withName(WorkspaceNames.workload(desk.name()))
                    .edit(service -> {
                        service.getSpec().setSelector(java.util.Map.of("app", "elsewhere"));
                        return service;
                    });
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> reported.contains(expected));
            reported.clear();

            client().apps().statefulSets().inNamespace(namespace).withName(WorkspaceNames.workload(desk.name()))
                    .delete();
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> reported.contains(expected));
        }
        assertThat(workspaces(client()).apply(stopped.withPassword(null)).converged()).isTrue();
        assertThat(client().services().inNamespace(namespace).withName(WorkspaceNames.workload(desk.name())).get()
                .getSpec().getSelector()).isEqualTo(WorkspaceNames.selector(desk.name()));
    }

    /** Stopped, without datasets or database: nothing runs on a real cluster, and no claim is missing. */
    private static WorkspaceSpec stopped(WorkspaceSpec running) {
        return new WorkspaceSpec(running.namespace(), running.projectId(), running.slug(), running.name(),
                running.owner(), running.image(), running.size(), false, List.of(), running.homeSize(), null,
                running.desktopPassword());
    }

    private static WorkspaceReconciler workspaces(KubernetesClient client) {
        return new WorkspaceReconciler(client, Retrier.standard(d -> { }));
    }

    /**
     * A client of the target whose calls are counted on the wire: resource versions would not do on a real cluster,
     * whose controllers update objects' status (a quota's usage, a claim's binding) on their own.
     */
    private KubernetesClient counting(AtomicInteger reads, AtomicInteger writes) {
        Interceptor count = new Interceptor() {
            @Override
            public void before(BasicBuilder builder, HttpRequest request, RequestTags tags) {
                ("GET".equals(request.method()) ? reads : writes).incrementAndGet();
            }
        };
        return new KubernetesClientBuilder().withConfig(client().getConfiguration())
                .withHttpClientBuilderConsumer(b -> b.addOrReplaceInterceptor("count-writes", count)).build();
    }

    @Test
    void objectsDeletedByHandAreRestored() {
        reconciler().reconcile(spec);
        client().network().v1().networkPolicies().inNamespace(namespace).withName("default-deny").delete();
        client().serviceAccounts().inNamespace(namespace).withName("workspace").delete();
        awaitGone(() -> client().network().v1().networkPolicies().inNamespace(namespace).withName("default-deny")
                .get());

        ReconcileOutcome outcome = reconciler().reconcile(spec);

        assertThat(outcome.state()).isEqualTo(State.READY);
        assertThat(actionOf(outcome, "default-deny")).isEqualTo(Action.CREATED);
        assertThat(actionOf(outcome, "workspace")).isEqualTo(Action.CREATED);
        assertThat(client().network().v1().networkPolicies().inNamespace(namespace).withName("default-deny").get()
                .getSpec().getPolicyTypes()).containsExactly("Ingress", "Egress");
    }

    @Test
    void anOwnedLeftoverOfARemovedFeatureIsPruned() {
        reconciler().reconcile(spec);

        ReconcileOutcome outcome = reconciler().reconcile(ClusterFixtures.withoutMirrors(spec));

        assertThat(outcome.state()).isEqualTo(State.READY);
        assertThat(outcome.pruned()).extracting(ObjectRef::name)
                .containsExactlyInAnyOrder("allow-workspaces-to-mirrors", "allow-workspaces-to-dns");
        awaitGone(() -> client().network().v1().networkPolicies().inNamespace(namespace)
                .withName("allow-workspaces-to-mirrors").get());
        assertThat(policyNames()).containsExactlyInAnyOrder("default-deny", "allow-guacd-to-desktops",
                "allow-workspaces-to-intake");
    }

    @Test
    void objectsEnclaveDoesNotOwnAreLeftUntouched() {
        reconciler().reconcile(spec);
        client().resource(new NetworkPolicyBuilder().withNewMetadata().withName("made-by-hand")
                .withNamespace(namespace).endMetadata().withNewSpec().withNewPodSelector().endPodSelector().endSpec()
                .build()).create();
        client().resource(new NetworkPolicyBuilder().withNewMetadata().withName("another-project")
                .withNamespace(namespace).withLabels(ClusterNames.ownedBy(UUID.randomUUID(), "other")).endMetadata()
                .withNewSpec().withNewPodSelector().endPodSelector().endSpec().build()).create();
        client().resource(new ConfigMapBuilder().withNewMetadata().withName("notes").withNamespace(namespace)
                .endMetadata().build()).create();

        ReconcileOutcome outcome = reconciler().reconcile(ClusterFixtures.withoutMirrors(spec));

        assertThat(outcome.pruned()).extracting(ObjectRef::name)
                .containsExactlyInAnyOrder("allow-workspaces-to-mirrors", "allow-workspaces-to-dns");
        assertThat(policyNames()).contains("made-by-hand", "another-project");
        assertThat(client().configMaps().inNamespace(namespace).withName("notes").get()).isNotNull();
    }

    @Test
    void theTeardownDeletesTheNamespaceAndListsWhatWasInIt() {
        reconciler().reconcile(spec);

        TeardownOutcome outcome = reconciler().teardown(spec.projectId(), namespace);

        // A real API server keeps the namespace, Terminating, while it deletes what is inside.
        assertThat(outcome.result()).isIn(Result.DELETED, Result.DELETING);
        assertThat(outcome.reason()).isNull();
        assertThat(outcome.contents()).extracting(ObjectRef::name).containsExactlyInAnyOrder("default-deny",
                "allow-guacd-to-desktops", "allow-workspaces-to-intake", "allow-workspaces-to-mirrors",
                "allow-workspaces-to-dns", "project-quota", "container-defaults", "workspace", "project-share",
                "project-outbox");
        Namespace left = client().namespaces().withName(namespace).get();
        assertThat(left == null || "Terminating".equals(left.getStatus().getPhase()))
                .as("namespace %s is gone or terminating", namespace).isTrue();
    }

    @Test
    void theApiServerRefusesAPrivilegedPodInTheNamespaceButAdmitsARestrictedOneAndEveryWorkspacePod() {
        String why = noAdmissionBecause();
        if (why != null) {
            System.out.println("SKIPPED (" + getClass().getSimpleName() + "): Pod Security admission: " + why);
            Assumptions.abort(why);
        }
        reconciler().reconcile(spec);

        assertThatThrownBy(() -> client().pods().inNamespace(namespace).resource(privilegedPod()).create())
                .isInstanceOfSatisfying(KubernetesClientException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(403);
                    assertThat(e.getMessage()).contains("violates PodSecurity \"restricted");
                });
        // The same pod made restricted is admitted (dry run: nothing is created), so the refusal above was
        // the namespace's Pod Security level and not something else about the pod.
        Pod admitted = client().pods().inNamespace(namespace).resource(restrictedPod()).dryRun().create();
        assertThat(admitted.getMetadata().getName()).isEqualTo("restricted");

        // Every workspace pod the orchestrator makes (VNC and GPU templates, with datasets, the database Secret)
        // is admitted as it is, from the StatefulSet's own template (dry run).
        for (WorkspaceSpec workspace : workspacePods()) {
            PodTemplateSpec template = WorkspaceObjects.statefulSet(workspace).getSpec().getTemplate();
            Pod pod = new PodBuilder().withMetadata(template.getMetadata()).editMetadata()
                    .withName(WorkspaceNames.pod(workspace.name())).endMetadata().withSpec(template.getSpec()).build();
            Pod workspacePod = client().pods().inNamespace(namespace).resource(pod).dryRun().create();
            assertThat(workspacePod.getMetadata().getName()).isEqualTo(WorkspaceNames.pod(workspace.name()));
        }
    }

    @Test
    void aLeaseCannotBeMadeInAMissingNamespaceAndLeaderElectionCreatesTheNamespaceThenLeads() {
        String leaseNamespace = namespace + "-lease";
        try {
            assertThatThrownBy(() -> client().resource(new LeaseBuilder().withNewMetadata().withName("probe")
                    .withNamespace(leaseNamespace).endMetadata().withNewSpec().withHolderIdentity("probe").endSpec()
                    .build()).create()).isInstanceOfSatisfying(KubernetesClientException.class,
                            e -> assertThat(e.getCode()).as("a fresh cluster's answer").isEqualTo(404));
            ClusterLeaderService leadership = new ClusterLeaderService(client(), new LeaderElectionSettings(true,
                    leaseNamespace, null, Duration.ofSeconds(2), Duration.ofMillis(1500), Duration.ofMillis(200),
                    "scenario-" + spec.slug()), Mockito.mock(AuditTrail.class), event -> { });
            try {
                leadership.prepare();
                leadership.start();
                Awaitility.await().atMost(Duration.ofSeconds(20)).until(leadership::isLeader);
                assertThat(leadership.cannotLeadBecause()).isEmpty();
                assertThat(client().leases().inNamespace(leaseNamespace).withName("enclave-orchestrator").get())
                        .isNotNull();
            } finally {
                leadership.stop();
            }
        } finally {
            client().namespaces().withName(leaseNamespace).delete();
        }
    }

    private List<WorkspaceSpec> workspacePods() {
        WorkspaceImage desktop = new WorkspaceImage("linux-desktop", "registry.example/ws/linux-desktop:1.0", "vnc",
                5901, new WorkspaceSize("1", "2Gi", 0), new WorkspaceSize("4", "16Gi", 0), false, 1000);
        WorkspaceImage gpu = new WorkspaceImage("linux-desktop-gpu", "registry.example/ws/linux-desktop-gpu:1.0",
                "vnc", 5901, new WorkspaceSize("1", "2Gi", 1), new WorkspaceSize("8", "64Gi", 2), true, 1000);
        List<DatasetMount> datasets = List.of(new DatasetMount("cohort", "ds-cohort", "/data/cohort"));
        return List.of(
                new WorkspaceSpec(namespace, spec.projectId(), spec.slug(), "desk", "remi", desktop,
                        desktop.defaultSize(), true, datasets, "1Gi", null, "p".repeat(32), true,
                        new WorkspaceSpec.DatabaseLogin("v-enclave-user", "q".repeat(32))),
                new WorkspaceSpec(namespace, spec.projectId(), spec.slug(), "gpu", "remi", gpu, gpu.defaultSize(),
                        true, List.of(), "1Gi", null, "p".repeat(32), false, null));
    }

    private ProjectReconciler reconciler() {
        return reconciler(client());
    }

    private ProjectReconciler reconciler(KubernetesClient client) {
        return new ProjectReconciler(client, settings, Retrier.standard(d -> { }), ClusterFixtures.CLOCK);
    }

    private static Pod privilegedPod() {
        return new PodBuilder().withNewMetadata().withName("privileged").endMetadata().withNewSpec()
                .withServiceAccountName("workspace").withAutomountServiceAccountToken(false)
                .addNewContainer().withName("shell").withImage("busybox:1.36").withCommand("sleep", "3600")
                .withNewSecurityContext().withPrivileged(true).endSecurityContext().endContainer()
                .endSpec().build();
    }

    private static Pod restrictedPod() {
        return new PodBuilder().withNewMetadata().withName("restricted").endMetadata().withNewSpec()
                .withServiceAccountName("workspace").withAutomountServiceAccountToken(false)
                .withNewSecurityContext().withRunAsNonRoot(true).withRunAsUser(1000L)
                .withNewSeccompProfile().withType("RuntimeDefault").endSeccompProfile().endSecurityContext()
                .addNewContainer().withName("shell").withImage("busybox:1.36").withCommand("sleep", "3600")
                .withNewSecurityContext().withAllowPrivilegeEscalation(false).withNewCapabilities().addToDrop("ALL")
                .endCapabilities().endSecurityContext().endContainer()
                .endSpec().build();
    }

    private Action actionOf(ReconcileOutcome outcome, String name) {
        return outcome.objects().stream().filter(r -> r.object().name().equals(name)).findFirst().orElseThrow()
                .action();
    }

    private List<String> policyNames() {
        return client().network().v1().networkPolicies().inNamespace(namespace).list().getItems().stream()
                .map(ClusterFixtures::name).toList();
    }

    /** A real API server may answer a delete before the object is gone (finalizers); the mock at once. */
    private static void awaitGone(Supplier<?> read) {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (read.get() != null) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("still there after 30 s");
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
