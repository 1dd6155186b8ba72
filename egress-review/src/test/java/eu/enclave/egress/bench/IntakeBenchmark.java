package eu.enclave.egress.bench;

import eu.enclave.egress.EgressReviewApplication;
import eu.enclave.egress.intake.IntakeConnector;
import eu.enclave.egress.orchestrator.OrchestratorPeer;
import eu.enclave.egress.support.IntakeClient;
import eu.enclave.egress.support.IntakeClient.Answer;
import eu.enclave.platform.testing.BenchReport;
import eu.enclave.platform.testing.TestDatabase;
import eu.enclave.platform.testing.TestDatabases;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Intake throughput and memory (docs/benchmarks.md, section "intake"): one large file (2 GB by default) streamed
 * into egress-review over loopback, against {@code sha256sum} of the same file and a
 * {@code tee >(sha256sum) | dd conv=fsync} copy of it (hashing plus a durable write: the least the intake must do),
 * in the same run; the heap used above its level before the upload; then 100 concurrent submissions of a 10 MB file
 * each (draft, upload, submit), with their latency percentiles and errors. The service runs in this JVM (bounded by
 * the command's -Xmx) on a fresh test database, with the orchestrator's test peer.
 *
 * <p>Options: {@code -Dbench.size=2g} (the large file; {@code k}, {@code m}, {@code g}), {@code -Dbench.dir=...}
 * (where the file and the blobs go; default the temporary folder: put it on the disk you mean to measure),
 * {@code -Dbench.submissions=100}, {@code -Dbench.submissionSize=10m}, {@code -Dbench.concurrency=100}.
 */
public final class IntakeBenchmark {

    private static final long MIB = 1 << 20;
    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    private IntakeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long size = bytes(System.getProperty("bench.size", "2g"));
        int submissions = Integer.getInteger("bench.submissions", 100);
        long submissionSize = bytes(System.getProperty("bench.submissionSize", "10m"));
        int concurrency = Integer.getInteger("bench.concurrency", 100);
        Path dir = Files.createTempDirectory(Path.of(System.getProperty("bench.dir",
                System.getProperty("java.io.tmpdir"))), "intake-bench-");
        System.out.println("Intake benchmark\n" + BenchReport.machine() + "\n" + BenchReport.loadAverage()
                + "\nmax heap " + Runtime.getRuntime().maxMemory() / MIB + " MiB; files in " + dir);
        Path file = dir.resolve("large.bin");
        write(file, size);
        double hashOnly = timed("sha256sum", size, "sha256sum " + file + " > /dev/null");
        double hashAndWrite = timed("tee >(sha256sum) | dd conv=fsync", size, "tee >(sha256sum > /dev/null) < " + file
                + " | dd of=" + dir.resolve("copy.bin") + " bs=1M conv=fsync status=none");
        Files.deleteIfExists(dir.resolve("copy.bin"));

        try (TestDatabase database = TestDatabases.create()) {
            ConfigurableApplicationContext service = start(database, dir.resolve("store"), size);
            try {
                int port = service.getBean(IntakeConnector.class).port();
                OrchestratorPeer.PeerProject project = OrchestratorPeer.shared().project("bench");
                IntakeClient client = new IntakeClient(port, project.workspace("analysis", "researcher").start())
                        .withTimeout(Duration.ofHours(1));
                large(client, file, size, hashAndWrite, hashOnly);
                concurrent(project, port, submissions, submissionSize, concurrency);
            } finally {
                service.close();
            }
        } finally {
            try (var paths = Files.walk(dir)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        System.exit(0);
    }

    private static void large(IntakeClient client, Path file, long size, double hashAndWrite, double hashOnly)
            throws Exception {
        String id = draft(client, "large");
        double before = usedAfterGcMib();
        AtomicLong peak = new AtomicLong();
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(MEMORY.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        sampler.start();
        long start = System.nanoTime();
        Answer stored = client.upload(id, "large.bin", HttpRequest.BodyPublishers.ofFile(file),
                Map.of("Enclave-Group", "data"));
        double seconds = (System.nanoTime() - start) / 1e9;
        sampler.interrupt();
        if (stored.status() != 201) {
            throw new IllegalStateException("the upload failed: " + stored);
        }
        double throughput = size / MIB / seconds;
        double after = usedAfterGcMib();
        double peakAbove = peak.get() / (double) MIB - before;
        System.out.printf("intake PUT of %d MiB: %.1f s, %.0f MiB/s = %.0f %% of tee|dd (goal >= 70 %%: %s), %.0f %% of"
                        + " sha256sum alone%n", size / MIB, seconds, throughput, 100 * throughput / hashAndWrite,
                throughput >= 0.7 * hashAndWrite ? "met" : "missed", 100 * throughput / hashOnly);
        System.out.printf("heap: %.0f MiB in use before (after a full GC); highest sample during the upload %.0f MiB"
                        + " above it, garbage included (goal <= 64 MiB: %s); %.0f MiB above it after a full GC%n",
                before, peakAbove, peakAbove <= 64 ? "met" : "missed", after - before);
    }

    private static void concurrent(OrchestratorPeer.PeerProject project, int port, int submissions, long size,
                                   int concurrency) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        AtomicInteger errors = new AtomicInteger();
        List<Future<Long>> results = new ArrayList<>();
        List<String> firstErrors = java.util.Collections.synchronizedList(new ArrayList<>());
        long start = System.nanoTime();
        for (int i = 0; i < submissions; i++) {
            int n = i;
            IntakeClient client = new IntakeClient(port, project.workspace("ws-" + i, "researcher").start());
            results.add(pool.submit(() -> {
                long t = System.nanoTime();
                try {
                    String id = draft(client, "submission-" + n);
                    Answer upload = client.upload(id, "table-" + n + ".csv", () -> new Generated(size, n), size,
                            Map.of("Enclave-Group", "data"));
                    Answer submitted = upload.status() == 201 ? client.submit(id) : upload;
                    if (submitted.status() != 200) {
                        errors.incrementAndGet();
                        if (firstErrors.size() < 3) {
                            firstErrors.add(submitted.toString());
                        }
                    }
                } catch (RuntimeException e) {
                    errors.incrementAndGet();
                    if (firstErrors.size() < 3) {
                        firstErrors.add(e.toString());
                    }
                }
                return System.nanoTime() - t;
            }));
        }
        long[] latencies = new long[submissions];
        for (int i = 0; i < submissions; i++) {
            latencies[i] = results.get(i).get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        System.out.printf("%d submissions of %d MiB, %d at once (draft, upload, submit): %.1f s, %d errors; per "
                        + "submission %s%n", submissions, size / MIB, concurrency, seconds, errors.get(),
                BenchReport.latencies(latencies));
        firstErrors.forEach(e -> System.out.println("  error: " + e));
        System.out.println(BenchReport.loadAverage());
    }

    private static String draft(IntakeClient client, String title) {
        Answer created = client.create("{\"title\": \"" + title + "\", \"groups\": [{\"name\": \"data\", \"context\":"
                + " \"benchmark\", \"controls\": \"none\"}]}");
        if (created.status() != 201) {
            throw new IllegalStateException("draft refused: " + created);
        }
        return created.json().path("id").asString();
    }

    private static ConfigurableApplicationContext start(TestDatabase database, Path store, long size) {
        OrchestratorPeer peer = OrchestratorPeer.shared();
        List<String> settings = new ArrayList<>(List.of("--server.port=0", "--enclave.intake.port=0",
                "--spring.datasource.url=" + database.jdbcUrl(), "--spring.datasource.username=" + database.username(),
                "--spring.datasource.password=" + (database.password() == null ? "" : database.password()),
                "--enclave.orchestrator.internal-url=" + peer.url(),
                "--enclave.orchestrator.credential-file=" + peer.credentialFile(),
                "--enclave.storage.filesystem.directory=" + store,
                "--enclave.data-directory=" + store.resolveSibling("data"),
                "--enclave.intake.max-file-size=" + Math.max(size, 11 * MIB) + "B",
                "--enclave.intake.max-bytes-per-project-per-day=1TB",
                "--logging.level.root=WARN", "--logging.level.eu.enclave.egress.intake.IntakeConnector=INFO"));
        return SpringApplication.run(EgressReviewApplication.class, settings.toArray(String[]::new));
    }

    private static double timed(String what, long size, String command) throws Exception {
        long start = System.nanoTime();
        Process process = new ProcessBuilder("bash", "-c", command).inheritIO().start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException(what + " failed");
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double throughput = size / MIB / seconds;
        System.out.printf("%s of %d MiB: %.1f s, %.0f MiB/s%n", what, size / MIB, seconds, throughput);
        return throughput;
    }

    /** A file of varied bytes (not all zeros: no filesystem or hash shortcut), written once before timing. */
    private static void write(Path file, long size) throws IOException {
        byte[] block = new byte[(int) MIB];
        new Random(42).nextBytes(block);
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long written = 0; written < size; written += block.length) {
                block[0]++;
                out.write(block, 0, (int) Math.min(block.length, size - written));
            }
        }
    }

    private static double usedAfterGcMib() {
        System.gc();
        return MEMORY.getHeapMemoryUsage().getUsed() / (double) MIB;
    }

    private static long bytes(String text) {
        String t = text.strip().toLowerCase(java.util.Locale.ROOT);
        long unit = t.endsWith("g") ? 1L << 30 : t.endsWith("m") ? MIB : t.endsWith("k") ? 1024 : 1;
        return Long.parseLong(unit == 1 ? t : t.substring(0, t.length() - 1)) * unit;
    }

    /** {@code size} bytes of a table, different for each {@code seed}, made as they are read. */
    private static final class Generated extends InputStream {

        private final long size;
        private final byte[] line;
        private long position;

        Generated(long size, int seed) {
            this.size = size;
            this.line = ("region;year;n;" + seed + "\n").getBytes();
        }

        @Override
        public int read() {
            return position < size ? line[(int) (position++ % line.length)] : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (position >= size) {
                return -1;
            }
            int n = (int) Math.min(len, size - position);
            for (int i = 0; i < n; i++) {
                b[off + i] = line[(int) ((position + i) % line.length)];
            }
            position += n;
            return n;
        }
    }
}
