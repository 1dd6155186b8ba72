package eu.enclave.orchestrator.bench;

import eu.enclave.orchestrator.cluster.status.ClusterReconcileService;
import eu.enclave.orchestrator.project.Project;
import eu.enclave.orchestrator.project.ProjectService;
import eu.enclave.orchestrator.project.ProjectStatus;
import eu.enclave.platform.identity.CurrentUser;
import eu.enclave.platform.testing.BenchReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Project activation to a reconciled namespace, through the production path: the orchestrator runs in-process
 * (profile {@code prod}, a fresh database on the embedded PostgreSQL) and reaches Fabric8's CRUD mock API server
 * on loopback through a kubeconfig, as it would a real cluster. Projects are activated through
 * {@link ProjectService} as the API does; the change is reconciled on the service's worker thread, and the
 * benchmark waits for the stored status READY with every object applied. The mock server's dispatcher counts
 * the requests and the time the server spends on them, so that the rest can be called orchestrator overhead.
 *
 * <ol>
 *   <li>Activation latency: projects activated one at a time (after a warm-up), activation to READY.
 *       Goal: p99 orchestrator overhead at most 300 ms.</li>
 *   <li>A burst: 100 projects activated at once from 8 threads, until all are READY. Goal: at most 10 s.</li>
 *   <li>Steady state: 1,000 active, unchanged projects; two full periodic passes
 *       ({@link ClusterReconcileService#reconcileAll()}). Goal: no write call reaches the API server and the heap
 *       stays within 512 MiB.</li>
 * </ol>
 *
 * <p>Run: {@code mvn -B -q -pl orchestrator -am test-compile exec:exec@bench-cluster}, which forks a JVM with
 * {@code -Xmx512m}, so that finishing proves the heap goal ({@code exec:java@bench-cluster} runs the same in
 * Maven's JVM, with its heap). Options: {@code -Dbench.activations=200 -Dbench.warmup=20 -Dbench.burst=100
 * -Dbench.steady=1000}.
 */
public final class ClusterReconcileBenchmark {

    private static final double GOAL_OVERHEAD_P99_MS = 300;
    private static final double GOAL_BURST_SECONDS = 10;
    private static final double GOAL_HEAP_MIB = 512;
    private static final int ADMIN_THREADS = 8;
    /** The thread on which {@link ClusterReconcileService} reconciles after a change. */
    private static final String WORKER_THREAD = "cluster-reconcile";

    private final MockClusterRun run;
    private final ProjectService projects;
    private final ClusterReconcileService reconciles;
    private final CurrentUser admin;
    private final CountingDispatcher server;

    private ClusterReconcileBenchmark(MockClusterRun run) {
        this.run = run;
        this.projects = run.bean(ProjectService.class);
        this.reconciles = run.bean(ClusterReconcileService.class);
        this.admin = run.admin();
        this.server = run.server();
    }

    public static void main(String[] args) throws Exception {
        int warmup = Integer.getInteger("bench.warmup", 20);
        int activations = Integer.getInteger("bench.activations", 200);
        int burst = Integer.getInteger("bench.burst", 100);
        int steady = Integer.getInteger("bench.steady", 1000);
        HeapSampler heap = HeapSampler.start(10);
        System.out.println("== Cluster reconcile against the CRUD mock API server on loopback\n" + BenchReport.machine()
                + "\nload        " + BenchReport.loadAverage());

        boolean met;
        try (MockClusterRun run = MockClusterRun.start()) {
            ClusterReconcileBenchmark bench = new ClusterReconcileBenchmark(run);
            boolean latencyMet = bench.activationLatency(warmup, activations);
            boolean burstMet = bench.burst(burst);
            boolean steadyMet = bench.steadyState(steady, heap);
            met = latencyMet && burstMet && steadyMet;
            System.out.printf("%nall goals: %s%nload        %s%n", met ? "MET" : "MISSED", BenchReport.loadAverage());
        }
        MockClusterRun.exitIfForked(0);
    }

    /** One project at a time: activation, then the wait for its reconciled status. */
    private boolean activationLatency(int warmup, int count) {
        long[] total = new long[count];
        long[] overhead = new long[count];
        long[] call = new long[count];
        CountingDispatcher.Counts perProject = null;
        CpuTimes cpu = new CpuTimes(0, 0, 0, 0);
        for (int i = -warmup; i < count; i++) {
            Project project = run.draft("latency", null);
            CpuTimes cpuBefore = cpuNow(WORKER_THREAD);
            CountingDispatcher.Counts before = server.counts();
            long start = System.nanoTime();
            projects.changeStatus(admin, project.slug(), ProjectStatus.ACTIVE, "benchmark");
            long activated = System.nanoTime();
            run.awaitReady(project);
            long ready = System.nanoTime();
            CountingDispatcher.Counts during = server.counts().since(before);
            CpuTimes cpuDuring = cpuNow(WORKER_THREAD).since(cpuBefore);
            run.checkAllApplied(project);
            if (i >= 0) {
                cpu = cpu.plus(cpuDuring);
                total[i] = ready - start;
                overhead[i] = total[i] - during.serverNanos();
                call[i] = activated - start;
                perProject = during;
            }
        }
        double p99 = MockClusterRun.percentile99(overhead);
        System.out.printf(Locale.ROOT, "%n-- activation to READY, one project at a time: %d (after %d warm-up)%n"
                        + "requests per project: %d reads, %d writes%n"
                        + "activation to READY      %s%n"
                        + "  minus server handling  %s%n"
                        + "  activation call alone  %s%n"
                        + "CPU per project: %s%n"
                        + "goal p99 overhead <= %.0f ms: %s%n", count, warmup, perProject.reads(), perProject.writes(),
                BenchReport.latencies(total), BenchReport.latencies(overhead), BenchReport.latencies(call),
                cpu.per(count),
                GOAL_OVERHEAD_P99_MS, p99 <= GOAL_OVERHEAD_P99_MS ? "MET" : "MISSED");
        return p99 <= GOAL_OVERHEAD_P99_MS;
    }

    /** Many admins activating at the same moment; the reconciles queue on the service's worker thread. */
    private boolean burst(int count) throws Exception {
        List<Project> drafts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            drafts.add(run.draft("burst", null));
        }
        ExecutorService admins = Executors.newFixedThreadPool(ADMIN_THREADS);
        CpuTimes cpuBefore = cpuNow(WORKER_THREAD);
        CountingDispatcher.Counts before = server.counts();
        long start = System.nanoTime();
        List<Future<Project>> activated = new ArrayList<>();
        for (Project project : drafts) {
            activated.add(admins.submit(() ->
                    projects.changeStatus(admin, project.slug(), ProjectStatus.ACTIVE, "benchmark")));
        }
        for (Future<Project> future : activated) {
            future.get();
        }
        long allActivated = System.nanoTime();
        admins.shutdown();
        drafts.forEach(run::awaitReady);
        long allReady = System.nanoTime();
        CountingDispatcher.Counts during = server.counts().since(before);
        CpuTimes cpu = cpuNow(WORKER_THREAD).since(cpuBefore);
        drafts.forEach(run::checkAllApplied);
        double seconds = (allReady - start) / 1e9;
        System.out.printf(Locale.ROOT, "%n-- %d projects activated at once from %d threads%n"
                        + "all activated after %.2f s, all READY after %.2f s (%.1f ms per project)%n"
                        + "requests: %,d reads, %,d writes; server handling %.2f s%n"
                        + "CPU per project: %s%n"
                        + "goal <= %.0f s: %s%n", count, ADMIN_THREADS, (allActivated - start) / 1e9, seconds,
                seconds * 1000 / count, during.reads(), during.writes(), during.serverNanos() / 1e9, cpu.per(count),
                GOAL_BURST_SECONDS, seconds <= GOAL_BURST_SECONDS ? "MET" : "MISSED");
        return seconds <= GOAL_BURST_SECONDS;
    }

    /** Fills up to {@code count} active projects, then times two full periodic passes over them. */
    private boolean steadyState(int count, HeapSampler heap) {
        long start = System.nanoTime();
        List<Project> added = new ArrayList<>();
        for (int active = activeProjects(); active < count; active++) {
            Project project = run.draft("steady", null);
            projects.changeStatus(admin, project.slug(), ProjectStatus.ACTIVE, "benchmark");
            added.add(project);
        }
        added.forEach(run::awaitReady);
        int active = activeProjects();
        System.out.printf(Locale.ROOT, "%n-- steady state: %d active projects (%d added and reconciled in %.1f s)%n",
                active, added.size(), (System.nanoTime() - start) / 1e9);
        System.out.printf(Locale.ROOT, "heap: %.0f MiB max, %.0f MiB in use after a full GC before the passes%n",
                HeapSampler.maxHeapMib(), HeapSampler.usedAfterGcMib());
        System.out.printf("%-6s %9s %9s %7s %9s %9s %10s %10s%n", "pass", "seconds", "reads", "writes", "audit",
                "not READY", "heap peak", "after GC");
        boolean writeFree = true;
        double peak = 0;
        double afterGc = 0;
        for (int pass = 1; pass <= 2; pass++) {
            heap.takeMaxMib();
            long audited = count("SELECT count(*) FROM platform.audit_log");
            CpuTimes cpuBefore = cpuNow(Thread.currentThread().getName());
            CountingDispatcher.Counts before = server.counts();
            long passStart = System.nanoTime();
            reconciles.reconcileAll();
            double seconds = (System.nanoTime() - passStart) / 1e9;
            CountingDispatcher.Counts during = server.counts().since(before);
            CpuTimes cpu = cpuNow(Thread.currentThread().getName()).since(cpuBefore);
            double passPeak = heap.takeMaxMib();
            afterGc = HeapSampler.usedAfterGcMib();
            peak = Math.max(peak, passPeak);
            writeFree &= during.writes() == 0;
            System.out.printf(Locale.ROOT, "%-6d %9.2f %,9d %,7d %9d %9d %6.0f MiB %6.0f MiB%n", pass, seconds,
                    during.reads(), during.writes(), count("SELECT count(*) FROM platform.audit_log") - audited,
                    count("SELECT count(*) FROM cluster_status WHERE state <> 'READY'"), passPeak, afterGc);
            System.out.printf(Locale.ROOT, "         %.2f ms per project, %.1f reads per project, server handling"
                    + " %.2f s%n         CPU per project: %s%n", seconds * 1000 / active,
                    during.reads() / (double) active, during.serverNanos() / 1e9, cpu.per(active));
        }
        boolean heapMet = HeapSampler.maxHeapMib() <= GOAL_HEAP_MIB || peak <= GOAL_HEAP_MIB;
        System.out.printf(Locale.ROOT, "goal no write call: %s%ngoal heap <= %.0f MiB: %s (%s)%n",
                writeFree ? "MET" : "MISSED", GOAL_HEAP_MIB, heapMet ? "MET" : "MISSED",
                HeapSampler.maxHeapMib() <= GOAL_HEAP_MIB
                        ? String.format(Locale.ROOT, "ran within a max heap of %.0f MiB", HeapSampler.maxHeapMib())
                        : String.format(Locale.ROOT, "peak %.0f MiB sampled; max heap not bounded", peak));
        return writeFree && heapMet;
    }

    private CpuTimes cpuNow(String reconciler) {
        return CpuTimes.now(server.threads(), reconciler);
    }

    private int activeProjects() {
        return (int) count("SELECT count(*) FROM projects WHERE status = 'active'");
    }

    private long count(String sql) {
        return run.count(sql);
    }
}
