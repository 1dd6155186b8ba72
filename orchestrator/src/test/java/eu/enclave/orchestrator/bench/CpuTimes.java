package eu.enclave.orchestrator.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.Set;

/**
 * CPU time used so far by the orchestrator's reconcile thread, the Fabric8 client's Vert.x threads, the mock API
 * server's threads and the whole JVM. CPU time hardly depends on what else the machine runs, unlike wall time.
 * Finished threads drop out of the sums, so only differences over a span where the same threads live are sound.
 * The mock server's threads are those its dispatcher ran on: the client's Vert.x instance names its threads alike.
 */
record CpuTimes(long reconcile, long client, long server, long process) {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** @param reconciler the name of the thread that reconciles: the service's worker, or the caller of a pass */
    static CpuTimes now(Set<Long> serverThreads, String reconciler) {
        long reconcile = 0;
        long client = 0;
        long server = 0;
        for (ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (info == null) {
                continue;
            }
            long nanos = Math.max(0, THREADS.getThreadCpuTime(info.getThreadId()));
            if (serverThreads.contains(info.getThreadId())) {
                server += nanos;
            } else if (info.getThreadName().startsWith("vert.x")) {
                client += nanos;
            } else if (info.getThreadName().equals(reconciler)) {
                reconcile += nanos;
            }
        }
        long process = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
        return new CpuTimes(reconcile, client, server, process);
    }

    CpuTimes plus(CpuTimes other) {
        return new CpuTimes(reconcile + other.reconcile, client + other.client, server + other.server,
                process + other.process);
    }

    CpuTimes since(CpuTimes before) {
        return new CpuTimes(reconcile - before.reconcile, client - before.client, server - before.server,
                process - before.process);
    }

    /** "reconcile thread 1.2 ms, ..." per unit of work, in milliseconds. */
    String per(int units) {
        return String.format(java.util.Locale.ROOT, "reconcile thread %.2f ms, Fabric8 client (Vert.x) %.2f ms,"
                        + " mock server %.2f ms, whole JVM %.2f ms", reconcile / 1e6 / units, client / 1e6 / units,
                server / 1e6 / units, process / 1e6 / units);
    }
}
