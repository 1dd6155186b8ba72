package eu.enclave.orchestrator.bench;

import static org.assertj.core.api.Assertions.assertThat;

import eu.enclave.orchestrator.cluster.ClusterNames;
import eu.enclave.orchestrator.cluster.ClusterPermissions;
import eu.enclave.orchestrator.cluster.ClusterSettings;
import eu.enclave.orchestrator.cluster.leader.ClusterLeadership;
import eu.enclave.orchestrator.cluster.retention.ArchiveRetentionService;
import eu.enclave.orchestrator.cluster.settings.ClusterSettingsService;
import eu.enclave.orchestrator.cluster.settings.MirrorInput;
import eu.enclave.orchestrator.cluster.settings.MirrorsInput;
import eu.enclave.orchestrator.cluster.settings.QuotaInput;
import eu.enclave.orchestrator.project.Project;
import eu.enclave.orchestrator.project.ProjectService;
import eu.enclave.orchestrator.project.ProjectStatus;
import eu.enclave.orchestrator.template.AllowedTemplatesInput;
import eu.enclave.orchestrator.template.ProjectTemplates;
import eu.enclave.orchestrator.workspace.NewWorkspace;
import eu.enclave.orchestrator.workspace.WorkspaceService;
import eu.enclave.orchestrator.workspace.WorkspaceStatus;
import eu.enclave.platform.identity.CurrentUser;
import eu.enclave.orchestrator.cluster.status.ClusterReconcileService;
import eu.enclave.orchestrator.workspace.WorkspaceReconcileService;
import io.fabric8.kubernetes.api.model.LimitRangeBuilder;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceQuotaBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The RBAC of {@link ClusterPermissions} is what the orchestrator's code uses: the orchestrator runs in production
 * mode (leader election, watches, informers) against an API server that refuses, as the chart's RBAC would, every
 * call the table does not allow, through a project's whole life (activation, quota and mirrors, workspaces made,
 * stopped, started and deleted, suspension, archive and teardown). No call is refused, and every verb the table
 * grants is used, but for the few listed with the reason this walk cannot reach them.
 */
class ClusterPermissionsUsageTest {

    private static final String PLATFORM = "enclave-system";
    private static final NewWorkspace.SizeInput SIZE = new NewWorkspace.SizeInput("1", "2Gi", 0);
    /** Granted verbs this walk may leave unused, each with why: the code that uses them is elsewhere or not merged. */
    private static final Map<String, String> NOT_WALKED = Map.of(
            "persistentvolumes get", "dataset volumes, made for a dataset approval (DatasetVolumesReconcileTest)",
            "persistentvolumes create", "the same", "persistentvolumes update", "the same",
            "persistentvolumes delete", "the same",
            "services list", "the workspace drift watch (WorkspaceDriftWatch, real-cluster work)",
            "services watch", "the same");

    private static RbacDispatcher api;
    private static MockClusterRun run;
    private static KubernetesClient observer;

    @BeforeAll
    static void start() throws Exception {
        run = MockClusterRun.start(expectations -> api = new RbacDispatcher(expectations, PLATFORM), Map.of(
                "enclave.cluster.leader-election.enabled", "true",
                "enclave.cluster.leader-election.namespace", PLATFORM,
                "enclave.cluster.watch.enabled", "true",
                "enclave.cluster.archive-retention", "P0D",
                "enclave.cluster.reconcile-changes-in-background", "false"));
        observer = new KubernetesClientBuilder().withConfig(new ConfigBuilder()
                .withMasterUrl("http://127.0.0.1:" + run.apiServer().getPort())
                .withUserAgent(RbacDispatcher.TEST_USER_AGENT).build()).build();
        await("the orchestrator leads", () -> run.bean(ClusterLeadership.class).isLeader());
    }

    @AfterAll
    static void stop() throws Exception {
        if (observer != null) {
            observer.close();
        }
        if (run != null) {
            run.close();
        }
    }

