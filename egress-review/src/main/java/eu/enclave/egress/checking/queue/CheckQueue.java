package eu.enclave.egress.checking.queue;

import eu.enclave.egress.checks.CheckStatus;
import eu.enclave.egress.checks.FileCheckResult;
import eu.enclave.egress.checking.queue.CheckJobs.Job;
import eu.enclave.egress.request.Request;
import eu.enclave.egress.request.RequestFile;
import eu.enclave.egress.request.RequestRepository;
import eu.enclave.egress.request.RequestStatus;
import eu.enclave.platform.audit.AuditEvent;
import eu.enclave.platform.audit.AuditTrail;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The automated checks of submitted requests, queued in PostgreSQL. A submission enqueues a job in its own
 * transaction (so that a crash right after the commit loses nothing); any replica's worker takes it, runs the checks
 * outside any transaction (a file may be gigabytes), and records the results with the policy hash and the engine
 * version. A job whose worker died runs again once its lease expires; after {@code maxAttempts} failed runs its files
 * are recorded as "checks could not run" ({@code review}).
 */
@Service
public class CheckQueue {

    private static final Logger log = LoggerFactory.getLogger(CheckQueue.class);
    /** The states in which a submission's checks are still wanted. */
    private static final Set<RequestStatus> CHECKED = EnumSet.of(RequestStatus.SUBMITTED, RequestStatus.IN_REVIEW);

    private final CheckJobs jobs;
    private final CheckRun run;
    private final CheckResultRepository results;
    private final RequestRepository requests;
    private final AuditTrail audit;
    private final CheckQueueSettings settings;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "check-lease-renewal");
        thread.setDaemon(true);
        return thread;
    });

    CheckQueue(CheckJobs jobs, CheckRun run, CheckResultRepository results, RequestRepository requests,
               AuditTrail audit, CheckQueueSettings settings, PlatformTransactionManager transactions, Clock clock) {
        this.jobs = jobs;
        this.run = run;
        this.results = results;
        this.requests = requests;
        this.audit = audit;
        this.settings = settings;
        this.transactions = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** Queues the checks of a submission; in the submission's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void enqueue(UUID requestId, int submission) {
        jobs.enqueue(requestId, submission, clock.instant());
    }

    /** Runs jobs until none is left to take; how many ran. */
    public int runPending() {
        int ran = 0;
        while (runOne()) {
            ran++;
        }
        return ran;
    }

    /** Takes one job and runs it; false when there was none to take. */
    public boolean runOne() {
        Optional<Job> claimed = transactions.execute(status -> jobs.claim(settings.workerId(), clock.instant(),
                settings.lease()));
        if (claimed.isEmpty()) {
            return false;
        }
        Job job = claimed.get();
        Duration renewal = settings.lease().dividedBy(3);
        ScheduledFuture<?> heartbeat = heartbeats.scheduleAtFixedRate(() -> renew(job), renewal.toMillis(),
                renewal.toMillis(), TimeUnit.MILLISECONDS);
        try {
            execute(job);
        } finally {
            heartbeat.cancel(false);
        }
        return true;
    }

    int pending() {
        return jobs.pending();
    }

    private void execute(Job job) {
        Request request = requests.find(job.requestId()).orElse(null);
        if (request == null || request.submissions() != job.submission() || !CHECKED.contains(request.status())) {
            transactions.executeWithoutResult(s -> jobs.finish(job.id(), settings.workerId(), "done",
                    "superseded: the request moved on before its checks ran", clock.instant()));
            return;
        }
        List<RequestFile> files = requests.currentFiles(request.id()).stream().filter(f -> f.submission() != null)
                .toList();
        Map<UUID, FileCheckResult> outcome;
        try {
            outcome = run.run(request, files);
        } catch (RuntimeException e) {
            log.warn("Checks of request {} (submission {}, attempt {}) failed", request.id(), job.submission(),
                    job.attempts(), e);
            recordFailure(job, request, files, e);
            return;
        }
        transactions.executeWithoutResult(s -> {
            if (!jobs.finish(job.id(), settings.workerId(), "done", null, clock.instant())) {
                s.setRollbackOnly(); // another worker took it after our lease ran out: its run counts
                return;
            }
            record(request, job, outcome, "request.checked");
        });
    }

    private void recordFailure(Job job, Request request, List<RequestFile> files, RuntimeException e) {
        String error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        transactions.executeWithoutResult(s -> {
            boolean last = job.attempts() >= settings.maxAttempts();
            if (!jobs.finish(job.id(), settings.workerId(), last ? "failed" : "queued", error, clock.instant())) {
                s.setRollbackOnly();
                return;
            }
            if (last) {
                Map<UUID, FileCheckResult> failed = new LinkedHashMap<>();
                files.forEach(f -> failed.put(f.id(), run.failed(request.policyHash())));
                record(request, job, failed, "request.checks_failed");
            }
        });
    }

    private void record(Request request, Job job, Map<UUID, FileCheckResult> outcome, String action) {
        Map<CheckStatus, Integer> counts = new LinkedHashMap<>();
        outcome.forEach((fileId, result) -> {
            results.insert(new StoredCheckResult(UUID.randomUUID(), request.id(), fileId, job.id(),
                    CheckPurpose.SUBMISSION, result, clock.instant()));
            counts.merge(result.status(), 1, Integer::sum);
        });
        audit.record(new AuditEvent("system", action, request.project(), request.target(), Map.of(
                "submission", job.submission(), "attempt", job.attempts(), "files", outcome.size(),
                "pass", counts.getOrDefault(CheckStatus.PASS, 0), "review", counts.getOrDefault(CheckStatus.REVIEW, 0),
                "fail", counts.getOrDefault(CheckStatus.FAIL, 0), "policyHash", request.policyHash(),
                "engineVersion", run.engineVersion())));
    }

    private void renew(Job job) {
        try {
            transactions.executeWithoutResult(s -> jobs.extend(job.id(), settings.workerId(),
                    clock.instant().plus(settings.lease())));
        } catch (RuntimeException e) {
            log.warn("Could not renew the lease of check job {}", job.id(), e);
        }
    }

    @PreDestroy
    void stop() {
        heartbeats.shutdownNow();
    }
}
