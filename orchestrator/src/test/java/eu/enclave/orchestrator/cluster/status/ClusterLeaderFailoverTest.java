package eu.enclave.orchestrator.cluster.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import eu.enclave.orchestrator.cluster.ClusterNames;
import eu.enclave.orchestrator.cluster.ClusterSettings;
import eu.enclave.orchestrator.cluster.ClusterSpecSource;
import eu.enclave.orchestrator.cluster.ProjectReconciler;
import eu.enclave.orchestrator.cluster.connection.ClusterConnection;
import eu.enclave.orchestrator.cluster.leader.ClusterLeaderService;
import eu.enclave.orchestrator.cluster.leader.LeaderElectionSettings;
import eu.enclave.orchestrator.cluster.leader.LeadershipAcquired;
import eu.enclave.orchestrator.cluster.leader.LeadershipLost;
import eu.enclave.orchestrator.cluster.watch.ChangeNotifications;
import eu.enclave.orchestrator.cluster.watch.ClusterWatchSettings;
import eu.enclave.orchestrator.project.Project;
import eu.enclave.orchestrator.project.ProjectRepository;
import eu.enclave.orchestrator.support.Fixtures;
import eu.enclave.orchestrator.support.Fixtures.Audited;
import eu.enclave.orchestrator.support.OrchestratorApiTest;
import eu.enclave.platform.audit.AuditTrail;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Three replicas on one database and one (simulated) cluster, competing for one Lease: the test context
 * (identity {@code context}) and two built here, {@code replica-a} and {@code replica-b}, whose reconciles
 * are counted, with one counter of runs in progress shared by both. Short lease times keep it quick.
 */
@OrchestratorApiTest
@TestPropertySource(properties = {
    "enclave.cluster.leader-election.enabled=true",
    "enclave.cluster.leader-election.identity=context",
    "enclave.cluster.leader-election.lease-duration=PT2S",
    "enclave.cluster.leader-election.renew-deadline=PT1.5S",
    "enclave.cluster.leader-election.retry-period=PT0.2S",
})
class ClusterLeaderFailoverTest {

    static final Duration LEASE = Duration.ofSeconds(2);
    static final AtomicInteger RUNNING = new AtomicInteger();
    static final AtomicInteger MOST_RUNNING = new AtomicInteger();

    @Autowired ClusterLeaderService contextLeader;
    @Autowired Fixtures fixtures;
    @Autowired ProjectRepository projects;
    @Autowired ClusterSpecSource specs;
    @Autowired ProjectReconciler reconciler;
    @Autowired ClusterStatusRepository statuses;
    @Autowired AuditTrail audit;
    @Autowired PlatformTransactionManager transactions;
    @Autowired Clock clock;
    @Autowired JdbcClient jdbc;
    @Autowired DataSource dataSource;
    @Autowired ClusterConnection connection;
    @Autowired ClusterSettings settings;

    final List<Replica> replicas = new ArrayList<>();

    @AfterEach
    void stopReplicas() {
        replicas.forEach(Replica::stop);
        MOST_RUNNING.set(0);
    }

    @Test
    void oneReplicaReconcilesAtATimeChangesMadeElsewhereReachItAndAnotherTakesOverWhenItStops() throws Exception {
        contextLeader.start(); // in case another test stopped it
        await().atMost(Duration.ofSeconds(10)).until(contextLeader::isLeader);
        Project first = fixtures.activeProject("lead");
        assertThat(statuses.find(first.id())).as("reconciled by the context, which leads").isPresent();
        long head = fixtures.auditHead();

        Replica a = replica("replica-a");
        Replica b = replica("replica-b");
        TimeUnit.MILLISECONDS.sleep(LEASE.toMillis() / 2);
        assertThat(a.leads() || b.leads()).as("the Lease is held by the context").isFalse();
        assertThat(a.runs.get() + b.runs.get()).isZero();

        contextLeader.stop(); // released: one of the two takes over at its next attempt
        await().atMost(LEASE.plusSeconds(1)).until(() -> a.leads() || b.leads());
        Replica leader = a.leads() ? a : b;
        Replica other = leader == a ? b : a;
        assertThat(other.leads()).isFalse();
        await().atMost(Duration.ofSeconds(5)).until(() -> leader.runs.get() > 0); // its full pass
        assertThat(other.runs.get()).isZero();

        // A change made through a replica that does not lead is reconciled by the leader, told through NOTIFY.
        int before = leader.runs.get();
        Project second = fixtures.activeProject("lead");
        assertThat(contextLeader.isLeader()).isFalse();
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(statuses.find(second.id()))
                .hasValueSatisfying(status -> assertThat(status.state()).isEqualTo(ClusterState.READY)));
        assertThat(leader.runs.get()).isGreaterThan(before);
        assertThat(connection.client().namespaces()
                .withName(ClusterNames.namespace(settings.namespacePrefix(), second.slug())).get()).isNotNull();
        assertThat(other.runs.get()).isZero();

        // Both keep being asked to run their periodic pass while the lead moves.
        AtomicBoolean hammering = new AtomicBoolean(true);
        Thread hammer = new Thread(() -> {
            while (hammering.get()) {
                a.triggers.periodicPass();
                b.triggers.periodicPass();
            }
        });
        hammer.start();
        TimeUnit.MILLISECONDS.sleep(300);
        int otherBefore = other.runs.get();
        long stoppedAt = System.nanoTime();
        leader.leadership.stop();
        await().atMost(LEASE).until(other::leads);
        Duration takeover = Duration.ofNanos(System.nanoTime() - stoppedAt);
        await().atMost(Duration.ofSeconds(5)).until(() -> other.runs.get() > otherBefore);
        int leaderAfter = leader.runs.get();
        TimeUnit.MILLISECONDS.sleep(300);
        hammering.set(false);
        hammer.join();