    @Test
    void aProjectsWholeLifeNeedsNothingTheTableDoesNotGrant() {
        CurrentUser admin = run.admin();
        CurrentUser researcher = run.user("rbac-researcher", Set.of());
        ProjectService projects = run.bean(ProjectService.class);
        WorkspaceService workspaces = run.bean(WorkspaceService.class);
        ClusterSettingsService settings = run.bean(ClusterSettingsService.class);

        Project project = run.draft("rbac", researcher.username());
        projects.changeStatus(admin, project.slug(), ProjectStatus.ACTIVE, "permissions walk");
        run.awaitReady(project);
        String namespace = ClusterNames.namespace(run.bean(ClusterSettings.class).namespacePrefix(), project.slug());

        settings.replaceQuota(admin, project.slug(), new QuotaInput("8", "32Gi", 0, 20, 20, "500Gi"));
        settings.replaceMirrors(admin, project.slug(),
                new MirrorsInput(List.of(new MirrorInput("cran", "10.30.0.10/32", 443, null))));
        settings.replaceMirrors(admin, project.slug(), new MirrorsInput(List.of()));

        run.bean(ProjectTemplates.class).replace(admin, project.slug(), new AllowedTemplatesInput(List.of("linux-desktop")));
        workspaces.create(researcher, project.slug(), new NewWorkspace("kept", "linux-desktop", SIZE));
        workspaces.create(researcher, project.slug(), new NewWorkspace("gone", "linux-desktop", SIZE));
        await("the workspaces' StatefulSets", () -> observer.apps().statefulSets().inNamespace(namespace).list()
                .getItems().size() == 2);
        for (String name : List.of("kept", "gone")) {
            workspaces.stop(researcher, project.slug(), name);
            // no pod and no replica wanted: the informers report it stopped
            await(name + " stopped", () -> workspaces.get(researcher, project.slug(), name).status()
                    == WorkspaceStatus.STOPPED);
        }
        workspaces.start(researcher, project.slug(), "kept");
        workspaces.delete(researcher, project.slug(), "gone");
        await("the deleted workspace's objects gone", () -> observer.services().inNamespace(namespace).list()
                .getItems().size() == 1);
        // a pod not ready yet: its status is explained from the events
        StatefulSet kept = observer.apps().statefulSets().inNamespace(namespace).withName("ws-kept").get();
        observer.resource(new PodBuilder().withNewMetadata().withName("ws-kept-0").withNamespace(namespace)
                .withLabels(kept.getSpec().getTemplate().getMetadata().getLabels()).endMetadata()
                .withSpec(kept.getSpec().getTemplate().getSpec()).build()).create();

        handEditsAndSmuggledObjects(project, namespace);
        run.bean(ClusterReconcileService.class).reconcileAll();
        run.bean(WorkspaceReconcileService.class).reconcileAll();
        await("the smuggled policy pruned", () -> observer.network().v1().networkPolicies().inNamespace(namespace)
                .withName("allow-all").get() == null);

        projects.changeStatus(admin, project.slug(), ProjectStatus.SUSPENDED, "permissions walk");
        projects.changeStatus(admin, project.slug(), ProjectStatus.ARCHIVED, "permissions walk");
        run.bean(ArchiveRetentionService.class).run();
        await("the namespace torn down", () -> observer.namespaces().withName(namespace).get() == null);

        assertThat(api.refused()).as("calls the table does not grant (a real cluster would refuse them)").isEmpty();
        Set<String> granted = new TreeSet<>();
        ClusterPermissions.ALL.forEach(p -> p.verbs().forEach(v -> granted.add(key(p.apiGroup(), p.resource(), v))));
        Set<String> used = api.made().stream().map(c -> key(c.group(), c.resource(), c.verb()))
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> unused = new TreeSet<>(granted);
        unused.removeAll(used);
        assertThat(unused.stream().map(k -> k.replaceAll("^[^ ]*/", "")).collect(Collectors.toSet()))
                .as("granted verbs this walk never used").isSubsetOf(NOT_WALKED.keySet());
    }

