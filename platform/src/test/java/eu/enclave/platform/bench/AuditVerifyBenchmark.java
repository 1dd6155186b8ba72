package eu.enclave.platform.bench;

import com.zaxxer.hikari.HikariDataSource;
import eu.enclave.platform.audit.AuditHash;
import eu.enclave.platform.audit.AuditReader;
import eu.enclave.platform.audit.AuditVerification;
import eu.enclave.platform.testing.BenchReport;
import eu.enclave.platform.testing.TestDatabase;
import eu.enclave.platform.testing.TestDatabases;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * Time to verify a chain of a million entries. A valid chain is built in Java with {@link AuditHash} and loaded
 * with COPY, then {@link AuditReader#verify()} walks it. Goal: at most 10 s.
 *
 * <p>Run: {@code mvn -B -q -pl platform test-compile exec:java@bench-audit-verify}
 * (options: {@code -Dbench.entries=1000000 -Dbench.runs=3}).
 */
public final class AuditVerifyBenchmark {

    private static final double GOAL_SECONDS = 10;
    private static final DateTimeFormatter COPY_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS'+00'").withZone(ZoneOffset.UTC);
    private static final String[] ACTIONS = {"file.viewed", "workspace.started", "workspace.stopped",
        "member.added", "project.updated", "output.submitted", "output.reviewed", "desktop.connected"};

    public static void main(String[] args) throws Exception {
        int entries = Integer.getInteger("bench.entries", 1_000_000);
        int runs = Integer.getInteger("bench.runs", 3);
        System.out.println("== Verify a chain of " + String.format(Locale.ROOT, "%,d", entries) + " entries\n"
                + BenchReport.machine() + "\nload        " + BenchReport.loadAverage());
        try (TestDatabase db = TestDatabases.createMigrated();
             HikariDataSource pool = AuditAppendBenchmark.pool(db, 2)) {
            JdbcTemplate jdbc = new JdbcTemplate(pool);
            System.out.println("postgres    " + jdbc.queryForObject("SHOW server_version", String.class)
                    + ", shared_buffers " + jdbc.queryForObject("SHOW shared_buffers", String.class));

            long start = System.nanoTime();
            String head = load(pool, entries);
            double loadSeconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "copy        built in Java and COPYed: %,.1f s (%,.0f rows/s)%n", loadSeconds,
                    entries / loadSeconds);
            start = System.nanoTime();
            jdbc.execute("VACUUM (ANALYZE) platform.audit_log");
            System.out.printf(Locale.ROOT, "            VACUUM ANALYZE: %.1f s; table %s%n", (System.nanoTime() - start) / 1e9,
                    jdbc.queryForObject("SELECT pg_size_pretty(pg_total_relation_size('platform.audit_log'))", String.class));

            AuditReader reader = new AuditReader(jdbc, new DataSourceTransactionManager(pool));
            double best = Double.MAX_VALUE;
            for (int run = 1; run <= runs; run++) {
                start = System.nanoTime();
                AuditVerification result = reader.verify();
                double seconds = (System.nanoTime() - start) / 1e9;
                best = Math.min(best, seconds);
                if (!result.intact() || result.entriesChecked() != entries || !result.headHash().equals(head)) {
                    throw new IllegalStateException("the generated chain did not verify: " + result);
                }
                System.out.printf(Locale.ROOT, "verify #%d   %,d entries intact in %.2f s (%,.0f rows/s)%n", run,
                        result.entriesChecked(), seconds, entries / seconds);
            }
            System.out.printf(Locale.ROOT, "goal <= %.0f s: %s (best %.2f s)%nload        %s%n", GOAL_SECONDS,
                    best <= GOAL_SECONDS ? "MET" : "MISSED", best, BenchReport.loadAverage());
        }
    }

    /** Builds a valid chain and streams it into the table with COPY; returns the head hash. */
    static String load(javax.sql.DataSource dataSource, int entries) throws Exception {
        AuditHash hash = new AuditHash();
        Instant base = Instant.parse("2025-01-01T00:00:00Z");
        String prev = AuditHash.GENESIS;
        try (Connection c = dataSource.getConnection()) {
            CopyIn copy = c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY platform.audit_log"
                    + " (seq, occurred_at, actor, action, project, target, details, prev_hash, hash) FROM STDIN");
            StringBuilder rows = new StringBuilder(1 << 20);
            for (int i = 1; i <= entries; i++) {
                Instant at = base.plusNanos(i * 31_337_000L); // about a year of entries, microsecond precision
                String actor = "user" + (i % 400);
                String action = ACTIONS[i % ACTIONS.length];
                String project = i % 10 == 0 ? null : "cohort-" + (i % 50);
                String target = "file:outputs/table-" + i + ".csv";
                long mixed = i * 0x9E3779B97F4A7C15L;
                String details = "{\"reason\":\"analysis\",\"sha256\":\"" + hex16(mixed) + hex16(~mixed) + hex16(mixed >>> 7)
                        + hex16(mixed * 31) + "\",\"size\":" + (i % 100_000) + "}";
                String h = hash.of(at, actor, action, project, target, details, prev);
                rows.append(i).append('\t').append(COPY_TIME.format(at)).append('\t').append(actor).append('\t')
                        .append(action).append('\t').append(project == null ? "\\N" : project).append('\t')
                        .append(target).append('\t').append(details).append('\t').append(prev).append('\t')
                        .append(h).append('\n');
                prev = h;
                if (rows.length() > (1 << 20) - 1024) {
                    flush(copy, rows);
                }
            }
            flush(copy, rows);
            copy.endCopy();
        }
        return prev;
    }

    private static String hex16(long value) {
        String hex = Long.toHexString(value);
        return "0".repeat(16 - hex.length()) + hex;
    }

    private static void flush(CopyIn copy, StringBuilder rows) throws Exception {
        byte[] bytes = rows.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        rows.setLength(0);
    }

    private AuditVerifyBenchmark() {
    }
}
