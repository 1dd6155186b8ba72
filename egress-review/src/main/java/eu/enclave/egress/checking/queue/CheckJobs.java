package eu.enclave.egress.checking.queue;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The check queue's rows. A job is taken with {@code FOR UPDATE SKIP LOCKED}, so that replicas never take the same
 * one, under a lease: a worker that dies (or a replica killed mid-run) lets the lease expire and another takes the
 * job again.
 */
@Repository
class CheckJobs {

    record Job(UUID id, UUID requestId, int submission, int attempts) {
    }

    private final JdbcClient jdbc;

    CheckJobs(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void enqueue(UUID requestId, int submission, Instant now) {
        jdbc.sql("INSERT INTO check_jobs (id, request_id, submission, status, enqueued_at) VALUES (?, ?, ?, 'queued', ?)"
                        + " ON CONFLICT (request_id, submission) DO NOTHING")
                .params(UUID.randomUUID(), requestId, submission, Timestamp.from(now)).update();
    }

    /** Takes the oldest job that is queued, or running under an expired lease; call in a transaction. */
    Optional<Job> claim(String worker, Instant now, Duration lease) {
        Optional<Job> job = jdbc.sql("SELECT id, request_id, submission, attempts FROM check_jobs"
                        + " WHERE status = 'queued' OR (status = 'running' AND lease_until < ?)"
                        + " ORDER BY enqueued_at, id LIMIT 1 FOR UPDATE SKIP LOCKED")
                .param(Timestamp.from(now))
                .query((rs, n) -> new Job(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getInt(3),
                        rs.getInt(4) + 1))
                .optional();
        job.ifPresent(j -> jdbc.sql("UPDATE check_jobs SET status = 'running', attempts = ?, leased_by = ?,"
                        + " lease_until = ?, started_at = ? WHERE id = ?")
                .params(j.attempts(), worker, Timestamp.from(now.plus(lease)), Timestamp.from(now), j.id()).update());
        return job;
    }

    /** Extends the lease while the run goes on; false when the job is no longer this worker's. */
    boolean extend(UUID id, String worker, Instant until) {
        return jdbc.sql("UPDATE check_jobs SET lease_until = ? WHERE id = ? AND leased_by = ? AND status = 'running'")
                .params(Timestamp.from(until), id, worker).update() == 1;
    }

    /** Ends a run of this worker: done or failed for good, or queued again; false when it was no longer its own. */
    boolean finish(UUID id, String worker, String status, String error, Instant now) {
        return jdbc.sql("UPDATE check_jobs SET status = ?, last_error = ?, lease_until = NULL, leased_by = NULL,"
                        + " finished_at = CASE WHEN ? IN ('done', 'failed') THEN ?::timestamptz ELSE NULL END"
                        + " WHERE id = ? AND leased_by = ? AND status = 'running'")
                .params(status, error == null ? "" : error, status, Timestamp.from(now), id, worker).update() == 1;
    }

    int pending() {
        return jdbc.sql("SELECT count(*) FROM check_jobs WHERE status IN ('queued', 'running')").query(Integer.class)
                .single();
    }
}
