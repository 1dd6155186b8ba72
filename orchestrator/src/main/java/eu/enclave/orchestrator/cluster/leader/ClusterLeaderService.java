package eu.enclave.orchestrator.cluster.leader;

import eu.enclave.orchestrator.project.ProjectService;
import eu.enclave.platform.audit.AuditEvent;
import eu.enclave.platform.audit.AuditTrail;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElectionConfig;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElector;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.LeaseLock;
import jakarta.annotation.PreDestroy;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;

/**
 * Elects the replica that acts on the cluster, with Fabric8's {@link LeaderElector} on a coordination.k8s.io
 * Lease. Gaining and losing the lead are logged, audited ({@code cluster.leadership_acquired},
 * {@code cluster.leadership_lost}, actor {@code system}) and published as application events.
 *
 * <p>{@link #isLeader()} turns false before the Lease is released and as soon as a renewal is given up, and
 * the renew deadline is shorter than the lease duration: a replica stops acting before another may start.
 * With leader election disabled the replica leads from {@link #start()} on, without any Lease.
 *
 * <p>{@link #prepare()}, at startup, creates the Lease's namespace when it is missing (and fails the startup, naming
 * the namespace and the right needed, when the cluster refuses), then reads the Lease once, so that a refusal is
 * known at once. Why the Lease calls fail is kept: {@link #cannotLeadBecause()} tells whether no replica can lead
 * for a reason that will not heal by itself.
 */
public class ClusterLeaderService implements ClusterLeadership {

    private static final Logger log = LoggerFactory.getLogger(ClusterLeaderService.class);
    private static final Duration AUDIT_WAIT = Duration.ofSeconds(2);

    private final KubernetesClient client;
    private final LeaderElectionSettings settings;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final String identity;
    private final AtomicBoolean leader = new AtomicBoolean();
    /** Whether acquiring was announced, so that losing is announced once and only after it. */
    private final AtomicBoolean announced = new AtomicBoolean();
    private CompletableFuture<?> election;
    private volatile RenewalTrackingLock lock;
    private volatile boolean stopped;
    private volatile boolean prepared;
    private volatile String observedLeader;

    public ClusterLeaderService(KubernetesClient client, LeaderElectionSettings settings, AuditTrail audit,
                                ApplicationEventPublisher events) {
        this.client = client;
        this.settings = settings;
        this.audit = audit;
        this.events = events;
        this.identity = settings.identity() != null ? settings.identity() : hostName() + "-" + randomSuffix();
    }

    /** Also false as soon as this replica's claim is older than the renew deadline, whatever the elector says. */
    @Override
    public boolean isLeader() {
        RenewalTrackingLock claim = lock;
        return leader.get() && (claim == null || claim.claimedWithin(settings.renewDeadline()));
    }

    @Override
    public String identity() {
        return identity;
    }

    @Override
    public Optional<String> cannotLeadBecause() {
        RenewalTrackingLock claim = lock;
        LeaseProblem problem = claim == null || !settings.enabled() ? null : claim.problem();
        return problem == null || problem.heals() ? Optional.empty()
                : Optional.of(problem.describe(settings.namespace(), settings.leaseName()));
    }

    /** Why the last Lease call failed, healing or not; empty when the last one went well. */
    public Optional<LeaseProblem> leaseProblem() {
        RenewalTrackingLock claim = lock;
        return Optional.ofNullable(claim == null ? null : claim.problem());
    }

    /** The replica that leads as this one last saw it (itself included); empty before anyone was seen. */
    public Optional<String> observedLeader() {
        return Optional.ofNullable(isLeader() ? identity : observedLeader);
    }

    public LeaderElectionSettings settings() {
        return settings;
    }

    /**
     * Before competing: makes sure the Lease's namespace exists (creating it when missing) and reads the Lease
     * once. Throws {@link LeaseNamespaceMissing} when the namespace is missing and the cluster refuses to create
     * it: no replica could ever lead.
     */
    public synchronized void prepare() {
        if (prepared || !settings.enabled()) {
            return;
        }
        ensureLeaseNamespace();
        RenewalTrackingLock probe = newLock(null);
        try {
            probe.get(client);
        } catch (KubernetesClientException e) {
            log.warn("Leader election: {}", probe.problem().describe(settings.namespace(), settings.leaseName()));
        }
        lock = probe;
        prepared = true;
    }

    public synchronized void start() {
        if (election != null || leader.get()) {
            return;
        }
        stopped = false;
        if (!settings.enabled()) {
            log.info("Leader election is disabled (enclave.cluster.leader-election.enabled=false): this replica,"
                    + " {}, acts on the cluster alone; run no other", identity);
            acquired();
            return;
        }
        prepare();
        log.info("Leader election for the cluster: Lease {}/{} as {}", settings.namespace(), settings.leaseName(),
                identity);
        compete();
    }

