package eu.enclave.orchestrator.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The highest heap use seen, sampled every few milliseconds on a daemon thread (garbage included, so it is what
 * the heap had to hold, not what was live), and the heap left in use after a full collection.
 */
final class HeapSampler {

    private static final long MIB = 1 << 20;
    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    private final AtomicLong max = new AtomicLong();

    static HeapSampler start(long periodMillis) {
        HeapSampler sampler = new HeapSampler();
        Thread thread = new Thread(() -> {
            while (true) {
                sampler.max.accumulateAndGet(MEMORY.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(periodMillis);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "bench-heap-sampler");
        thread.setDaemon(true);
        thread.start();
        return sampler;
    }

    /** MiB; the highest use since the last call. */
    double takeMaxMib() {
        return max.getAndSet(MEMORY.getHeapMemoryUsage().getUsed()) / (double) MIB;
    }

    /** MiB in use after a full collection (explicit GCs are honoured by G1 unless turned off). */
    static double usedAfterGcMib() {
        System.gc();
        return MEMORY.getHeapMemoryUsage().getUsed() / (double) MIB;
    }

    static double maxHeapMib() {
        return Runtime.getRuntime().maxMemory() / (double) MIB;
    }
}
