package eu.enclave.platform.bench;

import com.zaxxer.hikari.HikariDataSource;
import eu.enclave.platform.audit.AuditEvent;
import eu.enclave.platform.audit.AuditHash;
import eu.enclave.platform.audit.AuditReader;
import eu.enclave.platform.audit.AuditTrail;
import eu.enclave.platform.audit.AuditVerification;
import eu.enclave.platform.testing.BenchReport;
import eu.enclave.platform.testing.BenchReport.Samples;
import eu.enclave.platform.testing.TestDatabase;
import eu.enclave.platform.testing.TestDatabases;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Durable audit appends per second: each append is its own committed transaction with synchronous_commit
 * on, by 1, 4 and 16 concurrent writers. Prints the disk's fdatasync rate too, since every commit waits for
 * one and the chain lock is held until commit, and, for reference, the same rows inserted without the chain,
 * which concurrent writers can commit together. Goal: at least 2,000 appends/s.
 *
 * <p>Run: {@code mvn -B -q -pl platform test-compile exec:java@bench-audit-append}
 * (options: {@code -Dbench.seconds=10 -Dbench.warmup=3 -Dbench.writers=1,4,16 -Dbench.reference=true}).
 */
public final class AuditAppendBenchmark {

    private static final double GOAL = 2_000;

    public static void main(String[] args) throws Exception {
        int seconds = Integer.getInteger("bench.seconds", 10);
        int warmup = Integer.getInteger("bench.warmup", 3);
        String[] writerCounts = System.getProperty("bench.writers", "1,4,16").split(",");

        System.out.println("== Audit appends, durable (one committed transaction each)\n" + BenchReport.machine()
                + "\nload        " + BenchReport.loadAverage());
        try (TestDatabase db = TestDatabases.createMigrated();
             HikariDataSource pool = pool(db, 16)) {
            JdbcTemplate jdbc = new JdbcTemplate(pool);
            System.out.println("postgres    " + jdbc.queryForObject("SELECT version()", String.class));
            for (String setting : List.of("synchronous_commit", "fsync", "wal_sync_method", "commit_delay")) {
                System.out.printf("            %s = %s%n", setting, jdbc.queryForObject("SHOW " + setting, String.class));
            }
            if (!"on".equals(jdbc.queryForObject("SHOW synchronous_commit", String.class))
                    || !"on".equals(jdbc.queryForObject("SHOW fsync", String.class))) {
                throw new IllegalStateException("not a durable configuration: synchronous_commit and fsync must be on");
            }
            Path dataDir = TestDatabases.shared().embedded()
                    ? Path.of(jdbc.queryForObject("SHOW data_directory", String.class)).getParent() : null;
            if (dataDir != null) {
                System.out.println(fsyncProbe(dataDir, 2));
            }
            System.out.println(roundTrip(jdbc));
            DataSourceTransactionManager transactions = new DataSourceTransactionManager(pool);
            AuditTrail trail = new AuditTrail(jdbc, transactions);

            Appender audit = (actor, i) -> trail.record(event(actor, i));
            run(audit, 4, warmup, false);
            System.out.printf("%n%-8s %10s %12s   %s%n", "writers", "appends", "appends/s", "latency per append");
            List<Double> rates = new ArrayList<>();
            for (String w : writerCounts) {
                rates.add(run(audit, Integer.parseInt(w.trim()), seconds, true));
            }
            if (Boolean.parseBoolean(System.getProperty("bench.reference", "true"))) {
                System.out.println("reference: the same row inserted in its own transaction without the chain (no lock,"
                        + " no head, no hash),\nso that concurrent commits can share a WAL flush (group commit):");
                jdbc.execute("CREATE TABLE public.bench_plain (LIKE platform.audit_log)");
                TransactionTemplate tx = new TransactionTemplate(transactions);
                AtomicLong seq = new AtomicLong();
                Appender plain = (actor, i) -> tx.executeWithoutResult(status -> jdbc.update(
                        "INSERT INTO public.bench_plain VALUES (?, now(), ?, 'file.viewed', 'cohort', ?, ?, ?, ?)",
                        seq.incrementAndGet(), actor, "file:results/table-" + i + ".csv", "{\"size\":12345}",
                        AuditHash.GENESIS, AuditHash.GENESIS));
                for (String w : writerCounts) {
                    run(plain, Integer.parseInt(w.trim()), seconds, true);
                }
            }
            if (dataDir != null) {
                System.out.println(fsyncProbe(dataDir, 2) + " (again, after the runs: this disk varies)");
            }
            AuditVerification check = new AuditReader(jdbc, transactions).verify();
            System.out.printf("chain after the run: %s, %,d entries%n", check.intact() ? "intact" : "BROKEN " + check.problem(),
                    check.entriesChecked());
            double best = rates.stream().mapToDouble(Double::doubleValue).max().orElse(0);
            System.out.printf(Locale.ROOT, "goal >= %,.0f appends/s: %s (best %,.0f/s)%nload        %s%n", GOAL,
                    best >= GOAL ? "MET" : "MISSED", best, BenchReport.loadAverage());
        }
    }