        assertThat(takeover).isLessThan(LEASE);
        assertThat(leader.leads()).isFalse();
        assertThat(leader.runs.get()).as("the stopped replica runs nothing more").isEqualTo(leaderAfter);
        assertThat(MOST_RUNNING.get()).as("never two reconciles at the same time").isEqualTo(1);
        List<Audited> leadership = fixtures.auditAfter(head).stream()
                .filter(entry -> entry.action().startsWith("cluster.leadership_")).toList();
        assertThat(leadership).allSatisfy(entry -> assertThat(entry.actor()).isEqualTo("system"));
        assertThat(leadership).extracting(entry -> entry.action() + " " + identityIn(entry.details()))
                .containsSubsequence("cluster.leadership_lost context",
                        "cluster.leadership_acquired " + leader.leadership.identity(),
                        "cluster.leadership_lost " + leader.leadership.identity(),
                        "cluster.leadership_acquired " + other.leadership.identity());
    }

    private static String identityIn(String details) {
        return details.replaceAll(".*\"identity\":\\s*\"([^\"]+)\".*", "$1");
    }

    @Test
    void aLeaderThatStopsRenewingStepsDownBeforeAnotherTakesOverOnceTheLeaseExpires() throws Exception {
        contextLeader.stop();
        fixtures.activeProject("crash");
        KubernetesClient doomedClient = connection.simulator().createClient();
        Replica a = replica("crash-a", doomedClient);
        await().atMost(LEASE.plusSeconds(1)).until(a::leads);
        Replica b = replica("crash-b", connection.client());
        await().atMost(Duration.ofSeconds(5)).until(() -> a.runs.get() > 0);
        MOST_RUNNING.set(0);

        AtomicBoolean watching = new AtomicBoolean(true);
        AtomicBoolean bothLed = new AtomicBoolean();
        Thread observer = new Thread(() -> {
            while (watching.get()) {
                if (a.leads() && b.leads()) {
                    bothLed.set(true);
                }
                b.triggers.periodicPass();
                a.triggers.periodicPass();
            }
        });
        observer.start();
        long crashedAt = System.nanoTime();
        doomedClient.close(); // it can no longer renew, nor release: as if its node were cut off

        await().atMost(LEASE.plusSeconds(3)).until(b::leads);
        Duration takeover = Duration.ofNanos(System.nanoTime() - crashedAt);
        await().atMost(Duration.ofSeconds(5)).until(() -> b.runs.get() > 0);
        watching.set(false);
        observer.join();

        assertThat(a.leads()).isFalse();
        assertThat(takeover).as("the claim expires, then the next attempt takes it")
                .isGreaterThanOrEqualTo(Duration.ofMillis(500)).isLessThan(LEASE.plusSeconds(2));
        assertThat(bothLed.get()).as("never two leaders at once").isFalse();
        assertThat(MOST_RUNNING.get()).as("never two reconciles at the same time").isEqualTo(1);
    }

    private Replica replica(String identity) {
        return replica(identity, connection.client());
    }

    private Replica replica(String identity, KubernetesClient client) {
        AtomicReference<ClusterReconcileTriggers> triggers = new AtomicReference<>();
        LeaderElectionSettings election = LeaderElectionSettings.of(identity, LEASE, Duration.ofMillis(1500),
                Duration.ofMillis(200));
        ClusterLeaderService leadership = new ClusterLeaderService(client, election, audit,
                event -> {
                    if (event instanceof LeadershipAcquired acquired) {
                        triggers.get().onLeadershipAcquired(acquired);
                    } else if (event instanceof LeadershipLost lost) {
                        triggers.get().onLeadershipLost(lost);
                    }
                });
        Replica replica = new Replica(leadership, new AtomicInteger());
        CountingService service = new CountingService(replica.runs, leadership);
        replica.triggers = new ClusterReconcileTriggers(service, leadership, election, new ChangeNotifications(jdbc),
                connection, dataSource, new ClusterWatchSettings(false, null, null), true);
        triggers.set(replica.triggers);
        replicas.add(replica);
        leadership.start();
        return replica;
    }

    static final class Replica {
        final ClusterLeaderService leadership;
        final AtomicInteger runs;
        ClusterReconcileTriggers triggers;

        Replica(ClusterLeaderService leadership, AtomicInteger runs) {
            this.leadership = leadership;
            this.runs = runs;
        }

        boolean leads() {
            return leadership.isLeader();
        }

        void stop() {
            leadership.stop();
            triggers.stop();
        }
    }

    /** Counts its runs, and the runs in progress in all replicas. */
    final class CountingService extends ClusterReconcileService {

        private final AtomicInteger runs;

        CountingService(AtomicInteger runs, ClusterLeaderService leadership) {
            super(projects, specs, reconciler, statuses, audit, transactions, clock, leadership, event -> { });
            this.runs = runs;
        }

        @Override
        public ClusterStatus reconcile(Project project) {
            MOST_RUNNING.accumulateAndGet(RUNNING.incrementAndGet(), Math::max);
            runs.incrementAndGet();
            try {
                TimeUnit.MILLISECONDS.sleep(20); // widens the window in which an overlap would show
                return super.reconcile(project);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } finally {
                RUNNING.decrementAndGet();
            }
        }
    }
}