    /**
     * What a person with cluster rights might do by hand: edit each owned object, and add objects that carry the
     * project's labels (an allow-all policy among them) and a workload Deployment that suspension must scale.
     */
    private static void handEditsAndSmuggledObjects(Project project, String namespace) {
        Map<String, String> owned = ClusterNames.ownedBy(project.id(), project.slug());
        observer.namespaces().withName(namespace).edit(n -> {
            n.getMetadata().getLabels().put("pod-security.kubernetes.io/enforce", "privileged");
            return n;
        });
        observer.network().v1().networkPolicies().inNamespace(namespace).withName("default-deny").edit(p -> {
            p.getSpec().setPolicyTypes(List.of("Ingress"));
            return p;
        });
        observer.limitRanges().inNamespace(namespace).list().getItems().forEach(l -> observer.resource(l).edit(r -> {
            r.getSpec().getLimits().get(0).getDefault().put("cpu", new Quantity("64"));
            return r;
        }));
        observer.serviceAccounts().inNamespace(namespace).withName("workspace").edit(a -> {
            a.setAutomountServiceAccountToken(true);
            return a;
        });
        observer.persistentVolumeClaims().inNamespace(namespace).withName("project-outbox").edit(c -> {
            c.getMetadata().getLabels().put(ClusterNames.PART_OF, "someone-else");
            return c;
        });
        observer.services().inNamespace(namespace).withName("ws-kept").edit(svc -> {
            svc.getSpec().getPorts().get(0).setPort(2222);
            return svc;
        });
        ObjectMeta smuggled = new ObjectMetaBuilder().withNamespace(namespace).withLabels(owned).build();
        observer.resource(new NetworkPolicyBuilder().withMetadata(new ObjectMetaBuilder(smuggled)
                .withName("allow-all").build()).withNewSpec().withNewPodSelector().endPodSelector()
                .addNewIngress().endIngress().addNewEgress().endEgress().endSpec().build()).create();
        observer.resource(new LimitRangeBuilder().withMetadata(new ObjectMetaBuilder(smuggled).withName("extra")
                .build()).withNewSpec().addNewLimit().withType("Container").endLimit().endSpec().build()).create();
        observer.resource(new ResourceQuotaBuilder().withMetadata(new ObjectMetaBuilder(smuggled).withName("extra")
                .build()).withNewSpec().addToHard("pods", new Quantity("1000")).endSpec().build()).create();
        observer.resource(new ServiceAccountBuilder().withMetadata(new ObjectMetaBuilder(smuggled).withName("extra")
                .build()).build()).create();
        observer.resource(new PersistentVolumeClaimBuilder().withMetadata(new ObjectMetaBuilder(smuggled)
                .withName("ds-smuggled").addToLabels(ClusterNames.COMPONENT, ClusterNames.DATASET_COMPONENT).build())
                .withNewSpec().withAccessModes("ReadOnlyMany").withNewResources()
                .addToRequests("storage", new Quantity("1Gi")).endResources().endSpec().build()).create();
        observer.resource(new DeploymentBuilder().withMetadata(new ObjectMetaBuilder(smuggled).withName("tool")
                .addToLabels(ClusterNames.COMPONENT, ClusterNames.WORKSPACE_COMPONENT).build())
                .withNewSpec().withReplicas(1).withNewSelector().addToMatchLabels("app", "tool").endSelector()
                .withNewTemplate().withNewMetadata().addToLabels("app", "tool").endMetadata().withNewSpec()
                .addNewContainer().withName("tool").withImage("registry.example/tool:1").endContainer().endSpec()
                .endTemplate().endSpec().build()).create();
    }

    private static String key(String group, String resource, String verb) {
        return (group.isEmpty() ? "" : group + "/") + resource + " " + verb;
    }

    private static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what + "; refused so far: " + api.refused());
            }
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
    }
}