    /** One durable write, as the measured thing does it. */
    private interface Appender {
        void append(String actor, long i);
    }

    private static AuditEvent event(String actor, long i) {
        return new AuditEvent(actor, "file.viewed", "cohort-" + (i % 50), "file:results/table-" + i + ".csv",
                Map.of("size", 12_345, "sha256", "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"));
    }

    private static double run(Appender appender, int writers, int seconds, boolean print) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(writers);
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch ready = new CountDownLatch(writers);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Samples>> results = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            String actor = "writer-" + w;
            results.add(threads.submit(() -> {
                Samples samples = new Samples();
                ready.countDown();
                go.await();
                for (long i = 0; !stop.get(); i++) {
                    long start = System.nanoTime();
                    appender.append(actor, i);
                    samples.add(System.nanoTime() - start);
                }
                return samples;
            }));
        }
        ready.await();
        long start = System.nanoTime();
        go.countDown();
        Thread.sleep(seconds * 1000L);
        stop.set(true);
        List<Samples> all = new ArrayList<>();
        for (Future<Samples> f : results) {
            all.add(f.get());
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        threads.shutdown();
        long[] latencies = Samples.merge(all);
        double rate = latencies.length / elapsed;
        if (print) {
            System.out.printf(Locale.ROOT, "%-8d %,10d %,12.0f   %s%n", writers, latencies.length, rate,
                    BenchReport.latencies(latencies));
        }
        return rate;
    }

    /** One statement's round trip to the server: an append makes three, two of them while holding the chain lock. */
    static String roundTrip(JdbcTemplate jdbc) {
        for (int i = 0; i < 2_000; i++) {
            jdbc.queryForObject("SELECT 1", Integer.class);
        }
        int n = 5_000;
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            jdbc.queryForObject("SELECT 1", Integer.class);
        }
        return String.format(Locale.ROOT, "loopback    SELECT 1 round trip (JDBC, pooled): %.0f us", (System.nanoTime() - start) / 1e3 / n);
    }

    /** How fast this disk makes an 8 kB write durable (write + fdatasync), as a WAL flush does. */
    static String fsyncProbe(Path directory, int seconds) throws IOException {
        Path file = Files.createTempFile(directory, "fsync-probe", ".bin");
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ByteBuffer block = ByteBuffer.allocateDirect(8192);
            long deadline = System.nanoTime() + seconds * 1_000_000_000L;
            long ops = 0;
            long start = System.nanoTime();
            while (System.nanoTime() < deadline) {
                block.clear();
                channel.write(block, (ops % 16) * 8192L);
                channel.force(false);
                ops++;
            }
            double elapsed = (System.nanoTime() - start) / 1e9;
            return String.format(Locale.ROOT, "disk        8 kB write + fdatasync: %,.0f/s (%.0f us each) in %s",
                    ops / elapsed, elapsed / ops * 1e6, directory);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    static HikariDataSource pool(TestDatabase db, int size) {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(db.jdbcUrl());
        pool.setUsername(db.username());
        pool.setPassword(db.password());
        pool.setMaximumPoolSize(size);
        pool.setMinimumIdle(size);
        pool.setPoolName("bench");
        return pool;
    }

    private AuditAppendBenchmark() {
    }
}
