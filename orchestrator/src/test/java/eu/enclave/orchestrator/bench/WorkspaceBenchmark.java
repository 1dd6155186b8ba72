package eu.enclave.orchestrator.bench;

import eu.enclave.orchestrator.cluster.ClusterNames;
import eu.enclave.orchestrator.cluster.ClusterSettings;
import eu.enclave.orchestrator.cluster.status.ClusterReconcileService;
import eu.enclave.orchestrator.project.Project;
import eu.enclave.orchestrator.project.ProjectService;
import eu.enclave.orchestrator.project.ProjectStatus;
import eu.enclave.orchestrator.workspace.NewWorkspace;
import eu.enclave.orchestrator.workspace.WorkspaceReconcileService;
import eu.enclave.orchestrator.workspace.WorkspaceService;
import eu.enclave.orchestrator.workspace.cluster.SimulatedWorkloads;
import eu.enclave.orchestrator.workspace.cluster.WorkspaceNames;
import eu.enclave.platform.identity.CurrentUser;
import eu.enclave.platform.testing.BenchReport;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A workspace request to its pod, and 500 workspaces reconciled onto an empty cluster, through the production path:
 * the orchestrator in-process against Fabric8's CRUD mock API server ({@link MockClusterRun}), workspaces created
 * through {@link WorkspaceService#create} as {@code POST /api/v1/projects/{slug}/workspaces} does (create and
 * start at once) by the project's PI, in active projects whose namespaces are READY.
 *
 * <p>The mock runs no controllers. With {@code -Dbench.pods=true} (the default) the benchmark runs
 * {@link SimulatedWorkloads} on its own client as the StatefulSet controller's stand-in, and "pod created" is the
 * moment pod {@code ws-<name>-0} exists; with {@code false}, it is the moment the StatefulSet with replicas 1 is
 * stored. Both moments come from watches ({@link ArrivalTimes}), so they are upper bounds.
 *
 * <ol>
 *   <li>From cold: {@code bench.projects} projects with {@code bench.perProject} workspaces each are made and
 *       reconciled; then the mock server is reset (an empty cluster: no namespace, no object) and one periodic
 *       pass runs, {@link ClusterReconcileService#reconcileAll()} for the namespaces, then
 *       {@link WorkspaceReconcileService#reconcileAll()}, timed apart. Then a second, unchanged workspace pass.</li>
 *   <li>Latency: {@code bench.requests} workspaces requested one at a time after {@code bench.warmup}, each in
 *       further projects ({@code bench.perProject} per project). Goal: p99 orchestrator overhead (request to pod
 *       created, minus the mock server's handling time) at most 100 ms.</li>
 * </ol>
 *
 * <p>Run: {@code mvn -B -q -pl orchestrator -am test-compile exec:exec@bench-workspaces} (a forked JVM with
 * {@code -Xmx512m}). Options: {@code -Dbench.requests=200 -Dbench.warmup=20 -Dbench.projects=100
 * -Dbench.perProject=5 -Dbench.pods=true}.
 */
public final class WorkspaceBenchmark {

    private static final double GOAL_OVERHEAD_P99_MS = 100;
    /** Small enough that five workspaces fit the default project quota (8 CPUs, 32 GiB). */
    private static final NewWorkspace.SizeInput SIZE = new NewWorkspace.SizeInput("1", "2Gi", 0);
    private static final String TEMPLATE = "linux-desktop";
    /** The thread on which {@link WorkspaceReconcileService} reconciles after a change. */
    private static final String WORKER_THREAD = "workspace-reconcile";
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final MockClusterRun run;
    private final ProjectService projects;
    private final WorkspaceService workspaces;
    private final CountingDispatcher server;
    private final CurrentUser researcher;
    /** The benchmark's own connection to the mock, apart from the orchestrator's. */
    private final KubernetesClient benchClient;
    private final int perProject;
    private final boolean pods;
    /** Opened, never closed before the end: the mock can block its event loop when a client closes a watch. */
    private final List<AutoCloseable> watches = new ArrayList<>();
    private ArrivalTimes<StatefulSet> setsRunning;
    private ArrivalTimes<Pod> podsCreated;

    private WorkspaceBenchmark(MockClusterRun run, int perProject, boolean pods) {
        this.run = run;
        this.projects = run.bean(ProjectService.class);
        this.workspaces = run.bean(WorkspaceService.class);
        this.server = run.server();
        this.researcher = run.user("bench-researcher", Set.of());
        this.benchClient = run.apiServer().createClient();
        this.perProject = perProject;
        this.pods = pods;
    }

    public static void main(String[] args) throws Exception {
        int warmup = Integer.getInteger("bench.warmup", 20);
        int requests = Integer.getInteger("bench.requests", 200);
        int projectCount = Integer.getInteger("bench.projects", 100);
        int perProject = Integer.getInteger("bench.perProject", 5);
        boolean pods = Boolean.parseBoolean(System.getProperty("bench.pods", "true"));
        HeapSampler heap = HeapSampler.start(10);
        System.out.println("== Workspaces against the CRUD mock API server on loopback\n" + BenchReport.machine()
                + "\nload        " + BenchReport.loadAverage());
        try (MockClusterRun run = MockClusterRun.start()) {
            WorkspaceBenchmark benchmark = new WorkspaceBenchmark(run, perProject, pods);
            try {
                benchmark.fromCold(projectCount, heap);
                boolean met = benchmark.latency(warmup, requests);
                System.out.printf("%nall goals: %s%nload        %s%n", met ? "MET" : "MISSED",
                        BenchReport.loadAverage());
            } finally {
                benchmark.closeWatches();
            }
        } catch (Exception | Error e) {
            e.printStackTrace();
            MockClusterRun.exitIfForked(1);
            throw e;
        }
        MockClusterRun.exitIfForked(0);
    }

    /** Times the StatefulSets that want a pod from now on. */
    private void watchSets() {
        setsRunning = watching(new ArrivalTimes<>(benchClient.apps().statefulSets().inAnyNamespace()
                .withLabels(ClusterNames.workspacePods()),
                set -> set.getSpec().getReplicas() != null && set.getSpec().getReplicas() == 1));
    }

    /** The simulated StatefulSet controller, and the watch that times the pods it makes. */
    private void simulatePods() {
        podsCreated = watching(new ArrivalTimes<>(benchClient.pods().inAnyNamespace()
                .withLabels(ClusterNames.workspacePods()), pod -> true));
        SimulatedWorkloads controller = watching(new SimulatedWorkloads(benchClient));
        controller.start();
    }

    private <W extends AutoCloseable> W watching(W watch) {
        watches.add(watch);
        return watch;
    }

    private void closeWatches() throws Exception {
        for (AutoCloseable watch : watches) {
            watch.close();
        }
        benchClient.close();
    }

    /** Active projects, READY on the cluster, with the researcher as PI. */
    private List<Project> activeProjects(String prefix, int count) {
        List<Project> made = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Project project = run.draft(prefix, researcher.username());
            projects.changeStatus(run.admin(), project.slug(), ProjectStatus.ACTIVE, "benchmark");
            made.add(project);
        }
        made.forEach(run::awaitReady);
        return made;
    }

    private String namespace(Project project) {
        return ClusterNames.namespace(run.bean(ClusterSettings.class).namespacePrefix(), project.slug());
    }

    private void fromCold(int projectCount, HeapSampler heap) {
        int total = projectCount * perProject;
        watchSets();
        long fillStart = System.nanoTime();
        List<Project> cold = activeProjects("cold", projectCount);
        for (Project project : cold) {
            for (int w = 1; w <= perProject; w++) {
                String name = "w" + w;
                workspaces.create(researcher, project.slug(), new NewWorkspace(name, TEMPLATE, SIZE));
            }
        }
        for (Project project : cold) {
            for (int w = 1; w <= perProject; w++) {
                setsRunning.await(namespace(project), WorkspaceNames.workload("w" + w));
            }
        }
        System.out.printf(Locale.ROOT, "%n-- from cold: %d workspaces in %d projects (made and reconciled in %.1f s)%n",
                total, projectCount, (System.nanoTime() - fillStart) / 1e9);

        // an empty cluster; the simulated controller starts after the passes, so that they count only their own calls
        run.apiServer().reset();
        System.out.printf("cluster reset: %d namespaces, %d StatefulSets left%n",
                benchClient.namespaces().list().getItems().size(),
                benchClient.apps().statefulSets().inAnyNamespace().list().getItems().size());
        heap.takeMaxMib();
        String caller = Thread.currentThread().getName();
        CpuTimes cpuBefore = CpuTimes.now(server.threads(), caller);
        CountingDispatcher.Counts before = server.counts();
        long start = System.nanoTime();
        run.bean(ClusterReconcileService.class).reconcileAll();
        long namespacesDone = System.nanoTime();
        CountingDispatcher.Counts namespaceCounts = server.counts().since(before);
        run.bean(WorkspaceReconcileService.class).reconcileAll();
        long workspacesDone = System.nanoTime();
        CountingDispatcher.Counts workspaceCounts = server.counts().since(before).since(namespaceCounts);
        CpuTimes cpu = CpuTimes.now(server.threads(), caller).since(cpuBefore);
        double peak = heap.takeMaxMib();
        int sets = benchClient.apps().statefulSets().inAnyNamespace().withLabels(ClusterNames.workspacePods()).list()
                .getItems().size();
        int services = benchClient.services().inAnyNamespace().withLabels(ClusterNames.workspacePods()).list()
                .getItems().size();
        int secrets = benchClient.secrets().inAnyNamespace().withLabels(ClusterNames.workspacePods()).list()
                .getItems().size();
        int claims = benchClient.persistentVolumeClaims().inAnyNamespace().list().getItems().size();
        System.out.printf(Locale.ROOT, "project pass (namespaces, quotas, policies): %.2f s, %,d reads, %,d writes,"
                        + " server handling %.2f s%n"
                        + "workspace pass:                              %.2f s, %,d reads, %,d writes,"
                        + " server handling %.2f s (%.1f ms per workspace)%n"
                        + "on the cluster after the passes: %d StatefulSets, %d Services, %d Secrets, %d PVCs%n"
                        + "CPU per workspace, both passes: %s%n"
                        + "heap: %.0f MiB max, peak %.0f MiB during the passes, %.0f MiB after a full GC%n",
                (namespacesDone - start) / 1e9, namespaceCounts.reads(), namespaceCounts.writes(),
                namespaceCounts.serverNanos() / 1e9, (workspacesDone - namespacesDone) / 1e9, workspaceCounts.reads(),
                workspaceCounts.writes(), workspaceCounts.serverNanos() / 1e9,
                (workspacesDone - namespacesDone) / 1e6 / total, sets, services, secrets, claims, cpu.per(total),
                HeapSampler.maxHeapMib(), peak, HeapSampler.usedAfterGcMib());
        if (sets < total || services < total || secrets < total) {
            throw new IllegalStateException("the pass from cold left workspace objects missing");
        }

        CountingDispatcher.Counts beforeSecond = server.counts();
        long secondStart = System.nanoTime();
        run.bean(WorkspaceReconcileService.class).reconcileAll();
        CountingDispatcher.Counts second = server.counts().since(beforeSecond);
        System.out.printf(Locale.ROOT, "second workspace pass, nothing changed: %.2f s, %,d reads, %,d writes,"
                        + " server handling %.2f s%n", (System.nanoTime() - secondStart) / 1e9, second.reads(),
                second.writes(), second.serverNanos() / 1e9);

        watchSets();
        if (pods) {
            simulatePods();
            long podsStart = System.nanoTime();
            for (Project project : cold) {
                for (int w = 1; w <= perProject; w++) {
                    podsCreated.await(namespace(project), WorkspaceNames.pod("w" + w));
                }
            }
            System.out.printf(Locale.ROOT, "then all %d pods made by the simulated controller within %.2f s%n", total,
                    (System.nanoTime() - podsStart) / 1e9);
        }
    }

    /** One request at a time: create (and so start) a workspace, then wait for its pod or StatefulSet. */
    private boolean latency(int warmup, int count) {
        List<Project> targets = activeProjects("lat", (warmup + count + perProject - 1) / perProject);
        long[] total = new long[count];
        long[] overhead = new long[count];
        long[] call = new long[count];
        long[] toSet = new long[count];
        long callerCpu = 0;
        CountingDispatcher.Counts requests = new CountingDispatcher.Counts(0, 0, 0);
        CpuTimes cpu = new CpuTimes(0, 0, 0, 0);
        for (int i = -warmup; i < count; i++) {
            int index = i + warmup;
            Project project = targets.get(index / perProject);
            String name = "w" + (index % perProject + 1);
            CpuTimes cpuBefore = CpuTimes.now(server.threads(), WORKER_THREAD);
            CountingDispatcher.Counts before = server.counts();
            long callerBefore = THREADS.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            workspaces.create(researcher, project.slug(), new NewWorkspace(name, TEMPLATE, SIZE));
            long created = System.nanoTime();
            long callerDuring = THREADS.getCurrentThreadCpuTime() - callerBefore;
            long setAt = setsRunning.await(namespace(project), WorkspaceNames.workload(name));
            long doneAt = pods ? podsCreated.await(namespace(project), WorkspaceNames.pod(name)) : setAt;
            CountingDispatcher.Counts during = server.counts().since(before);
            CpuTimes cpuDuring = CpuTimes.now(server.threads(), WORKER_THREAD).since(cpuBefore);
            if (i >= 0) {
                cpu = cpu.plus(cpuDuring);
                callerCpu += callerDuring;
                total[i] = doneAt - start;
                overhead[i] = total[i] - during.serverNanos();
                call[i] = created - start;
                toSet[i] = setAt - start;
                requests = new CountingDispatcher.Counts(requests.reads() + during.reads(),
                        requests.writes() + during.writes(), requests.serverNanos() + during.serverNanos());
            }
        }
        double p99 = MockClusterRun.percentile99(overhead);
        System.out.printf(Locale.ROOT, "%n-- request to %s, one workspace at a time: %d (after %d warm-up), %d per"
                        + " project%n"
                        + "API server requests per workspace: %.1f reads, %.1f writes%s; server handling %.2f ms%n"
                        + "request to StatefulSet   %s%n"
                        + "%s"
                        + "  minus server handling  %s%n"
                        + "  create call alone      %s%n"
                        + "CPU per workspace: request thread %.2f ms, %s%n"
                        + "goal p99 overhead <= %.0f ms: %s%n",
                pods ? "pod created" : "StatefulSet stored", count, warmup, perProject,
                requests.reads() / (double) count, requests.writes() / (double) count,
                pods ? " (the simulated controller's pod GET, create and status update included)" : "",
                requests.serverNanos() / 1e6 / count, BenchReport.latencies(toSet),
                pods ? "request to pod           " + BenchReport.latencies(total) + "\n" : "", BenchReport.latencies(overhead),
                BenchReport.latencies(call), callerCpu / 1e6 / count, cpu.per(count),
                GOAL_OVERHEAD_P99_MS, p99 <= GOAL_OVERHEAD_P99_MS ? "MET" : "MISSED");
        return p99 <= GOAL_OVERHEAD_P99_MS;
    }
}
