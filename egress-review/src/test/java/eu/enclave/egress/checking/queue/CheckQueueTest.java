package eu.enclave.egress.checking.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.enclave.egress.checks.CheckStatus;
import eu.enclave.egress.intake.IntakeConnector;
import eu.enclave.egress.orchestrator.OrchestratorPeer;
import eu.enclave.egress.request.RequestLifecycle;
import eu.enclave.egress.request.RequestStatus;
import eu.enclave.egress.request.RequestTransitions.Actor;
import eu.enclave.egress.support.EgressServiceTest;
import eu.enclave.egress.support.IntakeClient;
import eu.enclave.egress.support.ScriptedOutputChecker;
import eu.enclave.platform.testing.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The check queue in PostgreSQL: jobs taken once (SKIP LOCKED), run again when a replica died holding one, recorded
 * as "could not run" (review) after repeated failures, results with policy hash, engine version and findings with
 * their location; and the last check before a release, which sends a changed request back to review.
 */
@EgressServiceTest
class CheckQueueTest {

    private static final AtomicInteger PROJECTS = new AtomicInteger();

    @Autowired
    IntakeConnector intake;

    @Autowired
    CheckQueue queue;

    @Autowired
    CheckJobs jobs;

    @Autowired
    PreReleaseChecks preRelease;

    @Autowired
    RequestLifecycle lifecycle;

    @Autowired
    ScriptedOutputChecker checker;

    @Autowired
    MutableClock clock;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcTemplate jdbc;

    private IntakeClient client;

    @BeforeEach
    void drainAndFreshProject() {
        queue.runPending();
        OrchestratorPeer.PeerProject project = OrchestratorPeer.shared().project("queue-" + PROJECTS.incrementAndGet()
                + "-" + Long.toHexString(System.nanoTime() & 0xffffff));
        client = new IntakeClient(intake.port(), project.workspace("analysis", "researcher").start());
    }

    @AfterEach
    void reset() {
        checker.reset();
        clock.reset();
    }

    @Test
    void resultsAreRecordedWithPolicyHashEngineVersionAndLocatedFindings() {
        checker.script("flagged.csv", CheckStatus.FAIL, ScriptedOutputChecker.smallCount(3, "n", "8"));
        String id = submitted("flagged.csv");

        assertThat(queue.runPending()).isEqualTo(1);

        JsonNode checks = client.get(id).json().path("files").get(0).path("checks");
        assertThat(checks.path("status").asString()).isEqualTo("fail");
        assertThat(checks.path("engineVersion").asString()).isEqualTo(ScriptedOutputChecker.VERSION);
        assertThat(checks.path("policyHash").asString())
                .isEqualTo(jdbc.queryForObject("SELECT policy_hash FROM requests WHERE id = ?::uuid", String.class, id));
        JsonNode finding = checks.path("findings").get(0);
        assertThat(finding.path("ruleId").asString()).isEqualTo("table.small-count");
        assertThat(finding.path("location").path("row").asLong()).isEqualTo(3);
        assertThat(finding.path("location").path("column").asString()).isEqualTo("n");
        assertThat(jdbc.queryForObject("SELECT status FROM check_jobs WHERE request_id = ?::uuid", String.class, id))
                .isEqualTo("done");
    }

    @Test
    void aJobOfAReplicaThatDiedRunsAgainOnceItsLeaseExpires() {
        String id = submitted("table.csv");
        transactions.execute(s -> jobs.claim("replica-killed-mid-run", clock.instant(), Duration.ofMinutes(15)));

        assertThat(queue.runPending()).as("its lease holds").isZero();
        clock.advance(Duration.ofMinutes(16));
        assertThat(queue.runPending()).isEqualTo(1);

        assertThat(jdbc.queryForMap("SELECT status, attempts FROM check_jobs WHERE request_id = ?::uuid", id))
                .containsEntry("status", "done").containsEntry("attempts", 2);
        assertThat(client.get(id).json().path("files").get(0).path("checks").path("status").asString())
                .isEqualTo("review");
    }