    /** Fabric8's elector ends after a lost lead: compete again until stopped, as the others do. */
    private synchronized void compete() {
        RenewalTrackingLock claim = newLock(lock);
        lock = claim;
        LeaderElectionConfig config = new LeaderElectionConfig(claim, settings.leaseDuration(),
                settings.renewDeadline(), settings.retryPeriod(),
                new LeaderCallbacks(this::acquired, this::lost, this::observed), true, settings.leaseName());
        CompletableFuture<?> started = client.leaderElector().withConfig(config).build().start();
        election = started;
        started.whenComplete((ignored, error) -> competeAgain(started, error));
    }

    private synchronized void competeAgain(CompletableFuture<?> ended, Throwable error) {
        if (election != ended) {
            return; // stopped on purpose
        }
        if (error != null) {
            log.warn("Leader election of {} ended ({}); competing again", identity, error.toString());
        }
        leader.set(false);
        CompletableFuture.delayedExecutor(settings.retryPeriod().toMillis(), TimeUnit.MILLISECONDS)
                .execute(() -> {
                    synchronized (this) {
                        if (election == ended) {
                            compete();
                        }
                    }
                });
    }

    /** Steps down (releasing the Lease so that another replica takes over at once) and stops competing. */
    @PreDestroy
    public synchronized void stop() {
        stopped = true;
        leader.set(false);
        lost(); // its listeners return once this replica's run in progress has ended: only then is the Lease released
        if (election != null) {
            CompletableFuture<?> ending = election;
            election = null;
            ending.cancel(true);
        }
    }

    private synchronized void acquired() {
        if (!stopped && announced.compareAndSet(false, true)) {
            leader.set(true);
            log.info("This replica ({}) now leads: it reconciles the cluster", identity);
            record("cluster.leadership_acquired");
            publish(new LeadershipAcquired(identity));
        }
    }

    private void lost() {
        leader.set(false);
        if (!announced.compareAndSet(true, false)) {
            return;
        }
        log.warn("This replica ({}) no longer leads: it stops acting on the cluster", identity);
        if (settings.enabled()) {
            // Without election there is no Lease to lose: the replica only stops, and at shutdown the database
            // may already be going away too.
            record("cluster.leadership_lost");
        }
        publish(new LeadershipLost(identity));
    }

    private RenewalTrackingLock newLock(RenewalTrackingLock previous) {
        return new RenewalTrackingLock(new LeaseLock(settings.namespace(), settings.leaseName(), identity),
                settings.leaseDuration(), previous == null ? null : previous.problem());
    }

    private void observed(String newLeader) {
        observedLeader = newLeader;
        if (!identity.equals(newLeader)) {
            log.info("The cluster is reconciled by replica {}", newLeader);
        }
    }

    private void publish(Object event) {
        try {
            events.publishEvent(event);
        } catch (RuntimeException e) {
            // at shutdown the listeners may be gone already; they stop with the application anyway
            log.warn("Could not announce {} to this replica's cluster jobs: {}", event, e.toString());
        }
    }

    /**
     * Waits for the audit entry a bounded time: at shutdown the database may be stopping at the same moment,
     * and a replica must not hang on its way out (nor an elector thread keep the lead waiting for it).
     */
    private void record(String action) {
        AuditEvent event = new AuditEvent(ProjectService.SYSTEM, action, null, "lease:" + settings.namespace() + "/"
                + settings.leaseName(), Map.of("identity", identity));
        try {
            CompletableFuture.runAsync(() -> audit.record(event)).get(AUDIT_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            log.error("Interrupted while auditing {} of {}", action, identity);
        } catch (ExecutionException | TimeoutException e) {
            log.error("Could not audit {} of {}: {}", action, identity, e.toString());
        }
    }

    private void ensureLeaseNamespace() {
        String namespace = settings.namespace();
        try {
            if (client.namespaces().withName(namespace).get() != null) {
                return;
            }
        } catch (KubernetesClientException e) {
            log.warn("Leader election: could not read namespace {} ({}); the Lease calls will tell whether it exists",
                    namespace, e.getCode());
            return;
        }
        try {
            client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata()
                    .build()).create();
            log.info("Leader election: created the Lease's namespace {}", namespace);
        } catch (KubernetesClientException e) {
            if (e.getCode() == 401 || e.getCode() == 403) {
                throw new LeaseNamespaceMissing(namespace, settings.leaseName(), e.getCode());
            }
            if (e.getCode() != 409) { // 409: another replica created it meanwhile
                log.warn("Leader election: could not create namespace {} ({}); retrying with the Lease calls",
                        namespace, e.toString());
            }
        }
    }

    private static String hostName() {
        String fromEnvironment = System.getenv("HOSTNAME");
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return fromEnvironment;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "orchestrator";
        }
    }

    private static String randomSuffix() {
        byte[] bytes = new byte[3];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
