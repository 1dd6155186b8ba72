package eu.enclave.platform.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Locale;

/** What benchmarks print: the machine they ran on, and latency percentiles. */
public final class BenchReport {

    private BenchReport() {
    }

    /** nproc, memory, CPU model, Java version and date, on one line each. */
    public static String machine() {
        Runtime rt = Runtime.getRuntime();
        return String.join("\n",
                "date        " + ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME),
                "cpus        " + rt.availableProcessors() + " x " + cpuModel(),
                "memory      " + memTotal() + " (JVM max heap " + rt.maxMemory() / (1 << 20) + " MiB)",
                "java        " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                "os          " + System.getProperty("os.name") + " " + System.getProperty("os.version"));
    }

    /** The 1, 5 and 15 minute load averages and running/total tasks: other work on the machine skews figures. */
    public static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** {@code p} in [0, 100] of {@code sortedNanos}, in milliseconds. */
    public static double percentileMillis(long[] sortedNanos, double p) {
        if (sortedNanos.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100.0 * sortedNanos.length) - 1;
        return sortedNanos[Math.max(0, Math.min(sortedNanos.length - 1, index))] / 1e6;
    }

    /** "p50 0.42 ms  p95 ...  p99 ...  max ..." of unsorted latencies in nanoseconds (sorted in place). */
    public static String latencies(long[] nanos) {
        Arrays.sort(nanos);
        return String.format(Locale.ROOT, "p50 %.2f ms  p95 %.2f ms  p99 %.2f ms  max %.2f ms",
                percentileMillis(nanos, 50), percentileMillis(nanos, 95), percentileMillis(nanos, 99),
                percentileMillis(nanos, 100));
    }

    private static String cpuModel() {
        return firstValue(Path.of("/proc/cpuinfo"), "model name");
    }

    private static String memTotal() {
        String kb = firstValue(Path.of("/proc/meminfo"), "MemTotal");
        try {
            return String.format(Locale.ROOT, "%.1f GiB", Long.parseLong(kb.replace("kB", "").trim()) / 1048576.0);
        } catch (NumberFormatException e) {
            return kb;
        }
    }

    private static String firstValue(Path file, String key) {
        try {
            return Files.readAllLines(file).stream().filter(l -> l.startsWith(key)).findFirst()
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** Grows as needed: latencies of one thread, without boxing. */
    public static final class Samples {

        private long[] values = new long[1 << 14];
        private int size;

        public void add(long nanos) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = nanos;
        }

        public int size() {
            return size;
        }

        public long[] toArray() {
            return Arrays.copyOf(values, size);
        }

        public static long[] merge(Iterable<Samples> all) {
            int total = 0;
            for (Samples s : all) {
                total += s.size;
            }
            long[] merged = new long[total];
            int at = 0;
            for (Samples s : all) {
                System.arraycopy(s.values, 0, merged, at, s.size);
                at += s.size;
            }
            return merged;
        }
    }
}