    @Test
    void replicasNeverTakeTheSameJob() throws Exception {
        String first = submitted("a.csv");
        String second = submitted("b.csv");
        CountDownLatch taken = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread otherReplica = new Thread(() -> transactions.executeWithoutResult(s -> {
            jdbc.queryForList("SELECT id FROM check_jobs WHERE request_id = ?::uuid FOR UPDATE", first);
            taken.countDown();
            await(release);
        }));
        otherReplica.start();
        assertThat(taken.await(30, TimeUnit.SECONDS)).isTrue();
        try {
            assertThat(queue.runOne()).isTrue();
            assertThat(queue.runOne()).as("the other job is locked by another transaction: skipped").isFalse();
        } finally {
            release.countDown();
            otherReplica.join();
        }
        assertThat(status(first)).isEqualTo("queued");
        assertThat(status(second)).isEqualTo("done");
        assertThat(queue.runPending()).isEqualTo(1);
    }

    @Test
    void anEngineThatKeepsFailingLeavesEveryFileToReviewNeverPass() {
        String id = submitted("table.csv");
        checker.failNext(3);

        queue.runPending();

        assertThat(jdbc.queryForMap("SELECT status, attempts FROM check_jobs WHERE request_id = ?::uuid", id))
                .containsEntry("status", "failed").containsEntry("attempts", 3);
        JsonNode checks = client.get(id).json().path("files").get(0).path("checks");
        assertThat(checks.path("status").asString()).isEqualTo("review");
        assertThat(checks.path("findings").get(0).path("ruleId").asString()).isEqualTo(CheckRun.FAILED);
        assertThat(jdbc.queryForList("SELECT action FROM platform.audit_log WHERE target = ?", String.class,
                "request:" + id)).contains("request.checks_failed");
    }

    @Test
    void theLastCheckBeforeReleaseSendsAChangedRequestBackToReview() {
        String id = submitted("table.csv");
        queue.runPending();
        UUID request = UUID.fromString(id);
        UUID file = UUID.fromString(client.get(id).json().path("files").get(0).path("id").asString());
        approve(request);

        PreReleaseChecks.Outcome same = preRelease.recheck(request, List.of(file));
        assertThat(same.changed()).isFalse();
        assertThat(statusOf(id)).isEqualTo("approved");

        checker.script("table.csv", CheckStatus.FAIL, ScriptedOutputChecker.smallCount(1, "n", "3"));
        PreReleaseChecks.Outcome changed = preRelease.recheck(request, List.of(file));
        assertThat(changed.changed()).isTrue();
        assertThat(changed.changedFileIds()).containsExactly(file);
        assertThat(statusOf(id)).isEqualTo("in_review");
        assertThat(jdbc.queryForList("SELECT action FROM platform.audit_log WHERE target = ? ORDER BY seq",
                String.class, "request:" + id)).containsSubsequence("request.rechecked", "request.rechecked",
                "request.checks_changed");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM check_results WHERE request_id = ?::uuid"
                + " AND purpose = 'pre_release'", Integer.class, id)).isEqualTo(2);
    }

    @Test
    void aRecordedResultIsNeverAltered() {
        String id = submitted("table.csv");
        queue.runPending();
        assertThatThrownBy(() -> jdbc.update(
                "UPDATE check_results SET status = 'pass' WHERE request_id = ?::uuid", id))
                .hasMessageContaining("never altered");
        assertThatThrownBy(() -> jdbc.update(
                "UPDATE request_files SET sha256 = repeat('0', 64) WHERE request_id = ?::uuid", id))
                .hasMessageContaining("cannot be changed");
    }

    private void approve(UUID request) {
        transactions.executeWithoutResult(s -> {
            lifecycle.move(request, RequestStatus.IN_REVIEW, Actor.REVIEWER, "reviewer", null, Map.of());
            lifecycle.move(request, RequestStatus.APPROVED, Actor.REVIEWER, "reviewer", null, Map.of());
        });
    }

    private String submitted(String fileName) {
        String id = client.create("""
                {"title": "t", "groups": [{"name": "g", "context": "c", "controls": "k"}]}""").json().path("id")
                .asString();
        assertThat(client.upload(id, fileName, "region;n\nNord;8\n".getBytes(StandardCharsets.UTF_8), Map.of())
                .status()).isEqualTo(201);
        assertThat(client.submit(id).status()).isEqualTo(200);
        return id;
    }

    private String status(String requestId) {
        return jdbc.queryForObject("SELECT status FROM check_jobs WHERE request_id = ?::uuid", String.class,
                requestId);
    }

    private String statusOf(String requestId) {
        return jdbc.queryForObject("SELECT status FROM requests WHERE id = ?::uuid", String.class, requestId);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
